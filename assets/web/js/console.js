// console.js -- the facilitator's page: every control of the window's
// console (engine/ui/ui_console.c), each one a command sent through the
// server (docs/protocol.md), and what only the facilitator sees: hidden
// meters, the schedule, notes, every team's open decisions and votes, the
// codes and who has joined.
import { h, n } from './dom.js';
import * as proto from './model.js';

// Values typed into the console's forms, kept across redraws.
const fields = new Map();
function field(key, init = '') {
  if (!fields.has(key)) fields.set(key, init);
  return fields.get(key);
}
function keep(key) { return (e) => fields.set(key, e.target.value); }
export function clearField(key) { fields.set(key, ''); }

function input(key, label, attrs = {}) {
  const id = `f-${key}`;
  return [h('label', { class: 'field', for: id }, label),
    h(attrs.multiline ? 'textarea' : 'input', Object.assign({ id, 'data-key': id, type: attrs.multiline ? null : attrs.type || 'text',
      oninput: keep(key), value: attrs.multiline ? null : field(key) }, attrs.multiline ? { rows: 3 } : {},
    attrs.extra || {}), attrs.multiline ? field(key) : null)];
}

function select(key, label, options, init) {
  const id = `f-${key}`;
  const cur = field(key, init);
  return [h('label', { class: 'field', for: id }, label),
    h('select', { id, 'data-key': id, onchange: keep(key) },
      options.map((o) => h('option', { value: o.value, selected: o.value === cur }, o.label)))];
}

function button(label, onclick, cls, key) {
  return h('button', { type: 'button', class: cls, onclick, 'data-key': key || `b-${label}` }, label);
}

// Pause, timer, undo, close the turn, end --------------------------------------------------

export function controlsSection(m, act) {
  const kids = [h('h2', {}, 'The game')];
  // The projector's hold: a break with nothing of the game on show.
  if (m.hold) kids.push(h('p', { role: 'status', class: 'held' }, 'The room is on hold: the projector and every team\'s page show "Exercise paused" and the timer waits.'));
  kids.push(h('div', { class: 'buttons' },
    m.paused ? button('Resume', () => act.cmd('resume'), 'primary') : button('Pause', () => act.cmd('pause')),
    m.hold ? button('Release the hold', () => act.hold(false), 'primary', 'b-hold')
      : button('Hold the room', () => act.hold(true), '', 'b-hold'),
    button('Close the turn', () => act.closeTurn(), 'primary', 'b-close'),
    button('Undo the last command', () => act.confirm('undo', 'Undo the last command? The game is replayed without it.'), 'danger', 'b-undo')));
  kids.push(h('form', { onsubmit: (e) => { e.preventDefault(); act.setTimer(field('timer', ''), field('timer-closes', '1') === '1'); } },
    h('div', { class: 'row' },
      h('div', {}, input('timer', 'Discussion timer, minutes a turn (0: none)', { type: 'number', extra: { min: 0, max: 240 } })),
      h('button', { type: 'submit' }, 'Set the timer')),
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', 'data-key': 'timer-closes', checked: field('timer-closes', '1') === '1',
        onchange: (e) => fields.set('timer-closes', e.target.checked ? '1' : '0') }),
      ' When it runs out, close the turn (open decisions take their defaults)')));
  if (m.timer) {
    kids.push(h('p', { class: 'dim' }, m.timerOnExpiry ? 'The timer closes the turn when it runs out.' : 'The timer only counts: the turn closes when you close it or every team has ended.'));
  }
  // The window's jump: a policy plays every move up to the turn (asked first).
  if (!m.ended && m.turn < m.turns) {
    const policies = proto.POLICIES.map((p) => ({ value: p, label: p }));
    kids.push(h('form', { onsubmit: (e) => { e.preventDefault(); act.jump(field('jump-turn'), field('jump-policy', 'historical')); } },
      h('div', { class: 'row' },
        h('div', {}, input('jump-turn', `Jump to turn (${m.turn + 1} to ${m.turns})`, { type: 'number', extra: { min: m.turn + 1, max: m.turns } })),
        h('div', {}, select('jump-policy', 'Every move played by', policies, 'historical'))),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'danger', 'data-key': 'b-jump' }, 'Jump'))));
  }
  // The facilitator's state lists the endings (protocol 1.1); none chosen:
  // `finish` lets the scenario decide.
  const endings = m.endings.length ? select('ending', 'End the exercise with', [{ value: '', label: 'As the game stands (the scenario decides)' }].concat(
    m.endings.map((e) => ({ value: e.id, label: e.title }))), '') : null;
  kids.push(h('form', { onsubmit: (e) => { e.preventDefault(); act.confirm(`finish ${field('ending', '')}`.trim(), 'End the exercise now? Every page then shows the hotwash.'); } },
    endings,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'danger', 'data-key': 'b-finish' }, 'End the exercise'))));
  return kids;
}

export function confirmBar(ask, act) {
  if (!ask) return [];
  return [h('p', { role: 'alert' }, ask.text),
    h('div', { class: 'buttons' },
      button('Yes', () => act.confirmed(), 'primary', 'b-yes'),
      button('No', () => act.cancel(), '', 'b-no'))];
}

// Inject, override, note ----------------------------------------------------------

export function injectSection(m, act) {
  const to = [{ value: 'all', label: 'Every team' }].concat(m.teams.map((t) => ({ value: t.id, label: t.name })));
  const via = [{ value: '', label: 'None' }].concat(m.channels.map((c) => ({ value: c, label: c })));
  const decides = [{ value: '', label: 'None (the team it goes to)' }].concat(m.teams.map((t) => ({ value: t.id, label: t.name })));
  // While paused the window offers both: now, or held until the resume.
  const when = m.paused ? select('inj-at', 'Deliver', [{ value: 'now', label: 'Now' },
    { value: 'resume', label: 'Hold it for the resume' }], 'now') : null;
  const send = () => act.inject({ to: field('inj-to', 'all'), via: field('inj-via', ''), decides: field('inj-dec', ''),
    title: field('inj-title'), text: field('inj-text'), options: field('inj-opts'),
    held: m.paused && field('inj-at', 'now') === 'resume' });
  return [h('h2', {}, 'Ad-hoc inject'),
    h('form', { onsubmit: (e) => { e.preventDefault(); send(); } },
      select('inj-to', 'To', to, 'all'),
      select('inj-via', 'Channel', via, ''),
      input('inj-title', 'Title', { extra: { maxlength: 150 } }),
      input('inj-text', 'Text', { multiline: true }),
      input('inj-opts', 'Options of a decision (one a line or separated by |; none: no decision)', { multiline: true }),
      select('inj-dec', 'Decided by (needed when it goes to every team with options)', decides, ''),
      when,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Send the inject')))];
}

export function overrideSection(m, act) {
  const meters = m.allMeters.map((mt) => ({ value: mt.id, label: `${mt.name}${mt.hidden ? ' (hidden)' : ''}: ${Math.round(mt.value)}` }));
  return [h('h2', {}, 'Override a meter'),
    h('form', { onsubmit: (e) => { e.preventDefault(); act.override(field('ov-meter', meters.length ? meters[0].value : ''), field('ov-value'), field('ov-reason')); } },
      select('ov-meter', 'Meter', meters, meters.length ? meters[0].value : ''),
      input('ov-value', 'New value', { type: 'number', extra: { step: 'any' } }),
      input('ov-reason', 'Reason (only in your report)', { extra: { maxlength: 300 } }),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Set the meter')))];
}

export function noteSection(m, act) {
  return [h('h2', {}, 'Notes'),
    h('form', { onsubmit: (e) => { e.preventDefault(); act.note(field('note')); } },
      input('note', 'A note pinned to this turn (only you and your report see it)', { multiline: true }),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Pin the note'))),
    m.notes.length ? h('ul', {}, m.notes.map((x) => h('li', {}, h('span', { class: 'dim' }, `${x.when}: `), x.text))) : null];
}

// The schedule: fire or suppress ---------------------------------------------------

export function scheduleSection(m, act) {
  const kids = [h('h2', {}, 'Upcoming injects')];
  if (!m.schedule.length) kids.push(h('p', { class: 'dim' }, 'Nothing is scheduled.'));
  const list = h('ul', { class: 'schedule', tabindex: 0, 'aria-label': 'Upcoming injects (scrolls)' });
  for (const ev of m.schedule) {
    list.appendChild(h('li', { class: 'item' },
      h('div', { class: 'head' }, h('strong', {}, ev.title), ' ', h('span', { class: 'chip' }, ev.when)),
      ev.note ? h('p', { class: 'meta' }, ev.note) : null,
      h('div', { class: 'buttons' },
        button('Fire now', () => act.cmd(`fire ${ev.id}`), 'small', `fire-${ev.id}`),
        button('Suppress', () => act.confirm(`suppress ${ev.id}`, `Never deliver "${ev.title}"?`), 'small danger', `sup-${ev.id}`))));
  }
  if (m.schedule.length) kids.push(list);
  return kids;
}

// The room: who has joined, the codes --------------------------------------------------

function memberLine(m, c, p, act) {
  const role = m.teams.find((t) => t.id === c.who);
  const canLead = role && !p.lead;
  return h('li', {}, p.name || 'a member without a name', p.lead ? h('span', { class: 'chip good' }, 'lead') : null,
    p.online === false ? h('span', { class: 'chip' }, 'away') : null,
    canLead ? h('button', { type: 'button', class: 'small', 'data-key': `lead-${p.id}`,
      onclick: () => act.giveLead(c.who, p.id) }, 'Make lead') : null);
}

export function roomSection(m, act) {
  const kids = [h('h2', {}, 'The room'),
    h('p', { class: 'dim' }, 'Keep this page off the projector: it shows every code, yours too.')];
  for (const c of m.codes) {
    kids.push(h('div', { class: 'item slot' },
      h('h3', {}, c.label, ' ', c.done !== undefined ? h('span', { class: ['chip', c.done ? 'good' : 'warn'] }, c.done ? 'move done' : 'moving') : null),
      h('p', { class: 'code' }, h('code', {}, c.code || '')),
      c.url ? h('p', { class: 'meta' }, c.url) : null,
      c.members.length ? h('ul', { class: 'joined' }, c.members.map((p) => memberLine(m, c, p, act)))
        : h('p', { class: 'dim' }, c.joined ? `${c.joined} joined` : 'Nobody has joined.'),
      h('div', { class: 'buttons' }, button('Revoke and re-issue', () => act.confirm({ reissue: c.who },
        `Revoke the code of ${c.label}? Every device that joined with it is disconnected and must join with the new one.`), 'danger', `reissue-${c.who}`))));
  }
  return kids;
}

// What a team did this turn: its decisions and actions, in the log's words.
function recent(m, t) {
  const done = m.log.filter((e) => e.turn === m.turn && (e.kind === 'decision' || e.kind === 'action') && e.who === t.short);
  return done.length ? h('ul', { class: 'recent' }, done.map((e) => h('li', {}, e.text))) : null;
}

// Every team's open decisions and votes, for the facilitator to follow.
export function teamsMovesSection(m) {
  const kids = [h('h2', {}, 'Teams\' moves')];
  for (const t of m.teams) {
    const decs = m.decisions.filter((d) => d.deciders.includes(t.id));
    kids.push(h('div', { class: 'item' },
      h('h3', {}, t.name, ' ', h('span', { class: ['chip', t.done ? 'good' : 'warn'] }, t.done ? 'move done' : 'moving'), ' ',
        h('span', { class: 'chip' }, `${n('point', t.budget_left)} left`)),
      decs.length ? h('ul', {}, decs.map((d) => h('li', {}, d.title, (d.votes || []).length ? h('div', { class: 'dim' },
        d.votes.map((v) => `${v.by}: ${(d.options.find((o) => o.id === v.option) || { label: v.option }).label}`).join(' · ')) : null))) : h('p', { class: 'dim' }, 'No open decision.'),
      recent(m, t)));
  }
  return kids;
}

export function truthSection(m) {
  if (!m.truth) return [];
  return [h('h2', {}, 'The hidden truth'), h('p', {}, h('strong', {}, m.truth.title)), m.truth.text ? h('p', {}, m.truth.text) : null];
}

// The evaluation: observations, their root causes, the improvement plan ---------------

const ELEMENT_WORDS = { planning: 'Planning', organization: 'Organization', equipment: 'Equipment',
  training: 'Training', exercises: 'Exercises' };
const COVER = [{ value: 'name', label: 'Exercise name' }, { value: 'sponsor', label: 'Sponsor' },
  { value: 'location', label: 'Location' }, { value: 'facilitator', label: 'Facilitator' },
  { value: 'evaluators', label: 'Evaluators' }];

function observationItem(m, o, act) {
  const objective = m.debrief.objectives.find((x) => x.id === o.objective);
  const cap = m.evaluation.capabilities.find((c) => c.id === o.capability);
  const kids = [h('div', { class: 'head' }, h('span', { class: 'chip' }, `${o.n}`), ' ',
    h('span', { class: ['chip', o.kind === 'strength' ? 'good' : 'warn'] }, o.kind === 'strength' ? 'strength' : 'area for improvement'),
    ' ', h('strong', {}, cap ? cap.name : o.capability), ` · ${objective ? objective.title : 'across objectives'}`),
  h('p', {}, o.text)];
  if (o.kind !== 'area') return h('li', { class: 'item' }, kids);
  kids.push(o.cause ? h('p', { class: 'meta' }, `Root cause: ${o.cause}`) : h('p', { class: 'meta' }, 'Root cause not yet analysed.'));
  kids.push(h('form', { onsubmit: (e) => { e.preventDefault(); act.evaluate(`cause ${o.n}`, field(`cause-${o.n}`), `cause-${o.n}`); } },
    input(`cause-${o.n}`, `Root cause of ${o.n}`, { extra: { maxlength: 500 } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'small' }, o.cause ? 'Replace the root cause' : 'Give the root cause'))));
  const elements = m.evaluation.elements.map((x) => ({ value: x, label: ELEMENT_WORDS[x] || x }));
  kids.push(h('form', { onsubmit: (e) => {
    e.preventDefault();
    const start = field(`pl-start-${o.n}`).trim() || '-', end = field(`pl-end-${o.n}`).trim() || '-';
    act.evaluate(`plan ${o.n} ${field(`pl-el-${o.n}`, elements[0].value)} ${start} ${end}`, field(`pl-act-${o.n}`), `pl-act-${o.n}`);
  } },
  input(`pl-act-${o.n}`, 'A corrective action for it', { extra: { maxlength: 500 } }),
  select(`pl-el-${o.n}`, 'Capability element', elements, elements[0].value),
  input(`pl-start-${o.n}`, 'Start (YYYY-MM-DD, or empty)', { type: 'date' }),
  input(`pl-end-${o.n}`, 'Completion (YYYY-MM-DD, or empty)', { type: 'date' }),
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'small' }, 'Add to the improvement plan'))));
  return h('li', { class: 'item' }, kids);
}

function planItem(p, act) {
  return h('li', { class: 'item' },
    h('p', {}, h('span', { class: 'chip' }, `${p.n}`), ` for ${p.observation} · ${ELEMENT_WORDS[p.element] || p.element}: ${p.action}`),
    h('p', { class: 'meta' }, `${p.owner || 'no owner yet'} · ${p.start || 'start not set'} to ${p.completion || 'completion not set'}`),
    h('form', { onsubmit: (e) => { e.preventDefault(); act.evaluate(`owner ${p.n}`, field(`owner-${p.n}`), `owner-${p.n}`); } },
      input(`owner-${p.n}`, `Responsible organisation and point of contact of ${p.n}`, { extra: { maxlength: 300 } }),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'small' }, 'Set the owner'))));
}

export function evaluationSection(m, act) {
  const ev = m.evaluation;
  if (!ev) return [];
  const objectives = [{ value: '-', label: 'Across objectives' }].concat(m.debrief.objectives.map((o) => ({ value: o.id, label: o.title })));
  const caps = ev.capabilities.map((c) => ({ value: c.id, label: c.own ? c.name : `${c.name} (not named by the scenario)` }));
  const kinds = [{ value: 'area', label: 'Area for improvement' }, { value: 'strength', label: 'Strength' }];
  const cover = COVER.concat(m.teams.map((t) => ({ value: `participants ${t.id}`, label: `Participants: ${t.name}` })));
  return [h('h2', {}, 'After-action: observations and the plan'),
    h('p', { class: 'dim' }, 'For the report only: no team or observer sees any of it. Each is journaled.'),
    h('form', { onsubmit: (e) => {
      e.preventDefault();
      act.evaluate(`observe ${field('ob-obj', '-')} ${field('ob-cap', caps[0].value)} ${field('ob-kind', 'area')}`, field('ob-text'), 'ob-text');
    } },
    select('ob-obj', 'Objective', objectives, '-'),
    select('ob-cap', 'Core capability', caps, caps[0].value),
    select('ob-kind', 'Strength or area for improvement', kinds, 'area'),
    input('ob-text', 'What was observed (one statement)', { multiline: true, extra: { maxlength: 1000 } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Record the observation'))),
    ev.observations.length ? h('ul', { class: 'observations' }, ev.observations.map((o) => observationItem(m, o, act)))
      : h('p', { class: 'dim' }, 'No observation yet.'),
    ev.plan.length ? [h('h3', {}, 'The improvement plan'), h('ul', { class: 'plan' }, ev.plan.map((p) => planItem(p, act)))] : null,
    h('h3', {}, 'The report\'s cover'),
    h('form', { onsubmit: (e) => { e.preventDefault(); act.evaluate(`exercise ${field('cv-field', 'sponsor')}`, field('cv-value'), 'cv-value'); } },
      select('cv-field', 'Field', cover, 'sponsor'),
      input('cv-value', 'Its value', { extra: { maxlength: 300 } }),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Set it'))),
    h('dl', { class: 'cover' }, COVER.filter((c) => ev.exercise[c.value]).map((c) => [h('dt', {}, c.label), h('dd', {}, ev.exercise[c.value])]))];
}
