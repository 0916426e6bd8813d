// hotwash.js -- after the facilitator ends the exercise: the scenario's
// debrief questions to talk over, a short survey (what went well, what to
// improve, a 1-5 rating per objective, free text; anonymous unless the
// participant adds a name), and then the debrief itself, team by team.
import { h } from './dom.js';

const RATING_WORDS = ['', 'poorly', 'below expectations', 'adequately', 'well', 'very well'];

const answers = { well: '', improve: '', other: '', name: '', ratings: {} };

function area(key, label, help) {
  const id = `hw-${key}`;
  return [h('label', { class: 'field', for: id }, label),
    help ? h('p', { class: 'dim', id: `${id}-help` }, help) : null,
    h('textarea', { id, 'data-key': id, rows: 3, maxlength: 2000, 'aria-describedby': help ? `${id}-help` : null,
      oninput: (e) => { answers[key] = e.target.value; } }, answers[key])];
}

function rating(o) {
  const name = `hw-rate-${o.id}`;
  return h('fieldset', {},
    h('legend', {}, o.title),
    h('div', { class: 'rating' }, [1, 2, 3, 4, 5].map((v) => h('label', {},
      h('input', { type: 'radio', name, value: v, 'data-key': `${name}-${v}`, checked: answers.ratings[o.id] === v,
        onchange: () => { answers.ratings[o.id] = v; } }),
      `${v}`, h('span', { class: 'visually-hidden' }, ` (${RATING_WORDS[v]})`)))));
}

export function questionsSection(m) {
  if (!m.debrief.questions.length) return [];
  return [h('h2', {}, 'Debrief questions'),
    h('p', { class: 'dim' }, 'For the discussion in the room.'),
    h('ol', {}, m.debrief.questions.map((q) => h('li', {}, q)))];
}

export function surveySection(m, act, sent) {
  if (m.kind === 'facilitator') return [];
  const kids = [h('h2', {}, 'Your feedback')];
  if (sent) {
    kids.push(h('p', { class: 'notice good', role: 'status' }, 'Thank you: your answers are in.'));
    return kids;
  }
  kids.push(h('p', {}, 'A few minutes, anonymous unless you add your name. The facilitator reads the summary in the after-action report.'));
  kids.push(h('form', { onsubmit: (e) => { e.preventDefault(); act.survey(answers); } },
    area('well', 'What went well?'),
    area('improve', 'What should be improved?'),
    m.debrief.objectives.length ? [h('p', { class: 'field' }, 'How well did the room meet each objective? (1 poorly, 5 very well)'),
      m.debrief.objectives.map(rating)] : null,
    area('other', 'Anything else?'),
    h('label', { class: 'field', for: 'hw-name' }, 'Your name (optional: leave it empty to stay anonymous)'),
    h('input', { id: 'hw-name', 'data-key': 'hw-name', type: 'text', maxlength: 60, autocomplete: 'name',
      value: answers.name, oninput: (e) => { answers.name = e.target.value; } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Send my answers'))));
  return kids;
}

// The debrief: the ending, the truth, and every team's side of play.
export function debriefSection(m) {
  const d = m.debrief;
  const kids = [h('h2', {}, 'Debrief')];
  if (d.ending) kids.push(h('div', { class: 'item' }, h('h3', {}, d.ending.title), d.ending.text ? h('p', {}, d.ending.text) : null));
  if (d.truth) kids.push(h('div', { class: 'item' }, h('h3', {}, `What was really happening: ${d.truth.title}`), d.truth.text ? h('p', {}, d.truth.text) : null));
  if (d.objectives.some((o) => o.rating)) {
    kids.push(h('div', { class: 'item' }, h('h3', {}, 'Objectives'),
      h('ul', {}, d.objectives.map((o) => h('li', {}, `${o.title}: `, h('strong', {}, o.ratingText || o.rating || 'not rated'))))));
  }
  for (const t of d.teams) {
    kids.push(h('details', { class: 'item', open: true },
      h('summary', {}, h('h3', {}, t.name)),
      t.decisions.length ? h('ul', { class: 'debrief' }, t.decisions.map((x) => h('li', {},
        h('span', { class: 'dim' }, `${x.when}: `), h('strong', {}, x.title), x.choice ? ` — ${x.choice}` : '',
        x.rationale ? h('div', {}, h('em', {}, `"${x.rationale}"`)) : null))) : h('p', { class: 'dim' }, 'Nothing this page was shown.')));
  }
  return kids;
}
