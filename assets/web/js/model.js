// model.js -- the one place that knows the shape of docs/protocol.md
// (version 1.1): the server's `state` becomes the model the sections draw
// (team.js, console.js, hotwash.js), and the page's intents become the
// protocol's messages and command lines. Nothing here filters what a
// holder may see: the server sent only that.

export const PROTOCOL = 1;

// /join/K7QX-M3PZ-4HTA-9WRE -> "K7QX-M3PZ-4HTA-9WRE" (the server ignores
// case and anything that is not a letter or a digit).
export function codeFromLocation(loc) {
  const m = /^\/join\/([^/?#]+)/.exec(loc.pathname);
  if (m) return decodeURIComponent(m[1]);
  return new URLSearchParams(loc.search).get('code') || '';
}

export function socketUrl(loc, code) {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws?code=${encodeURIComponent(code)}`;
}

// Free text goes after " -- " on one line.
export function oneLine(text) {
  return String(text).replace(/[\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// An ad-hoc decision has at most this many options (ADHOC_MAX_OPTIONS,
// engine/core/game_adhoc.c: the window chooses them with keys 1 to 9).
export const INJECT_MAX_OPTIONS = 9;

// The options typed, one a line or separated by |, each on one line.
export function injectOptions(text) {
  return String(text || '').split(/[\r\n|]+/).map(oneLine).filter((o) => o);
}

// The line the window's console builds (engine/ui/ui_console_ctl.c,
// send_inject): `inject TO [via=CH] [decides=ROLE] [at=resume] TITLE -- text
// || A | B`. An error in words (the window's) when it cannot be sent.
export function injectLine(f) {
  const title = oneLine(f.title), text = oneLine(f.text), opts = injectOptions(f.options);
  if (!title || !text) return { error: 'An inject needs a title and a text.' };
  if (title.includes('--')) return { error: 'The title may not contain "--" (it separates the title from the text).' };
  if (opts.length > INJECT_MAX_OPTIONS) return { error: `An ad-hoc decision has at most ${INJECT_MAX_OPTIONS} options.` };
  const decides = opts.length ? f.decides || (f.to !== 'all' ? f.to : '') : '';
  if (opts.length && !decides) return { error: 'An inject to every team with options needs a team to decide it.' };
  let flags = '';
  if (f.via) flags += ` via=${f.via}`;
  if (decides) flags += ` decides=${decides}`;
  if (f.held) flags += ' at=resume';
  return { line: `inject ${f.to}${flags} ${title} -- ${text}${opts.length ? ` || ${opts.join(' | ')}` : ''}` };
}

function withText(line, text) {
  const t = oneLine(text || '');
  return t ? `${line} -- ${t}` : line;
}

// Messages -------------------------------------------------------------------------------

export function hello(id) {
  const m = { v: PROTOCOL, type: 'hello' };
  if (id.token) m.token = id.token;
  if (id.name) m.name = id.name;
  return m;
}

export const command = (line) => ({ type: 'command', line });
export const closeTurn = () => command('close');
export const handLead = (to, role) => (role ? { type: 'lead', role, to } : { type: 'lead', to });
export const hold = (on) => ({ type: 'hold', on: !!on });
export const setTimer = (minutes, closes) => ({ type: 'timer', minutes: Number(minutes) || 0, closes_turn: !!closes });
export const reissue = (slot) => ({ type: 'revoke', slot });
export const jump = (turn, policy) => ({ type: 'jump', turn, policy });
// The policies a jump may play by (engine/core/policy.h), the window's default first.
export const POLICIES = ['historical', 'first', 'random'];

export function chooseLine(dec, d) { return withText(`choose ${dec.event} ${d.option}`, d.rationale); }
export function proposeLine(dec, d) { return withText(`propose ${dec.event} ${d.option}`, d.rationale); }
export function voteLine(dec, d) { return `vote ${dec.event} ${d.option}`; }
export function actLine(m, a, d) {
  const target = a.targets.length ? ` ${d.target || a.targets[0].id}` : '';
  return withText(`act ${m.role.id} ${a.id}${target}`, d.rationale);
}

// A vote for an option nobody proposed is refused: the first vote for an
// option is its proposal.
export function voteCommand(dec, d) {
  const proposed = (dec.proposals || []).some((p) => p.option === d.option);
  return command(proposed ? voteLine(dec, d) : proposeLine(dec, d));
}

// The hotwash survey (protocol 1.1), once the exercise has ended: the
// server takes one per participant and journals it without who sent it.
export const SURVEY_TEXT_MAX = 600; // bytes of one answer (the server's NET_SURVEY_TEXT_MAX)
export const NAME_MAX = 40;         // bytes of a name (NET_NAME_MAX)
export function survey(m, a) {
  const ratings = {};
  const ids = new Set(m.debrief.objectives.map((o) => o.id));
  for (const [k, v] of Object.entries(a.ratings)) if (ids.has(k) && v >= 1 && v <= 5) ratings[k] = v;
  return { type: 'survey', name: oneLine(a.name), well: a.well.trim(),
    improve: a.improve.trim(), other: a.other.trim(), ratings };
}

// Why the host refuses this code for good, or '' (it is fine, or the host
// cannot be reached: then the page keeps trying).
export async function codeRefused(code) {
  try {
    const r = await fetch(`/api/state?code=${encodeURIComponent(code)}`, { cache: 'no-store' });
    return r.status === 403 ? 'This code is not valid (mistyped, or revoked): check the room\'s screen, or ask the facilitator for a new one.' : '';
  } catch (e) {
    return '';
  }
}

export function isError(r) {
  return !r || (r.type === 'result' && !r.ok && !r.repeat) || r.type === 'error';
}

const CODE_WORDS = {
  lead_only: 'Only your team\'s lead can confirm: propose it and vote instead.',
  not_allowed: 'This page may not do that.',
  not_your_team: 'That belongs to another team.',
  rate: 'Too many messages at once: try again in a moment.',
  busy: 'The host is busy: try again in a moment.',
  no_participant: 'Join with a name first.',
};

export function errorText(r) {
  if (!r) return 'No answer.';
  if (r.error) return r.error;
  return CODE_WORDS[r.code] || `Refused (${r.code || 'no reason given'}).`;
}

// What a message means for the page: a new model, a notice, or the end.
export function read(msg, prev, me, fresh) {
  switch (msg.type) {
    case 'state':
      // A restarted host counts revs from 1 again: the first state after a
      // welcome is taken whatever its rev (fresh), later ones only newer.
      if (prev && !fresh && typeof msg.rev === 'number' && msg.rev <= prev.rev) return {};
      return { model: toModel(msg, me) };
    case 'bye':
      if (msg.code === 'revoked') return { fatal: 'This code has been revoked: scan the new one on the room\'s screen, or ask the facilitator.' };
      return { notice: msg.error || 'The host closed the connection; reconnecting.' };
    case 'error':
      if (msg.code === 'forbidden') return { fatal: 'This code is not valid: check it on the room\'s screen, or ask the facilitator.' };
      return { notice: msg.error || msg.code, bad: true };
    default:
      return {};
  }
}

// The state -> the model ---------------------------------------------------------------------

function turnWord(t, s) {
  return t ? `Turn ${t}` : '';
}

function roleNames(s) {
  const byId = new Map((s.roles || []).map((r, i) => [r.id, Object.assign({ index: i }, r)]));
  return byId;
}

function participantNames(s) {
  const names = new Map();
  for (const r of s.roles || []) for (const p of r.members || []) names.set(p.id, p.name || 'a member');
  const f = s.facilitator;
  if (f && f.participants) for (const p of f.participants) names.set(p.id, p.name || 'a member');
  return names;
}

function options(it) {
  return (it.options || []).map((o) => ({ id: o.id, label: o.label, text: o.text || '', risk: o.risk || '',
    cost: o.cost || 0, available: o.available !== false, why: o.why || '' }));
}

function votes(it, names, me) {
  const out = [];
  for (const p of it.proposals || []) {
    for (const v of p.votes || []) {
      out.push({ option: p.option, by: names.get(v) || p.name || 'a member', id: v, proposed: v === p.by, you: v === me });
    }
  }
  return out;
}

function proposals(it, names) {
  return (it.proposals || []).map((p) => ({ option: p.option, by: p.name || names.get(p.by) || 'a member',
    argument: p.argument || '', votes: (p.votes || []).map((v) => names.get(v) || 'a member') }));
}

function deadline(it, turn) {
  if (it.closes == null) return '';
  if (it.closes <= turn) return 'Decide this turn: at its end the default is taken.';
  return `Decide by the end of turn ${it.closes}.`;
}

function toWords(it, roles) {
  if (it.to_all) return 'to every team';
  const names = (it.to || []).map((r) => (roles.get(r) || { short: r }).short || r);
  return names.length ? `to ${names.join(', ')}` : '';
}

function outcome(it, roles) {
  if (it.status === 'decided' && it.chosen) {
    const by = it.chosen.by ? (roles.get(it.chosen.by) || {}).short || it.chosen.by : 'by default';
    return `Decided: ${it.chosen.label} (${by})${it.rationale ? ` — "${it.rationale}"` : ''}`;
  }
  if (it.status === 'expired') return `Expired: ${it.chosen ? it.chosen.label : 'the default'} was taken.`;
  return '';
}

// An ad-hoc inject has no event: `choose`, `propose` and `vote` name it by
// its id (adhoc1, …).
function decision(it, s, names, me) {
  return { key: `i${it.item}`, item: it.item, event: it.event || it.id, title: it.title, text: it.text || '',
    channel: it.channel || '', when: turnWord(it.turn, s), deciders: it.decider ? [it.decider] : [],
    deadline: deadline(it, s.clock.turn), options: options(it), votes: votes(it, names, me),
    proposals: proposals(it, names) };
}

function actionRequires(a) {
  const parts = [];
  if (a.max_uses) parts.push(`at most ${a.max_uses} time${a.max_uses === 1 ? '' : 's'} (used ${a.uses || 0})`);
  if (a.once_per_turn) parts.push('once a turn');
  return parts.join('; ');
}

function action(a) {
  return { key: `a-${a.id}`, id: a.id, role: a.role, label: a.label, text: a.text || '', risk: a.risk || '',
    cost: a.cost || 0, targets: a.targets || [], available: a.available !== false, why: a.why || '',
    requires: actionRequires(a) };
}

function cardMeta(c) {
  const attrs = Object.entries(c.attrs || {}).map(([k, v]) => `${k}: ${v}`);
  return [c.turn ? `turn ${c.turn}` : 'not revealed yet', c.source].concat(attrs).filter(Boolean).join(' · ');
}

function logLine(e) {
  const what = e.who ? `${e.who}: ${e.what}` : e.what;
  return { turn: e.turn, who: e.who || '', when: turnWord(e.turn), kind: e.kind,
    text: e.why ? `${what} — "${e.why}"` : what, facilitator: !!e.facilitator };
}

function codesOf(s, roles) {
  const f = s.facilitator;
  if (!f || !f.join) return [];
  const parts = f.participants || [];
  return (f.join.slots || []).map((sl) => {
    const role = roles.get(sl.slot);
    const members = parts.filter((p) => (role ? p.role === sl.slot : p.kind === sl.slot));
    return { who: sl.slot, label: sl.name || sl.slot, code: sl.code, url: sl.url, joined: sl.joined,
      members, done: role ? !!role.done : undefined };
  });
}

// The debrief, team by team: each team's decisions (the inbox), the
// arguments its members made for them, and its standing actions (the log),
// as far as the state shows them to this holder: after the end, a team's
// and an observer's state is the debrief's (docs/protocol.md).
function debrief(s, roles, names) {
  const byTeam = new Map((s.roles || []).map((r) => [r.id, []]));
  for (const it of s.inbox || []) {
    if (!it.decider || !byTeam.has(it.decider) || !it.chosen) continue;
    const args = (it.proposals || []).filter((p) => p.argument).map((p) => ({
      by: p.name || names.get(p.by) || 'a member', option: ((it.options || []).find((o) => o.id === p.option) || { label: p.option }).label,
      text: p.argument }));
    byTeam.get(it.decider).push({ turn: it.turn, when: turnWord(it.turn), title: it.title,
      choice: `${it.chosen.label}${it.status === 'expired' ? ' (by default)' : ''}`, rationale: it.rationale || '', args });
  }
  const byShort = new Map((s.roles || []).map((r) => [r.short || r.name, r.id]));
  for (const e of s.log || []) {
    const id = byShort.get(e.who);
    if (e.kind !== 'action' || !id) continue;
    byTeam.get(id).push({ turn: e.turn, when: turnWord(e.turn), title: e.what, choice: '', rationale: e.why || '', args: [] });
  }
  for (const list of byTeam.values()) list.sort((a, b) => a.turn - b.turn);
  const rating = { P: 'Performed without challenges', S: 'Performed with some challenges', M: 'Performed with major challenges', U: 'Unable to be performed' };
  return {
    questions: s.questions || [],
    objectives: (s.objectives || []).map((o) => ({ id: o.id, title: o.title, rating: o.rating || null, ratingText: rating[o.rating] || '' })),
    ending: s.ending || null,
    truth: s.truth ? { title: s.truth.title, text: s.truth.truth || '' } : null,
    hidden: (s.meters || []).filter((mt) => mt.hidden).map((mt) => ({ name: mt.name, value: mt.value, unit: mt.unit || '',
      text: mt.text || '' })),
    teams: (s.roles || []).map((r) => ({ id: r.id, name: r.name, private: r.private || '', decisions: byTeam.get(r.id) })),
  };
}

export function toModel(s, me) {
  const roles = roleNames(s);
  const names = participantNames(s);
  const kind = (s.viewer && s.viewer.kind) || 'observer';
  const mine = kind === 'team' ? roles.get(s.viewer.role) : null;
  const myId = me && me.id;
  const members = mine ? (mine.members || []).map((p) => ({ id: p.id, name: p.name, lead: !!p.lead, online: p.online !== false, you: p.id === myId })) : [];
  const you = members.find((p) => p.you) || { name: me && me.name, lead: false };
  const lead = members.find((p) => p.lead);
  const inbox = s.inbox || [];
  const openItems = inbox.filter((it) => it.status === 'open' && it.decider && (kind !== 'team' || it.decider === s.viewer.role));
  const allMeters = (s.meters || []).map((mt) => ({ id: mt.id, name: mt.name, unit: mt.unit || '', text: mt.text || '',
    min: mt.min, max: mt.max, good: mt.good, value: mt.value, history: mt.history || [mt.value], hidden: !!mt.hidden }));
  const f = s.facilitator || {};
  const teams = (s.roles || []).map((r, i) => ({ id: r.id, name: r.name, short: r.short || r.name, index: i,
    brief: r.brief || '', done: !!r.done, budget_left: r.points, joined: r.joined || 0, members: r.members || [] }));
  return {
    rev: s.rev,
    kind,
    mode: s.mode,
    scenario: s.scenario || { title: '' },
    situation: (s.scenario && (s.scenario.situation || s.scenario.summary)) || '',
    turn: s.clock.turn, turns: s.clock.turns, turnLabel: s.clock.label || '',
    paused: !!s.clock.paused, ended: !!s.clock.ended, moving: s.clock.moving, hold: !!s.hold,
    timer: s.timer ? { left_ms: s.timer.left_ms, running: !!s.timer.running } : null,
    timerOnExpiry: s.timer ? !!s.timer.closes_turn : undefined,
    role: mine ? { id: mine.id, name: mine.name, short: mine.short || mine.name, index: mine.index,
      brief: mine.brief || '', private: mine.private || '', budget_left: mine.points || 0, budget: mine.budget,
      done: !!mine.done } : { id: null, index: 0, done: false, budget_left: 0 },
    you: { id: myId, name: you.name || '', lead: !!you.lead },
    leadName: lead ? lead.name || 'a member' : '',
    members,
    teams,
    meters: allMeters.filter((mt) => !mt.hidden),
    allMeters,
    decisions: openItems.map((it) => decision(it, s, names, myId)),
    actions: (s.actions || []).filter((a) => kind !== 'team' || a.role === s.viewer.role).map(action),
    // An inject the team decides now is in full under Decisions: here it is folded.
    inbox: inbox.slice().reverse().map((it) => {
      const mineOpen = kind === 'team' && it.status === 'open' && it.decider === s.viewer.role;
      return { key: `i${it.item}`, title: it.title, text: it.text || '', channel: it.channel || '',
        when: turnWord(it.turn), to: toWords(it, roles), latest: it.turn === s.clock.turn && !mineOpen,
        outcome: mineOpen ? 'Your team decides it: see Decisions.' : outcome(it, roles), note: it.note || '' };
    }),
    boards: (s.boards || []).map((b) => ({ id: b.id, title: b.title,
      // An analysis board (issue 14): the team grades and marks its cards; the
      // true grade and the key come only to the facilitator and the debrief.
      hypotheses: b.hypotheses || [], gradedBy: b.graded_by || '', assessment: b.assessment || null,
      cards: (b.cards || []).map((c) => ({
        id: c.id, title: c.title, text: c.text || '', meta: cardMeta(c), revealed: c.turn > 0,
        grade: c.grade || '', marks: c.marks || {}, trueGrade: c.true_grade || '', key: c.key || null })) })),
    log: (s.log || []).map(logLine),
    notes: (s.log || []).filter((e) => e.kind === 'note').map((e) => ({ when: turnWord(e.turn), text: e.what })),
    schedule: (f.schedule || []).filter((e) => e.status !== 'suppressed').map((e) => ({ id: e.event, title: e.title,
      note: e.note || '', when: e.status === 'queued' ? `turn ${e.due}` : e.status, to: '' })),
    codes: codesOf(s, roles),
    evaluation: f.evaluation || null, // the facilitator's only (server-side: view.h)
    endings: (f.endings || []).map((e) => ({ id: e.id, title: e.title, text: e.text || '' })),
    surveys: f.surveys || 0,
    channels: f.channels || [],
    truth: s.truth ? { title: s.truth.title, text: s.truth.truth || '' } : null,
    debrief: debrief(s, roles, names),
    surveySent: !!(s.survey && s.survey.sent),
  };
}
