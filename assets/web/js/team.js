// team.js -- the sections of a team's page (and the observer's, which is
// the same page with nothing to act on): the move, the decisions with the
// team's votes, the standing actions, the inbox, the evidence board, the
// meters, the brief. Each function builds its section's children from the
// model (model.js); app.js decides when a section is redrawn.
import { h, n } from './dom.js';
import { sparkline } from './spark.js';

// What the team's members have typed or picked, kept across redraws (a
// push from the server must never take away half a rationale).
export const drafts = new Map(); // key -> {option, target, rationale}

function draft(key) {
  if (!drafts.has(key)) drafts.set(key, { option: '', target: '', rationale: '' });
  return drafts.get(key);
}

function names(list) {
  return list && list.length ? list.join(', ') : 'nobody';
}

// The move --------------------------------------------------------------------------------

export function moveState(m) {
  if (m.ended) return { cls: 'done', head: 'The exercise is over', sub: 'The debrief questions and a short survey are above.' };
  if (m.paused) return { cls: 'waiting', head: 'Paused by the facilitator', sub: 'Wait for the game to resume.' };
  if (m.kind !== 'team') {
    const left = m.teams.filter((t) => !t.done).map((t) => t.short || t.name);
    return { cls: 'waiting', head: `Turn ${m.turn} of ${m.turns}`,
      sub: left.length ? `Still moving: ${left.join(', ')}` : 'Every team has moved.' };
  }
  if (m.role.done) {
    const left = m.teams.filter((t) => !t.done && t.id !== m.role.id).map((t) => t.short || t.name);
    return { cls: 'done', head: 'Your move is done',
      sub: left.length ? `Waiting for ${left.join(', ')}.` : 'Waiting for the turn to close.' };
  }
  const open = m.decisions.length, pts = m.role.budget_left;
  return { cls: '', head: 'Your team\'s move',
    sub: `${open ? n('open decision', open) : 'No open decision'} · ${pts ? n('action point', pts) : 'no action point'} left` };
}

export function moveSection(m, act) {
  const st = moveState(m);
  const kids = [h('div', { class: 'state', role: 'status' }, h('strong', {}, st.head), h('p', {}, st.sub))];
  if (m.kind === 'team' && !m.ended && !m.role.done && !m.paused) {
    const lead = m.you.lead;
    kids.push(h('div', { class: 'buttons' },
      h('button', { class: 'primary', type: 'button', 'data-key': 'end-move',
        disabled: !lead, 'aria-describedby': lead ? null : 'end-why',
        onclick: () => act.endMove() }, 'End our move')));
    if (!lead) kids.push(h('p', { id: 'end-why', class: 'dim' }, `Your lead (${m.leadName || 'the first to join'}) ends the move and confirms decisions.`));
  }
  return kids;
}

// The warning before `end`, once per turn: open decisions or unspent points.
export function endWarning(m) {
  const open = m.decisions.length, pts = m.role.budget_left;
  if (!open && !pts) return '';
  const parts = [];
  if (open) parts.push(n('open decision', open));
  if (pts) parts.push(`${n('action point', pts)} not spent`);
  return `Your team still has ${parts.join(' and ')}. ` +
    (open ? 'Open decisions take their default when the turn closes. ' : '') +
    'End the move anyway?';
}

export function membersSection(m, act) {
  const kids = [h('h2', {}, 'Your team')];
  kids.push(h('ul', { class: 'members', 'aria-label': 'Members' },
    m.members.map((p) => h('li', { class: [p.lead && 'lead', p.you && 'you'] },
      p.you ? `${p.name || 'You'} (you)` : p.name || 'a member without a name'))));
  const you = m.members.find((p) => p.you);
  const nameForm = h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); act.rename(e.target.elements.name.value); } },
    h('label', { class: 'field', for: 'my-name' }, 'Your name (your team and the facilitator see it)'),
    h('div', { class: 'buttons' },
      h('input', { id: 'my-name', name: 'name', type: 'text', maxlength: 40, autocomplete: 'nickname',
        'data-key': 'my-name', value: you ? you.name || '' : '' }),
      h('button', { type: 'submit' }, 'Save name')));
  kids.push(nameForm);
  const others = m.members.filter((p) => !p.you);
  if (m.you.lead && others.length) {
    kids.push(h('form', { onsubmit: (e) => { e.preventDefault(); act.handLead(e.target.elements.to.value); } },
      h('label', { class: 'field', for: 'lead-to' }, 'Hand the lead to'),
      h('div', { class: 'buttons' },
        h('select', { id: 'lead-to', name: 'to', 'data-key': 'lead-to' },
          others.map((p) => h('option', { value: p.id }, p.name || 'A member'))),
        h('button', { type: 'submit' }, 'Hand over'))));
  }
  return kids;
}

// Decisions and their votes -----------------------------------------------------------

// "Proposed by Ana: 'the portal first' · 2 votes: Ana, Besnik"
function optionVotes(dec, optionId) {
  const p = (dec.proposals || []).find((x) => x.option === optionId);
  if (!p) return null;
  const arg = p.argument ? `: "${p.argument}"` : '';
  return `Proposed by ${p.by}${arg} · ${n('vote', p.votes.length)}: ${names(p.votes)}`;
}

function optionRow(dec, o, d, idx, readonly) {
  const id = `opt-${dec.key}-${idx}`;
  const cost = o.cost ? h('span', { class: 'chip' }, n('point', o.cost)) : null;
  const votes = optionVotes(dec, o.id);
  return h('label', { class: ['option', !o.available && 'unavailable'], for: id },
    h('input', { type: 'radio', id, name: `dec-${dec.key}`, value: o.id, 'data-key': id,
      checked: d.option === o.id, disabled: readonly,
      onchange: () => { d.option = o.id; } }),
    h('span', { class: 'body' },
      h('span', { class: 'label' }, o.label), ' ', cost,
      o.text ? h('p', { class: 'text' }, o.text) : null,
      o.risk ? h('p', { class: 'risk' }, o.risk) : null,
      !o.available && o.why ? h('p', { class: 'why' }, o.why) : null,
      votes ? h('p', { class: 'votes' }, votes) : null));
}

function canAct(m) {
  return m.kind === 'team' && !m.ended && !m.role.done && !m.paused;
}

// Any member proposes an option or votes for one; the lead confirms.
function voteButtons(m, dec, d, act) {
  if (!canAct(m)) return null;
  const mine = (dec.votes || []).find((v) => v.you);
  const b = [h('button', { type: 'button', 'data-key': `${dec.key}-vote`, onclick: () => act.vote(dec, d) },
    mine ? 'Move my vote here' : 'Propose / vote for this')];
  if (m.you.lead) {
    b.push(h('button', { class: 'primary', type: 'button', 'data-key': `${dec.key}-confirm`,
      onclick: () => act.choose(dec, d) }, 'Confirm for the team'));
  }
  return h('div', { class: 'buttons' }, b);
}

export function decisionCard(m, dec, act) {
  const d = draft(dec.key);
  if (!d.option && dec.votes && dec.votes.length) {
    const mine = dec.votes.find((v) => v.you);
    if (mine) d.option = mine.option;
  }
  const readonly = m.kind !== 'team' || m.role.done || m.ended || m.paused;
  const meta = [dec.channel, dec.from, dec.when].filter(Boolean).join(' · ');
  const rid = `why-${dec.key}`;
  return h('article', { class: 'item', 'aria-labelledby': `h-${dec.key}` },
    h('h3', { id: `h-${dec.key}` }, dec.title),
    meta ? h('p', { class: 'meta' }, meta) : null,
    dec.text ? h('p', {}, dec.text) : null,
    dec.deadline ? h('p', { class: 'notice' }, dec.deadline) : null,
    h('fieldset', {},
      h('legend', {}, 'Options'),
      dec.options.map((o, i) => optionRow(dec, o, d, i, readonly))),
    readonly ? null : [
      h('label', { class: 'field', for: rid }, 'Why (the rationale goes into the report)'),
      h('textarea', { id: rid, 'data-key': rid, maxlength: 1500, rows: 3,
        oninput: (e) => { d.rationale = e.target.value; } }, d.rationale),
    ],
    voteButtons(m, dec, d, act));
}

export function decisionsSection(m, act) {
  const kids = [h('h2', { id: 'decisions-h' }, 'Decisions')];
  if (!m.decisions.length) kids.push(h('p', { class: 'dim' }, m.kind === 'team' ? 'No decision is waiting for your team.' : 'No decision is open.'));
  for (const dec of m.decisions) kids.push(decisionCard(m, dec, act));
  return kids;
}

// Standing actions -----------------------------------------------------------------

function actionCard(m, a, act) {
  const d = draft(a.key);
  const readonly = m.kind !== 'team' || m.role.done || m.ended || m.paused || !a.available;
  const rid = `why-${a.key}`, tid = `target-${a.key}`;
  if (!d.target && a.targets.length) d.target = a.targets[0].id;
  return h('article', { class: ['item', !a.available && 'unavailable'], 'aria-labelledby': `h-${a.key}` },
    h('h3', { id: `h-${a.key}` }, a.label, ' ',
      h('span', { class: 'chip' }, a.cost ? n('point', a.cost) : 'free')),
    a.text ? h('p', {}, a.text) : null,
    a.requires ? h('p', { class: 'meta' }, `Needs: ${a.requires}`) : null,
    !a.available ? h('p', { class: 'notice bad' }, `Not available now: ${a.why || 'its requirements are not met'}`) : null,
    readonly ? null : [
      a.targets.length ? [
        h('label', { class: 'field', for: tid }, 'Target'),
        h('select', { id: tid, 'data-key': tid, onchange: (e) => { d.target = e.target.value; } },
          a.targets.map((t) => h('option', { value: t.id, selected: t.id === d.target }, t.label))),
      ] : null,
      h('label', { class: 'field', for: rid }, 'Why (the rationale goes into the report)'),
      h('textarea', { id: rid, 'data-key': rid, maxlength: 1500, rows: 2,
        oninput: (e) => { d.rationale = e.target.value; } }, d.rationale),
      m.you.lead ? h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'button', 'data-key': `${a.key}-take`,
        onclick: () => act.takeAction(a, d) }, 'Take this action'))
        : h('p', { class: 'dim' }, 'Your lead takes the team\'s actions: argue for it in the room.'),
    ]);
}

export function actionsSection(m, act) {
  const kids = [h('h2', {}, m.kind === 'team' ? 'Your standing actions' : 'Standing actions')];
  if (!m.actions.length) kids.push(h('p', { class: 'dim' }, 'None.'));
  if (m.kind === 'team' && m.role.done && m.actions.length) {
    // Nothing can be taken until the next turn: the list waits, folded.
    kids.push(h('p', {}, 'Your move is done: your actions open again next turn.'),
      h('details', { class: 'item' }, h('summary', {}, h('h3', {}, 'The list')),
        h('ul', {}, m.actions.map((a) => h('li', {}, a.label, a.cost ? ` (${n('point', a.cost)})` : '')))));
    return kids;
  }
  for (const a of m.actions) kids.push(actionCard(m, a, act));
  return kids;
}

// The inbox, the board, the meters, the brief -------------------------------------

export function inboxSection(m) {
  const kids = [h('h2', {}, 'Inbox')];
  if (!m.inbox.length) kids.push(h('p', { class: 'dim' }, 'Nothing has arrived yet.'));
  for (const it of m.inbox) {
    const meta = [it.channel, it.from, it.when, it.to].filter(Boolean).join(' · ');
    kids.push(h('details', { class: 'item', open: it.latest },
      h('summary', {}, h('h3', {}, it.title), meta ? h('div', { class: 'meta' }, meta) : null),
      it.text ? h('p', {}, it.text) : null,
      it.note ? h('p', { class: 'meta' }, `MSEL note (the facilitator's only): ${it.note}`) : null,
      it.outcome ? h('p', { class: 'notice good' }, it.outcome) : null));
  }
  return kids;
}

const FITS = { consistent: 'c', inconsistent: 'i', neutral: 'n' };
const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'], CREDIBILITY = ['1', '2', '3', '4', '5', '6'];

// The team's grade of a card (the source's reliability A-F, the information's
// credibility 1-6) and its marks against each hypothesis: choices for the
// grading team while it may move, words for everyone else.
function gradeControls(c, act) {
  const d = draft(`grade-${c.id}`);
  if (!d.option && c.grade) d.option = c.grade[0], d.target = c.grade[1];
  const send = () => { if (d.option && d.target) act.cmd(`grade ${c.id} ${d.option}${d.target}`); };
  const pick = (id, label, list, field) => [h('label', { class: 'field', for: id }, label),
    h('select', { id, 'data-key': id, onchange: (e) => { d[field] = e.target.value; send(); } },
      h('option', { value: '', selected: !d[field] }, '—'),
      list.map((v) => h('option', { value: v, selected: d[field] === v }, v)))];
  return [pick(`rel-${c.id}`, 'Source (A reliable .. F cannot be judged)', RELIABILITY, 'option'),
    pick(`cred-${c.id}`, 'Information (1 confirmed .. 6 cannot be judged)', CREDIBILITY, 'target')];
}

function markControls(b, c, act) {
  return b.hypotheses.map((hy) => {
    const id = `mark-${c.id}-${hy.id}`, mine = c.marks[hy.id] || '';
    return [h('label', { class: 'field', for: id }, hy.label),
      h('select', { id, 'data-key': id, onchange: (e) => act.cmd(`mark ${c.id} ${hy.id} ${FITS[e.target.value]}`) },
        mine ? null : h('option', { value: '', selected: true }, 'not marked'),
        Object.keys(FITS).map((f) => h('option', { value: f, selected: mine === f }, f)))];
  });
}

function analysisWords(b, c) {
  const marks = b.hypotheses.filter((hy) => c.marks[hy.id]).map((hy) => `${hy.label}: ${c.marks[hy.id]}`);
  const lines = [`The team's grade: ${c.grade || 'not graded'}${marks.length ? ` · ${marks.join(' · ')}` : ''}`];
  // Only the facilitator's state and the debrief's hold what the source deserved.
  if (c.trueGrade || c.key) {
    const key = b.hypotheses.map((hy) => `${hy.label}: ${(c.key || {})[hy.id] || '?'}`);
    lines.push(`What it deserved: ${c.trueGrade || '—'} · ${key.join(' · ')}`);
  }
  return lines.map((l) => h('p', { class: 'meta' }, l));
}

function card(c, b, m, act) {
  const analysis = b && b.hypotheses.length;
  const grading = analysis && act && m.kind === 'team' && m.role.id === b.gradedBy && !m.ended && !m.paused;
  return h('article', { class: 'item' }, h('h3', {}, c.title),
    c.meta ? h('p', { class: 'meta' }, c.meta) : null, c.text ? h('p', {}, c.text) : null,
    analysis ? analysisWords(b, c) : null,
    grading ? h('details', { class: 'grading', open: !c.grade || draft(`open-${c.id}`).option === 'open',
      ontoggle: (e) => { draft(`open-${c.id}`).option = e.target.open ? 'open' : ''; } },
      h('summary', {}, c.grade ? 'Change the grade or the marks' : 'Grade it and mark it'),
      gradeControls(c, act), markControls(b, c, act)) : null);
}

// The team's assessment, from its own grades and marks (the matrix says who).
function assessmentBox(m, b) {
  if (!b.hypotheses.length || !b.assessment) return null;
  const grader = m.teams.find((t) => t.id === b.gradedBy);
  const against = b.hypotheses.map((hy) => `${hy.label} ${Number(b.assessment.against[hy.id] || 0).toFixed(1)}`);
  return h('div', { class: 'item' }, h('h3', {}, 'The team\'s assessment'),
    h('p', {}, b.assessment.words),
    h('p', { class: 'meta' }, `Evidence against each (lower is likelier): ${against.join(' · ')}`),
    grader ? h('p', { class: 'meta' }, `${grader.name} grades each card and marks it consistent, ` +
      'inconsistent or neutral against each hypothesis; everyone reads the assessment.') : null);
}

export function boardSection(m, act) {
  const kids = [h('h2', {}, 'Evidence board')];
  for (const b of m.boards) {
    if (m.boards.length > 1 || b.title) kids.push(h('h3', {}, b.title));
    kids.push(assessmentBox(m, b));
    const shown = b.cards.filter((c) => c.revealed), later = b.cards.filter((c) => !c.revealed);
    if (!shown.length) kids.push(h('p', { class: 'dim' }, 'No card revealed yet.'));
    for (const c of shown) kids.push(card(c, b, m, act));
    // Only the facilitator's state holds cards still to come: folded.
    if (later.length) {
      kids.push(h('details', { class: 'item' },
        h('summary', {}, h('h3', {}, `${n('card', later.length)} not revealed yet`)), later.map((c) => card(c, b, m, null))));
    }
  }
  if (!m.boards.length) kids.push(h('p', { class: 'dim' }, 'No card revealed yet.'));
  return kids;
}

function delta(values) {
  if (values.length < 2) return null;
  const d = values[values.length - 1] - values[values.length - 2];
  if (!d) return null;
  return h('span', { class: ['delta', d > 0 ? 'up' : 'down'] }, `${d > 0 ? '▲ +' : '▼ '}${Math.round(d * 10) / 10}`);
}

export function metersSection(m) {
  return [h('h2', {}, 'Meters'),
    h('div', { class: 'meters' }, m.meters.map((mt) => h('div', { class: 'meter' },
      h('div', { class: 'name' }, mt.name, mt.hidden ? h('span', { class: 'chip warn' }, 'hidden') : null),
      h('div', {}, h('span', { class: 'value' }, `${Math.round(mt.value)}${mt.unit || ''}`), delta(mt.history)),
      sparkline(mt.history, mt.min, mt.max, mt.name))))];
}

export function briefSection(m) {
  const kids = [h('h2', {}, m.kind === 'team' ? 'Your brief' : 'Briefing')];
  if (m.kind === 'team') {
    if (m.role.private) kids.push(h('div', { class: 'item' }, h('h3', {}, 'Only for your team'), h('p', { 'data-private': '' }, m.role.private)));
    if (m.role.brief) kids.push(h('div', { class: 'item' }, h('h3', {}, m.role.name), h('p', {}, m.role.brief)));
  } else if (m.situation) {
    kids.push(h('p', {}, m.situation));
  }
  const others = m.teams.filter((t) => !(m.kind === 'team' && t.id === m.role.id));
  if (others.length) {
    kids.push(h('details', { class: 'item' },
      h('summary', {}, h('h3', {}, m.kind === 'team' ? 'The other teams' : 'The teams')),
      others.map((t) => [h('h4', {}, t.name), t.brief ? h('p', {}, t.brief) : null])));
  }
  return kids;
}

export function teamsSection(m) {
  return [h('h2', {}, 'Teams this turn'),
    h('ul', { class: 'teams' }, m.teams.map((t) => h('li', {},
      h('span', {}, t.name),
      h('span', { class: ['chip', t.done ? 'good' : 'warn'] }, t.done ? 'move done' : 'moving'))))];
}

export function logSection(m) {
  const kids = [h('h2', {}, 'What has happened')];
  if (!m.log.length) kids.push(h('p', { class: 'dim' }, 'Nothing yet.'));
  const list = h('ol', { class: 'log', reversed: true });
  for (const e of m.log.slice().reverse()) list.appendChild(h('li', {}, e.when ? h('span', { class: 'dim' }, `${e.when}: `) : null, e.text));
  kids.push(list);
  return kids;
}
