// hotwash.js -- after the facilitator ends the exercise: the scenario's
// debrief questions to talk over, a short survey (what went well, what to
// improve, a 1-5 rating per objective, free text; anonymous unless the
// participant adds a name), and then the debrief itself, team by team.
import { h, n } from './dom.js';
import { SURVEY_TEXT_MAX, NAME_MAX } from './model.js';

const RATING_WORDS = ['', 'poorly', 'below expectations', 'adequately', 'well', 'very well'];

const answers = { well: '', improve: '', other: '', name: '', ratings: {} };

function area(key, label, help) {
  const id = `hw-${key}`;
  return [h('label', { class: 'field', for: id }, label),
    help ? h('p', { class: 'dim', id: `${id}-help` }, help) : null,
    h('textarea', { id, 'data-key': id, rows: 3, maxlength: SURVEY_TEXT_MAX, 'aria-describedby': help ? `${id}-help` : null,
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
  kids.push(h('p', {}, 'A few minutes, anonymous unless you add your name, once each. The facilitator reads the summary in the after-action report.'));
  kids.push(h('form', { onsubmit: (e) => { e.preventDefault(); act.survey(answers); } },
    area('well', 'What went well?'),
    area('improve', 'What should be improved?'),
    m.debrief.objectives.length ? [h('p', { class: 'field' }, 'How well did the room meet each objective? (1 poorly, 5 very well)'),
      m.debrief.objectives.map(rating)] : null,
    area('other', 'Anything else?'),
    h('label', { class: 'field', for: 'hw-name' }, 'Your name (optional: leave it empty to stay anonymous)'),
    h('input', { id: 'hw-name', 'data-key': 'hw-name', type: 'text', maxlength: NAME_MAX, autocomplete: 'name',
      value: answers.name, oninput: (e) => { answers.name = e.target.value; } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Send my answers'))));
  return kids;
}

// One team's side of play: what only it knew, its decisions with their
// reasons and the arguments made for them, its standing actions.
function teamPart(t, mine) {
  const items = t.decisions.map((x) => h('li', {},
    h('span', { class: 'dim' }, `${x.when}: `), h('strong', {}, x.title), x.choice ? ` — ${x.choice}` : '',
    x.rationale ? h('div', {}, h('em', {}, `"${x.rationale}"`)) : null,
    x.args.length ? h('ul', { class: 'args' }, x.args.map((a) => h('li', { class: 'dim' }, `${a.by} argued for ${a.option}: "${a.text}"`))) : null));
  return h('details', { class: 'item', open: true, 'data-team': t.id },
    h('summary', {}, h('h3', {}, t.name, mine ? h('span', { class: 'chip' }, 'your team') : null)),
    t.private ? h('p', { class: 'meta' }, `What only ${t.name} knew: ${t.private}`) : null,
    items.length ? h('ul', { class: 'debrief' }, items) : h('p', { class: 'dim' }, 'No decision or action.'));
}

// The debrief: the ending, the truth, the ratings, what the meters hid, and
// every team's side of play, team by team.
export function debriefSection(m) {
  const d = m.debrief;
  const kids = [h('h2', {}, 'Debrief')];
  if (m.kind === 'facilitator') {
    kids.push(h('p', { class: 'dim', 'data-key': 'surveys' }, `Survey: ${n('answer', m.surveys)} so far (summarised in the after-action report).`));
  }
  if (d.ending) kids.push(h('div', { class: 'item' }, h('h3', {}, d.ending.title), d.ending.text ? h('p', {}, d.ending.text) : null));
  if (d.truth) kids.push(h('div', { class: 'item', 'data-truth': '' }, h('h3', {}, `What was really happening: ${d.truth.title}`), d.truth.text ? h('p', {}, d.truth.text) : null));
  if (d.objectives.some((o) => o.rating)) {
    kids.push(h('div', { class: 'item' }, h('h3', {}, 'Objectives, as the facilitator rated them'),
      h('ul', {}, d.objectives.map((o) => h('li', {}, `${o.title}: `, h('strong', {}, o.ratingText || o.rating || 'not rated'))))));
  }
  if (d.hidden.length) {
    kids.push(h('div', { class: 'item' }, h('h3', {}, 'What the meters hid'),
      h('ul', {}, d.hidden.map((mt) => h('li', {}, `${mt.name}: `, h('strong', {}, `${Math.round(mt.value)}${mt.unit}`),
        mt.text ? h('span', { class: 'dim' }, ` — ${mt.text}`) : null)))));
  }
  kids.push(h('h3', {}, 'Team by team'));
  for (const t of d.teams) kids.push(teamPart(t, m.kind === 'team' && t.id === m.role.id));
  return kids;
}
