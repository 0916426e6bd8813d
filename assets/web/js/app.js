// app.js -- the page at /join/CODE: who the code belongs to (a team, an
// observer, the facilitator) decides the page; the server's messages
// (docs/protocol.md) become a model (model.js) and each section is redrawn
// when what it shows has changed. The page decides nothing about who sees
// what: it shows what the server sent, and sends commands the server may
// refuse.
import { h, $, section, replaceChildren } from './dom.js';
import { Link } from './net.js';
import * as proto from './model.js';
import * as team from './team.js';
import * as con from './console.js';
import * as hw from './hotwash.js';

const ROLE_COLORS = ['#7cc0ea', '#cf9cf0', '#7fd39b', '#eec56c', '#f29385', '#86dbd3'];

const app = {
  code: proto.codeFromLocation(location),
  model: null,
  link: null,
  me: null,          // the participant of the last welcome
  warnedTurn: -1,    // the turn in which the end-of-move warning was shown
  ask: null,         // the facilitator's pending confirmation
  surveySent: false,
  built: '',         // the layout built so far (kind + ended)
  timerBase: null,   // {left, at}: the timer as last told, and when
};

// Messages -------------------------------------------------------------------------------

function say(text, kind) {
  const el = $('#msg');
  el.textContent = text;
  el.className = `notice ${kind || ''}`;
  el.hidden = !text;
  clearTimeout(say.t);
  if (text && kind !== 'bad') say.t = setTimeout(() => { el.hidden = true; }, 6000);
}

function connStatus(s) {
  const box = $('#conn'), text = $('#conn-text'), retry = $('#conn-retry');
  box.classList.toggle('down', s.state === 'down' || s.state === 'stopped');
  retry.hidden = s.state !== 'down';
  if (s.state === 'open') {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  $('#conn-wait').textContent = '';
  if (s.state === 'connecting') text.textContent = 'Connecting to the host…';
  else if (s.state === 'reconnecting') text.textContent = 'Reconnecting…';
  else if (s.state === 'stopped') text.textContent = s.why || 'This code is not valid any more: ask the facilitator for a new one.';
  else {
    text.textContent = 'Connection lost: the page reconnects by itself, and nothing you typed is lost.';
    app.retry = { at: Date.now() + s.wait, attempt: s.attempt };
    countdown();
  }
}

// "Reconnecting in 4 s", counted down while the page waits (out of the
// live region: a screen reader hears the loss once, not every second).
function countdown() {
  const r = app.retry, box = $('#conn');
  if (!r || box.hidden || $('#conn-retry').hidden) return;
  const secs = Math.max(1, Math.ceil((r.at - Date.now()) / 1000));
  $('#conn-wait').textContent = ` Reconnecting in ${secs} s (attempt ${r.attempt}).`;
}

// Commands ---------------------------------------------------------------------------------

async function send(msg, okText) {
  try {
    const r = await app.link.request(msg);
    if (proto.isError(r)) {
      say(proto.errorText(r), 'bad');
      return false;
    }
    if (r.repeat) okText = 'That was already taken before the link dropped (applied once).';
    if (okText) say(okText, 'good');
    return true;
  } catch (e) {
    say(String(e.message || e), 'bad');
    return false;
  }
}

const cmd = (line, okText) => send(proto.command(line), okText);

const act = {
  endMove() {
    const m = app.model;
    const warn = team.endWarning(m);
    if (warn && app.warnedTurn !== m.turn) {
      app.warnedTurn = m.turn;
      showEndWarning(warn);
      return;
    }
    endLine(false);
  },
  // Version 1 names a participant in `hello` only: a new name is a new hello.
  rename(name) {
    app.link.setName(proto.oneLine(name).slice(0, 40));
    app.link.restart();
  },
  handLead(to) { send(proto.handLead(to), 'The lead has been handed over.'); },
  giveLead(role, to) { send(proto.handLead(to, role), 'The lead has been given.'); },
  vote(dec, d) {
    if (!d.option) return say('Pick an option first.', 'bad');
    send(proto.voteCommand(dec, d), 'Your vote is in.');
  },
  choose(dec, d) {
    if (!d.option) return say('Pick an option first.', 'bad');
    cmd(proto.chooseLine(dec, d), 'Decision confirmed.').then((ok) => { if (ok) team.drafts.delete(dec.key); });
  },
  takeAction(a, d) {
    cmd(proto.actLine(app.model, a, d), 'Action taken.').then((ok) => { if (ok) team.drafts.delete(a.key); });
  },
  cmd(line) { cmd(line, 'Done.'); },
  closeTurn() { cmd('close', 'The turn is closed.'); },
  setTimer(min, closes) { send(proto.setTimer(min, closes), 'Timer set.'); },
  hold(on) { send(proto.hold(on), on ? 'The room is on hold.' : 'The hold is released.'); },
  inject(f) {
    const built = proto.injectLine(f);
    if (built.error) return say(built.error, 'bad');
    cmd(built.line, f.held ? 'Held: it reaches the inbox when you resume.' : 'Inject sent.').then((ok) => {
      if (ok) { con.clearField('inj-title'); con.clearField('inj-text'); con.clearField('inj-opts'); render(true); }
    });
  },
  override(meter, value, reason) {
    if (value === '' || !reason.trim()) return say('An override needs a value and a reason.', 'bad');
    cmd(`set ${meter} ${Number(value)} -- ${proto.oneLine(reason)}`, 'Meter set.').then((ok) => {
      if (ok) { con.clearField('ov-value'); con.clearField('ov-reason'); render(true); }
    });
  },
  // An evaluation command: its words, then " -- " and the text typed.
  evaluate(line, text, key) {
    if (!String(text).trim()) return say('Write it first.', 'bad');
    cmd(`${line} -- ${proto.oneLine(text)}`, 'Recorded for the after-action report.').then((ok) => {
      if (ok) { con.clearField(key); render(true); }
    });
  },
  note(text) {
    if (!text.trim()) return say('The note is empty.', 'bad');
    cmd(`note ${proto.oneLine(text)}`, 'Note pinned.').then((ok) => { if (ok) { con.clearField('note'); render(true); } });
  },
  confirm(what, text) { app.ask = { what, text }; render(true); $('[data-key="b-yes"]').focus(); },
  confirmed() {
    const w = app.ask.what;
    app.ask = null;
    if (typeof w === 'string') cmd(w, 'Done.');
    else if (w.reissue) send(proto.reissue(w.reissue), 'A new code is issued.');
    else if (w.jump) {
      send(proto.jump(w.jump.turn, w.jump.policy), `The policy '${w.jump.policy}' played to turn ${w.jump.turn} (journaled as its own).`)
        .then((ok) => { if (ok) { con.clearField('jump-turn'); render(true); } });
    }
    render(true);
  },
  cancel() { app.ask = null; render(true); },
  // The window's rule and words (ui_console_ctl.c, ask_jump).
  jump(turnText, policy) {
    const m = app.model, turn = Number(turnText);
    if (!Number.isInteger(turn) || turn <= m.turn || turn > m.turns) {
      return say(`Jump to a turn after this one: ${m.turn + 1} to ${m.turns}.`, 'bad');
    }
    act.confirm({ jump: { turn, policy } }, `Let the policy '${policy}' play every move until turn ${turn} begins? Each of its moves is journaled as the policy's, never as a team's; undo takes them back one by one.`);
  },
  // One survey each (protocol 1.1): a refusal keeps the answers on the page.
  async survey(ans) {
    const r = await app.link.request(proto.survey(app.model, ans)).catch((e) => ({ type: 'error', error: String(e.message || e) }));
    if (!proto.isError(r) || (r.code === 'refused' && app.model.surveySent)) {
      app.surveySent = true;
      render(true);
      return;
    }
    say(r.code === 'malformed' && /unknown type/.test(r.error || '')
      ? 'This host cannot record the survey: please give your answers to the facilitator (they are still on this page).'
      : proto.errorText(r), 'bad');
  },
};

// The host answers `confirm_end` to an end that would leave something
// undone (protocol.md, "Ending a move"): say its sentence, and only an
// "End the move" pressed after it sends the end with confirm.
async function endLine(confirmed) {
  const msg = Object.assign(proto.command('end'), confirmed ? { confirm: true } : {});
  try {
    const r = await app.link.request(msg);
    if (proto.isError(r) && r.code === 'confirm_end') return showEndWarning(r.error);
    if (proto.isError(r)) return say(proto.errorText(r), 'bad');
    say('Your move is done.', 'good');
  } catch (e) {
    say(String(e.message || e), 'bad');
  }
}

function showEndWarning(text) {
  const box = $('#end-warning');
  replaceChildren(box, h('p', {}, text), h('div', { class: 'buttons' },
    h('button', { type: 'button', class: 'primary', 'data-key': 'end-anyway', onclick: () => { box.hidden = true; endLine(true); } }, 'End the move'),
    h('button', { type: 'button', 'data-key': 'end-keep', onclick: () => { box.hidden = true; } }, 'Keep playing')));
  box.hidden = false;
  $('[data-key="end-anyway"]').focus();
}

// Layout --------------------------------------------------------------------------------

function panel(id, cls, heading) {
  return h('section', { id, class: ['panel', cls], 'aria-label': heading });
}

const LAYOUTS = {
  team: [['move', 'end-warning', 'decisions', 'actions', 'members'], ['meters', 'inbox', 'board', 'brief', 'log']],
  observer: [['move', 'teams', 'inbox', 'log'], ['meters', 'board', 'brief']],
  facilitator: [['confirm', 'controls', 'teams-moves', 'schedule', 'inject', 'override', 'notes'], ['evaluation', 'room', 'meters', 'inbox', 'board', 'truth', 'log']],
};
// After the end the moves are over: the hotwash comes first.
const ENDED = {
  team: [['inbox', 'log'], ['meters', 'board', 'brief']],
  observer: [['teams', 'inbox', 'log'], ['meters', 'board', 'brief']],
  facilitator: [['confirm', 'controls', 'evaluation', 'teams-moves', 'notes'], ['room', 'meters', 'inbox', 'truth', 'log']],
};
const HOTWASH = ['questions', 'survey', 'debrief'];
const TITLES = {
  move: 'Your move', 'end-warning': 'Before you end', decisions: 'Decisions', actions: 'Actions', members: 'Your team',
  meters: 'Meters', inbox: 'Inbox', board: 'Evidence', brief: 'Brief', teams: 'Teams', log: 'Timeline',
  confirm: 'Confirm', controls: 'The game', 'teams-moves': 'Teams\' moves', schedule: 'Schedule', inject: 'Inject',
  override: 'Override', notes: 'Notes', room: 'The room', truth: 'Truth', questions: 'Questions', survey: 'Feedback',
  debrief: 'Debrief', evaluation: 'After-action',
};
const JUMP = { team: ['decisions', 'actions', 'inbox', 'board', 'meters', 'brief'], observer: ['inbox', 'meters', 'board', 'log'],
  facilitator: ['controls', 'teams-moves', 'schedule', 'inject', 'evaluation', 'room', 'log'] };

function build(m) {
  const key = `${m.kind}/${m.ended ? 1 : 0}`;
  if (app.built === key) return;
  app.built = key;
  document.body.dataset.kind = m.kind;
  const cols = (m.ended ? ENDED : LAYOUTS)[m.kind].map((ids) => h('div', { class: 'col' }, ids.map((id) => {
    const cls = id === 'move' ? 'move' : id === 'end-warning' ? 'notice' : id === 'confirm' ? 'notice' : '';
    const p = panel(id, cls, TITLES[id]);
    if (id === 'end-warning' || id === 'confirm') p.hidden = true;
    if (id === 'end-warning') p.setAttribute('role', 'alertdialog');
    return p;
  })));
  const hot = HOTWASH.filter((id) => id !== 'survey' || m.kind !== 'facilitator');
  const wide = m.ended ? hot.map((id) => panel(id, 'wide', TITLES[id])) : [];
  replaceChildren($('#main'), wide, cols);
  const jump = m.ended ? hot.concat(['inbox', 'meters', 'log']) : JUMP[m.kind];
  replaceChildren($('#jump'), jump.map((id) => h('a', { href: `#${id}` }, TITLES[id])));
}

// Rendering ----------------------------------------------------------------------------

function top(m) {
  const who = $('#who');
  who.textContent = m.kind === 'team' ? m.role.name : m.kind === 'facilitator' ? 'Facilitator' : 'Observer';
  document.title = `${who.textContent} · ${m.scenario.title}`;
  document.body.style.setProperty('--role', m.kind === 'team' ? ROLE_COLORS[m.role.index % ROLE_COLORS.length] : '');
  $('#scenario').textContent = m.you && m.you.name ? `${m.scenario.title} · ${m.you.name}` : m.scenario.title;
  $('#clock-label').textContent = m.ended ? 'Exercise over' : m.turnLabel;
  $('#clock-turn').textContent = m.ended ? `ended in turn ${m.turn} of ${m.turns}` : `Turn ${m.turn} of ${m.turns}`;
  app.timerBase = m.timer ? { left: m.timer.left_ms, running: m.timer.running, at: performance.now() } : null;
  tick();
}

// The projector's hold on a team's or an observer's page: a neutral card
// instead of the game, as the window shows (protocol: `hold`).
function holdCard(m) {
  const held = m.hold && m.kind !== 'facilitator';
  let card = $('#hold');
  if (!card && held) {
    card = h('section', { id: 'hold', class: 'panel hold', role: 'status' },
      h('h2', {}, 'Exercise paused'), h('p', {}, m.scenario.title));
    $('#main').before(card);
  }
  if (card) card.hidden = !held;
  $('#main').hidden = held;
  $('#jump').hidden = held;
}

function tick() {
  const el = $('#timer'), m = app.model;
  if (!m || m.ended || (!app.timerBase && !m.paused && !m.hold)) { el.hidden = true; return; }
  el.hidden = false;
  el.className = 'timer';
  if (m.paused || m.hold) { el.textContent = m.hold ? 'ON HOLD' : 'PAUSED'; el.classList.add('paused'); return; }
  const t = app.timerBase;
  const left = Math.max(0, t.left - (t.running ? performance.now() - t.at : 0));
  const s = Math.ceil(left / 1000);
  el.textContent = left <= 0 ? 'TIME' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  if (left <= 0) el.classList.add('over');
  else if (left < 60000) el.classList.add('amber');
}
setInterval(() => { tick(); countdown(); }, 250);

function draw(id, data, fn) {
  const el = document.getElementById(id);
  if (el) section(el, data, fn);
}

function render(force) {
  const m = app.model;
  if (!m) return;
  build(m);
  top(m);
  holdCard(m);
  const extra = { warned: app.warnedTurn, ask: app.ask, sent: app.surveySent, force: force ? Math.random() : 0 };
  if (m.kind !== 'facilitator') {
    const mv = $('#move');
    if (mv) mv.className = `panel move ${team.moveState(m).cls}`;
    draw('move', [m, extra.force], () => team.moveSection(m, act));
    draw('decisions', [m.decisions, m.role, m.you, m.paused, m.ended, extra.force], () => team.decisionsSection(m, act));
    draw('actions', [m.actions, m.role, m.paused, m.ended], () => team.actionsSection(m, act));
    draw('members', [m.members, m.you], () => team.membersSection(m, act));
    draw('teams', m.teams, () => team.teamsSection(m));
  } else {
    const confirm = $('#confirm');
    if (confirm) { confirm.hidden = !app.ask; draw('confirm', [app.ask], () => con.confirmBar(app.ask, act)); }
    draw('controls', [m.paused, m.hold, m.endings, m.turn, m.turns, m.timer && m.timerOnExpiry, !!m.timer, extra.force], () => con.controlsSection(m, act));
    draw('teams-moves', [m.teams, m.decisions, m.log], () => con.teamsMovesSection(m));
    draw('schedule', m.schedule, () => con.scheduleSection(m, act));
    draw('inject', [m.teams, m.channels, m.paused, extra.force], () => con.injectSection(m, act));
    draw('override', [m.allMeters, extra.force], () => con.overrideSection(m, act));
    draw('notes', [m.notes, extra.force], () => con.noteSection(m, act));
    draw('evaluation', [m.evaluation, m.debrief.objectives, extra.force], () => con.evaluationSection(m, act));
    draw('room', m.codes, () => con.roomSection(m, act));
    draw('truth', m.truth, () => con.truthSection(m));
  }
  draw('meters', m.kind === 'facilitator' ? m.allMeters : m.meters,
    () => team.metersSection(m.kind === 'facilitator' ? Object.assign({}, m, { meters: m.allMeters }) : m));
  draw('inbox', m.inbox, () => team.inboxSection(m));
  draw('board', [m.boards, m.role, m.paused, m.ended], () => team.boardSection(m, m.kind === 'facilitator' ? null : act));
  draw('brief', [m.role, m.teams, m.situation], () => team.briefSection(m));
  draw('log', m.log, () => team.logSection(m));
  if (m.ended) {
    draw('questions', m.debrief.questions, () => hw.questionsSection(m));
    draw('survey', [m.debrief.objectives, app.surveySent, m.kind], () => hw.surveySection(m, act, app.surveySent));
    draw('debrief', [m.debrief, m.surveys], () => hw.debriefSection(m));
  }
  document.body.dataset.turn = String(m.turn);
  document.body.dataset.done = m.kind === 'team' && m.role.done ? '1' : '0';
}

// Start --------------------------------------------------------------------------------

function onMessage(msg) {
  if (msg.type === 'welcome') app.me = msg.participant || {}, app.fresh = true;
  const r = proto.read(msg, app.model, app.me, app.fresh);
  if (msg.type === 'state') app.fresh = false;
  if (r.fatal) { app.link.stop(r.fatal); say(r.fatal, 'bad'); return; }
  if (r.notice) say(r.notice, r.bad ? 'bad' : '');
  if (r.model) {
    app.model = r.model;
    if (r.model.surveySent) app.surveySent = true;
    render(false);
  }
}

function start() {
  $('#conn-retry').addEventListener('click', () => app.link.retryNow());
  if (!app.code) {
    say('This address has no code: open the link of the QR code, or type your code at the start page.', 'bad');
    replaceChildren($('#main'), h('p', {}, h('a', { href: '/' }, 'Type a code')));
    return;
  }
  app.link = new Link(proto.socketUrl(location, app.code), app.code, {
    onMessage,
    onStatus: connStatus,
    hello: (id) => proto.hello(id),
    refused: () => proto.codeRefused(app.code),
  });
  app.link.start();
}

window.crisisroom = app; // for the browser test and a curious facilitator's console
start();
