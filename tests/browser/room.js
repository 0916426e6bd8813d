// room.js -- team pages in a real browser: `crisisroom host` on loopback,
// Debian's chromium driven by puppeteer-core, a turn of the flagship
// scenario played through the pages as people would (clicks and typing),
// and assertions on what each page's DOM shows.
//
//   node room.js --bin CRISISROOM --chromium PATH --out DIR [--teams N]
//
// With --teams 2 (the ctest) the PM's and AKSHI's pages and the
// facilitator's play turn 1; with --teams 4 every team plays it (the
// hand check of issue 12). Each page is saved as a screenshot at 390x844
// (a phone) and 1366x768 (a laptop) in DIR, after checking that it does
// not scroll sideways at either size.
'use strict';
const { spawn } = require('child_process');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const LIMIT_MS = 90000;        // the whole test; it takes about 20 s
const WAIT_MS = 10000;         // one thing to appear on a page
const SIZES = [[390, 844], [1366, 768]];
const MAX_SCREENS = 12;        // screenshots of one page below its first screen
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function options(argv) {
  const o = { teams: 2 };
  for (let i = 2; i < argv.length; i += 2) o[argv[i].replace(/^--/, '')] = argv[i + 1];
  o.teams = Number(o.teams);
  return o;
}

let failures = 0, passes = 0;
function check(ok, what) {
  if (ok) passes++;
  else { failures++; console.log(`FAIL: ${what}`); }
  if (process.env.VERBOSE && ok) console.log(`passed: ${what}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFile(file, ms) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    try {
      const j = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (j.url) return j;
    } catch (e) { /* not yet written */ }
  }
  throw new Error(`the host wrote no codes to ${file} within ${ms} ms`);
}

// A port nobody listens on now (the host is started again on the same one).
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
}

// The host of a new game, or (again) of its save: the same codes, port and
// save, as after a crash.
let hostLog = '';
function startHost(o, work, port, again) {
  const codes = path.join(work, again ? 'codes-again.json' : 'codes.json');
  const save = path.join(work, 'game.jsonl');
  const args = ['host', again ? save : 'albania2022', '--headless', '--bind', '127.0.0.1',
    '--port', String(port), '--codes', codes].concat(again ? [] : ['--save', save, '--seed', '7']);
  const host = spawn(o.bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  host.stdout.on('data', (d) => { hostLog += d; });
  host.stderr.on('data', (d) => { hostLog += d; });
  host.log = () => hostLog;
  host.codes = codes;
  return host;
}

// A page of the room, with what went wrong in it.
async function openPage(browser, url, name) {
  const page = await browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`${name}: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`${name}: console: ${m.text()}`); });
  await page.setViewport({ width: 1366, height: 768 });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.crisisroom && window.crisisroom.model, { timeout: WAIT_MS, polling: 100 });
  page.label = name;
  return page;
}

const text = (page) => page.evaluate(() => document.body.innerText);
const textOf = (page, sel) => page.$eval(sel, (e) => e.innerText);

async function waitText(page, sel, needle, what) {
  try {
    await page.waitForFunction((s, n) => {
      const e = document.querySelector(s);
      return e && e.innerText.includes(n);
    }, { timeout: WAIT_MS, polling: 100 }, sel, needle);
    check(true, what);
  } catch (e) {
    check(false, `${what}: "${needle}" never appeared in ${sel} of ${page.label}`);
  }
}

// Pick an option of a decision, give a reason, press a button: as a person.
async function decide(page, event, option, why, button) {
  await page.bringToFront(); // a tab in the background draws no frame to click in
  const m = await page.evaluate(() => window.crisisroom.model);
  const dec = m.decisions.find((d) => d.event === event);
  if (!dec) throw new Error(`${page.label}: no open decision ${event}`);
  const idx = dec.options.findIndex((x) => x.id === option);
  await page.click(`#opt-${dec.key}-${idx}`);
  await page.type(`#why-${dec.key}`, why);
  await page.click(`[data-key="${dec.key}-${button}"]`);
}

async function takeAction(page, action, why) {
  await page.bringToFront();
  const key = `a-${action}`;
  await page.$eval(`#h-${key}`, (e) => e.scrollIntoView());
  await page.type(`#why-${key}`, why);
  await page.click(`[data-key="${key}-take"]`);
}

async function endMove(page) {
  await page.bringToFront();
  await page.click('[data-key="end-move"]');
  // The first press warns once when points are left or a decision is open.
  const warned = await page.$eval('#end-warning', (e) => !e.hidden);
  if (warned) await page.click('[data-key="end-anyway"]');
  return warned;
}

async function noSideScroll(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    const wide = [...document.querySelectorAll('main *, header *')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > d.clientWidth + 1;
    }).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}`);
    return { ok: d.scrollWidth <= d.clientWidth && !wide.length, wide: wide.slice(0, 5), sw: d.scrollWidth, cw: d.clientWidth };
  });
}

async function shots(pages, out) {
  const files = [];
  for (const [w, h] of SIZES) {
    for (const p of pages) {
      await p.bringToFront();
      await p.setViewport({ width: w, height: h });
      await p.evaluate(() => window.scrollTo(0, 0));
      await sleep(100);
      const s = await noSideScroll(p);
      check(s.ok, `${p.label} at ${w}x${h} scrolls sideways (scrollWidth ${s.sw} > ${s.cw}: ${s.wide.join(', ')})`);
      const file = path.join(out, `${p.label}-${w}x${h}.png`);
      await p.screenshot({ path: file });
      files.push(file);
      // And the rest of the page, a screenful at a time, to look at what
      // lies below the fold (at most MAX_SCREENS).
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      for (let y = h, i = 2; y < height && i <= MAX_SCREENS; y += h, i++) {
        const more = path.join(out, `${p.label}-${w}x${h}-${i}.png`);
        await p.screenshot({ path: more, captureBeyondViewport: true,
          clip: { x: 0, y, width: w, height: Math.min(h, height - y) } });
        files.push(more);
      }
    }
  }
  for (const p of pages) await p.setViewport({ width: 1366, height: 768 });
  return files;
}

async function state(url, code) {
  const r = await fetch(`${url}api/state?code=${encodeURIComponent(code)}`);
  return r.json();
}

// The facilitator ends the exercise with an ending chosen from the list
// (the facilitator's state alone has it): every page turns to the hotwash
// (the debrief questions, the survey, the debrief, team by team: the
// hidden truth, every team's decisions and reasons; never a facilitator's
// note); a participant answers the survey once.
async function hotwash(pages, roleIds, fac, o, secret) {
  const f = pages.facilitator;
  await f.bringToFront();
  const ending = fac.facilitator.endings[1] || fac.facilitator.endings[0];
  await f.select('#f-ending', ending.id);
  await f.click('[data-key="b-finish"]');
  await f.waitForSelector('[data-key="b-yes"]', { timeout: WAIT_MS });
  await f.click('[data-key="b-yes"]');
  const q = fac.questions[0];
  for (const p of Object.values(pages)) {
    await waitText(p, '#clock-label', 'Exercise over', `${p.label}'s page says the exercise is over`);
    await waitText(p, '#questions', q, `${p.label}'s page shows the debrief questions`);
    await waitText(p, '#debrief', ending.title, `${p.label}'s page shows the ending the facilitator chose`);
  }
  const truth = fac.truth.truth;
  for (const p of Object.values(pages).filter((x) => x.label !== 'facilitator')) {
    await waitText(p, '#debrief', truth.slice(0, 60), `${p.label}'s debrief tells the hidden truth`);
    await waitText(p, '#debrief [data-team="akshi"]', secret.why, `${p.label}'s debrief has AKSHI's rationale`);
    await waitText(p, '#debrief [data-team="akshi"]', secret.argument, `${p.label}'s debrief has AKSHI's argument`);
    const t = await text(p);
    check(!t.includes(secret.note), `${p.label}'s page shows the facilitator's note after the end`);
    const teams = await p.$$eval('#debrief [data-team]', (e) => e.map((x) => x.dataset.team));
    check(teams.join() === fac.roles.map((r) => r.id).join(), `${p.label}'s debrief goes team by team: ${teams}`);
  }
  for (const id of roleIds) await waitText(pages[id], '#survey', 'What went well?', `${id}'s page offers the survey`);
  const p = pages[roleIds[0]];
  await p.bringToFront();
  await p.type('#hw-well', 'We argued it out before deciding');
  await p.type('#hw-improve', 'Read the evidence board earlier');
  const radios = await p.$$('#survey input[type=radio][value="4"]');
  for (const r of radios) await r.click();
  await p.click('#survey button[type=submit]');
  await waitText(p, '#survey', 'Thank you', `${p.label}'s answers are taken`);
  // The page thanks on the result; the state that says so comes after it.
  const sent = await p.waitForFunction(() => window.crisisroom.model.surveySent, { timeout: WAIT_MS, polling: 100 })
    .then(() => true, () => false);
  check(sent, `${p.label}'s state says its answers are in`);
  await waitText(f, '#debrief', 'Survey: 1 answer', 'the facilitator sees the answer counted');
  const other = pages[roleIds[1]];
  check(!(await other.evaluate(() => window.crisisroom.model.surveySent)), `${other.label} has not answered`);
  return shots(Object.values(pages), path.join(o.out, 'end'));
}

// An evaluator records an observation on the facilitator's page, by its
// form: an area for improvement of an objective, then its root cause and a
// corrective action; the journal has the commands, and no team's or
// observer's page ever shows them.
async function evaluation(ctx, pages, roleIds) {
  const f = pages.facilitator;
  const said = 'Backups were restored without a check EVAL_QX9';
  await f.bringToFront();
  await f.select('#f-ob-obj', 'restore');
  await f.select('#f-ob-cap', 'cybersecurity');
  await f.select('#f-ob-kind', 'area');
  await f.type('#f-ob-text', said);
  await f.click('#evaluation form button[type=submit]');
  await waitText(f, '#evaluation', said, 'the facilitator\'s page lists the observation');
  await f.type('#f-cause-1', 'Nobody owns the check CAUSE_QX9');
  await f.click('#evaluation .observations form button[type=submit]');
  await waitText(f, '#evaluation', 'Root cause: Nobody owns the check CAUSE_QX9', 'the root cause is shown');
  await f.type('#f-pl-act-1', 'Validate every backup PLAN_QX9');
  await f.select('#f-pl-el-1', 'training');
  await f.click('#evaluation .observations form:nth-of-type(2) button[type=submit]');
  await waitText(f, '#evaluation', 'Training: Validate every backup PLAN_QX9', 'the corrective action is in the plan');
  const st = await state(ctx.codes.url, ctx.codes.facilitator);
  const ev = st.facilitator.evaluation;
  check(ev.observations.length === 1 && ev.observations[0].objective === 'restore' &&
    ev.observations[0].capability === 'cybersecurity' && ev.observations[0].kind === 'area', 'the observation as sent');
  check(ev.plan.length === 1 && ev.plan[0].element === 'training' && ev.plan[0].observation === 1, 'the plan as sent');
  await sleep(300);
  for (const p of Object.values(pages).filter((x) => x !== f)) {
    const t = await text(p);
    for (const m of ['EVAL_QX9', 'CAUSE_QX9', 'PLAN_QX9']) check(!t.includes(m), `${p.label}'s page shows the evaluation (${m})`);
    const own = await state(ctx.codes.url, p.label === 'observer' ? ctx.codes.observer : ctx.codes.teams[p.label] || ctx.codes.observer);
    check(!JSON.stringify(own).includes('QX9'), `${p.label}'s state carries the evaluation`);
  }
  void roleIds;
}

// The host dies (kill -9) with the pages open and one command typed while
// it is down; it starts again on its save: every page says it reconnects,
// comes back by itself with its whole view and the same member, and the
// command is applied once.
async function restart(o, ctx, pages, roleIds) {
  ctx.host.kill('SIGKILL');
  await new Promise((r) => ctx.host.once('exit', r));
  for (const p of Object.values(pages)) await waitText(p, '#conn', 'Connection lost', `${p.label} says the link is lost`);
  const pm = pages.pm;
  const me = await pm.evaluate(() => window.crisisroom.me.id);
  await takeAction(pm, 'address_nation', 'Say what we know, and no more');
  ctx.host = startHost(o, ctx.work, ctx.port, true);
  const codes = await waitFile(ctx.host.codes, WAIT_MS);
  check(codes.teams.pm === ctx.codes.teams.pm && codes.facilitator === ctx.codes.facilitator, 'the host came back with the same codes');
  for (const p of Object.values(pages)) {
    try {
      await p.waitForFunction(() => document.querySelector('#conn').hidden, { timeout: 40000, polling: 200 });
      check(true, `${p.label} reconnects by itself`);
    } catch (e) {
      check(false, `${p.label} did not reconnect after the host came back`);
    }
  }
  // What the browser logged while nobody listened is what it had to say.
  for (const p of Object.values(pages)) {
    p.errors = p.errors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e));
  }
  await waitText(pages.akshi, '#inbox', 'Decided: Cut the government network off the internet first', 'AKSHI\'s decision is still there after the restart');
  await waitText(pm, '#log', 'Give a straight public briefing', 'the command typed while the host was down is applied');
  const again = await pm.evaluate(() => [window.crisisroom.me.id, window.crisisroom.model.you.lead]);
  check(again[0] === me && again[1], `the PM's member is the same after the restart (${me} -> ${again})`);
  const st = await state(ctx.codes.url, ctx.codes.facilitator);
  const n = st.log.filter((e) => e.kind === 'action' && e.who === 'PM').length;
  check(n === 1, `the PM's action is in the log ${n} times (once expected)`);
}

// One form of a page at each size, scrolled to its top: to look at.
async function formShots(p, sel, out) {
  for (const [w, h] of SIZES) {
    await p.bringToFront();
    await p.setViewport({ width: w, height: h });
    await p.$eval(sel, (e) => e.scrollIntoView());
    await sleep(100);
    const s = await noSideScroll(p);
    check(s.ok, `${p.label} at ${w}x${h} scrolls sideways (scrollWidth ${s.sw} > ${s.cw}: ${s.wide.join(', ')})`);
    await p.screenshot({ path: path.join(out, `${p.label}-${sel.slice(1)}-${w}x${h}.png`) });
  }
  await p.setViewport({ width: 1366, height: 768 });
}

// The facilitator jumps to a turn by the historical policy, from the
// page's form, asked first; every page moves on; the journal's lines are
// the policy's (tests/net/test_jump.py looks at them).
async function jumpTo(o, pages, all, turn) {
  const f = pages.facilitator;
  await f.bringToFront();
  // Past the last turn: the page says which turns it may jump to (the
  // field's own min and max are lifted to reach the page's rule).
  await f.$eval('#f-jump-turn', (e) => { e.removeAttribute('min'); e.removeAttribute('max'); });
  await f.type('#f-jump-turn', '99');
  await f.click('[data-key="b-jump"]');
  await waitText(f, '#msg', 'Jump to a turn after this one', 'a jump past the last turn is refused in the window\'s words');
  await f.$eval('#f-jump-turn', (e) => { e.value = ''; e.dispatchEvent(new Event('input')); });
  await f.type('#f-jump-turn', String(turn));
  await f.select('#f-jump-policy', 'historical');
  await formShots(f, '#controls', path.join(o.out, 'jump'));
  await f.click('[data-key="b-jump"]');
  await waitText(f, '#confirm', `until turn ${turn} begins`, 'the jump asks first');
  await f.click('[data-key="b-yes"]');
  for (const p of all) await waitText(p, '#clock-turn', `Turn ${turn} of`, `${p.label} is at turn ${turn} after the jump`);
  await waitText(f, '#msg', 'played to turn', 'the facilitator is told the jump is done');
}

// While paused, the facilitator's inject form sends AKSHI a decision by
// email with two options, held for the resume: the line the window builds.
const HELD = { title: 'The press asks about the outage', text: 'A journalist wants a statement within the hour.',
  options: ['Speak now', 'Wait for the facts'] };
async function heldInject(o, ctx, pages) {
  const f = pages.facilitator;
  await f.bringToFront();
  await f.select('#f-inj-to', 'akshi');
  await f.select('#f-inj-via', 'email');
  await f.type('#f-inj-title', HELD.title);
  await f.type('#f-inj-text', HELD.text);
  await f.type('#f-inj-opts', HELD.options.join('\n'));
  await f.select('#f-inj-at', 'resume');
  await formShots(f, '#inject', path.join(o.out, 'inject'));
  // To every team with options and nobody to decide: refused on the page.
  await f.select('#f-inj-to', 'all');
  await f.click('#inject button[type=submit]');
  await waitText(f, '#msg', 'needs a team to decide it', 'an inject to every team with options asks who decides');
  await f.select('#f-inj-to', 'akshi');
  await f.click('#inject button[type=submit]');
  await waitText(f, '#msg', 'Held: it reaches the inbox when you resume', 'the facilitator is told the inject is held');
  const held = (await state(ctx.codes.url, ctx.codes.teams.akshi)).inbox.find((it) => it.title === HELD.title);
  check(!held, 'a held inject reaches the team while the game is paused');
}

// After the resume AKSHI's page shows the inject with its two options; the
// lead answers; the facilitator's state shows the answer.
async function answerHeld(ctx, pages) {
  const a = pages.akshi;
  await waitText(a, '#decisions', HELD.title, 'AKSHI receives the held inject after the resume');
  for (const x of HELD.options) await waitText(a, '#decisions', x, `AKSHI's page offers "${x}"`);
  await a.bringToFront();
  const m = await a.evaluate(() => window.crisisroom.model);
  const dec = m.decisions.find((d) => d.title === HELD.title);
  check(dec && dec.channel === 'email' && dec.options.length === 2, 'the inject came by email with two options');
  await a.click(`#opt-${dec.key}-1`);
  await a.type(`#why-${dec.key}`, 'Facts first');
  await a.click(`[data-key="${dec.key}-confirm"]`);
  await waitText(pages.facilitator, '#inbox', `Decided: ${HELD.options[1]}`, 'the facilitator\'s page shows AKSHI\'s answer');
  const it = (await state(ctx.codes.url, ctx.codes.facilitator)).inbox.find((x) => x.title === HELD.title);
  check(it && it.status === 'decided' && it.chosen && it.chosen.label === HELD.options[1] && it.chosen.by === 'akshi',
    `the facilitator's state has AKSHI's answer (${JSON.stringify(it && it.chosen)})`);
}

async function play(o, ctx, browser) {
  const host = ctx.host;
  const codes = await waitFile(host.codes, WAIT_MS);
  ctx.codes = codes;
  const url = codes.url;
  const fac = await state(url, codes.facilitator);
  const roleIds = ['pm', 'akshi', 'mfa', 'sis'].slice(0, o.teams);
  const roles = Object.fromEntries(fac.roles.map((r) => [r.id, r]));
  const hidden = fac.meters.filter((m) => m.hidden).map((m) => m.name);
  const truth = fac.truth && fac.truth.truth;
  // What the debrief shows everyone after the end, and what nobody but the
  // facilitator ever reads.
  const secret = { why: 'Cut it off before the wiper spreads', argument: 'Pull the plug now',
    note: 'Watch the MFA lead: NOTE-OF-THE-FACILITATOR' };

  const pages = {};
  for (const id of roleIds) pages[id] = await openPage(browser, `${url}join/${codes.teams[id]}`, id);
  // A name, as people give one: the page joins again with it and keeps its
  // participant (the lead stays the lead).
  const people = { pm: 'Arta', akshi: 'Drita', mfa: 'Gent', sis: 'Ilir' };
  for (const id of roleIds) {
    const p = pages[id];
    await p.bringToFront();
    const before = await p.evaluate(() => window.crisisroom.me.id);
    await p.type('#my-name', people[id]);
    await p.click('#members button[type=submit]');
    await waitText(p, '#members', `${people[id]} (you)`, `${id}'s member has a name`);
    const again = await p.evaluate(() => [window.crisisroom.me.id, window.crisisroom.model.you.lead]);
    check(again[0] === before && again[1], `${id}'s member kept its id and the lead after giving a name (${before} -> ${again})`);
  }
  pages.observer = await openPage(browser, `${url}join/${codes.observer}`, 'observer');
  pages.facilitator = await openPage(browser, `${url}join/${codes.facilitator}`, 'facilitator');
  const all = Object.values(pages);

  // Each team sees its own brief and private text, and nothing another
  // team alone may read, nor what only the facilitator may.
  for (const id of roleIds) {
    const t = await text(pages[id]);
    check(t.includes(roles[id].private), `${id} sees its own private brief`);
    for (const other of roleIds.filter((x) => x !== id)) {
      check(!t.includes(roles[other].private), `${id}'s page shows ${other}'s private brief`);
    }
    for (const name of hidden) check(!t.includes(name), `${id}'s page names the hidden meter "${name}"`);
    if (truth) check(!t.includes(truth), `${id}'s page shows the hidden truth`);
    check(!t.includes(codes.facilitator), `${id}'s page shows the facilitator's code`);
    await waitText(pages[id], '#who', roles[id].name, `${id}'s page is headed by its team`);
  }
  // The start page: a wrong code is told so there; a right one, typed as
  // people type it (small letters, spaces), opens its page (the observers':
  // a team's first member would become its lead).
  const start = await browser.newPage();
  start.label = 'start';
  await start.goto(url, { waitUntil: 'domcontentloaded' });
  await start.type('#code', 'ABCD EFGH JKLM NPQR');
  await start.click('#join button[type=submit]');
  await waitText(start, '#code-error', 'not valid', 'a wrong code is refused on the start page');
  await start.$eval('#code', (e) => { e.value = ''; });
  await start.type('#code', codes.observer.toLowerCase().replace(/-/g, ' '));
  await Promise.all([start.waitForNavigation({ timeout: WAIT_MS }), start.click('#join button[type=submit]')]);
  await start.waitForFunction(() => window.crisisroom && window.crisisroom.model, { timeout: WAIT_MS, polling: 100 });
  await waitText(start, '#who', 'Observer', 'a typed code opens its page');
  await start.close();

  // The observer reads the public part and can do nothing.
  const ot = await text(pages.observer);
  for (const id of roleIds) check(!ot.includes(roles[id].private), `the observer's page shows ${id}'s private brief`);
  for (const name of hidden) check(!ot.includes(name), `the observer's page names the hidden meter "${name}"`);
  check(!ot.includes(codes.facilitator) && !ot.includes(codes.teams.pm), 'the observer\'s page shows a code');
  const obsButtons = await pages.observer.$$eval('main button, main input, main textarea, main select', (e) => e.length);
  check(obsButtons === 0, `the observer's page has ${obsButtons} controls (read-only expected)`);
  await waitText(pages.observer, '#inbox', 'Servers are encrypting themselves', 'the observer sees the inject sent to every team');
  const ft = await text(pages.facilitator);
  check(hidden.every((n) => ft.includes(n)), 'the facilitator sees the hidden meters');

  // The facilitator pins a note: only its own page shows it.
  const f = pages.facilitator;
  await f.bringToFront();
  await f.type('#f-note', secret.note);
  await f.click('#notes button[type=submit]');
  await waitText(f, '#notes', secret.note, 'the facilitator\'s note is pinned');
  for (const id of roleIds.concat(['observer'])) {
    check(!(await text(pages[id])).includes(secret.note), `${id}'s page shows the facilitator's note`);
  }

  // The facilitator sets a ten-minute timer: every page counts it down.
  await f.bringToFront();
  await f.type('#f-timer', '10');
  await f.click('#controls form button[type=submit]');
  for (const p of Object.values(pages)) {
    await waitText(p, '#timer', ':', `${p.label}'s page shows the turn's timer`);
    const t = await p.$eval('#timer', (e) => e.innerText);
    check(/^(10:00|9:[0-5]\d)$/.test(t), `${p.label}'s timer reads "${t}" (10:00 or just under expected)`);
  }

  // Pause: every page says so, and a team cannot act; resume.
  await f.bringToFront();
  await f.click('[data-key="b-Pause"]');
  for (const p of Object.values(pages)) await waitText(p, '#timer', 'PAUSED', `${p.label}'s page shows the pause`);
  await waitText(pages.akshi, '#move', 'Paused by the facilitator', 'a team\'s page says who paused');
  check(!(await pages.akshi.$('[data-key="end-move"]')), 'a team may end its move while the game is paused');
  await heldInject(o, ctx, pages);
  await f.bringToFront();
  await f.click('[data-key="b-Resume"]');
  await waitText(pages.akshi, '#move', 'Your team\'s move', 'the game resumes on a team\'s page');
  await answerHeld(ctx, pages);

  // The projector's hold: the teams' and the observer's pages show the card
  // instead of the game and the timer waits; released, the game is back.
  const players = Object.values(pages).filter((x) => x.label !== 'facilitator');
  await f.bringToFront();
  await f.click('[data-key="b-hold"]');
  await waitText(f, '#controls', 'The room is on hold', 'the facilitator\'s page says the room is held');
  for (const p of players) {
    await waitText(p, '#hold', 'Exercise paused', `${p.label}'s page shows the hold card`);
    check(await p.$eval('#main', (e) => e.hidden), `${p.label}'s page shows nothing of the game during the hold`);
  }
  await waitText(pages.akshi, '#timer', 'ON HOLD', 'the timer waits during the hold');
  await shots([pages.akshi, f], path.join(o.out, 'hold'));
  await f.bringToFront();
  await f.click('[data-key="b-hold"]');
  for (const p of players) {
    const back = await p.waitForFunction(() => !document.querySelector('#main').hidden && document.querySelector('#hold').hidden,
      { timeout: WAIT_MS, polling: 100 }).then(() => true, () => false);
    check(back, `${p.label}'s page shows the game again after the hold`);
  }

  // A second member of AKSHI proposes an option and argues for it; the
  // lead sees the proposal and the vote, and so does the facilitator.
  const second = await openPage(browser, `${url}join/${codes.teams.akshi}`, 'akshi-second');
  const m2 = await second.evaluate(() => window.crisisroom.model);
  check(!m2.you.lead, 'the second member of a team is not its lead');
  check(!(await second.$('[data-key="i0-confirm"]')), 'a member who is not the lead is offered to confirm');
  await decide(second, 'ransomware', 'isolate', secret.argument, 'vote');
  await waitText(pages.akshi, '#decisions', 'Proposed by', 'the lead sees the proposal');
  await waitText(pages.akshi, '#decisions', 'Pull the plug now', 'the lead reads the argument');
  await waitText(f, '#teams-moves', 'Cut the government network off the internet first', 'the facilitator sees the vote');
  if (pages.pm) check(!(await text(pages.pm)).includes('Pull the plug now'), 'the PM\'s page shows AKSHI\'s deliberation');
  await second.close();

  // The lead decides turn 1's inject; the facilitator's page shows it.
  const why = secret.why;
  await decide(pages.akshi, 'ransomware', 'isolate', why, 'confirm');
  await waitText(pages.akshi, '#inbox', 'Decided: Cut the government network off the internet first', 'AKSHI sees its decision');
  await waitText(pages.facilitator, '#inbox', 'Decided: Cut the government network off the internet first', 'the facilitator sees AKSHI\'s decision');
  await waitText(pages.facilitator, '#log', why, 'the facilitator reads AKSHI\'s rationale');
  if (pages.pm) {
    const pt = await text(pages.pm);
    check(!pt.includes(why), 'the PM\'s page shows AKSHI\'s rationale');
  }

  // Standing actions, then every team ends its move.
  if (pages.akshi) await takeAction(pages.akshi, 'restore_backup', 'e-Albania first');
  await restart(o, ctx, pages, roleIds);
  if (pages.mfa) await takeAction(pages.mfa, 'consult_allies', 'Allies first');
  await sleep(300);
  const warnedPm = pages.pm ? await endMove(pages.pm) : false;
  if (pages.pm) {
    check(warnedPm, 'ending with a point left warns first');
    await waitText(pages.pm, '#move', 'Your move is done', 'the PM\'s page says its move is done');
  }
  // Every team but the last ends; the pages are photographed then, with
  // turn 1 still open; the last team's end (or, with two teams playing, the
  // facilitator) closes it.
  const rest = roleIds.filter((x) => x !== 'pm');
  const last = roleIds.length >= 4 ? rest.pop() : null;
  for (const id of rest) {
    await endMove(pages[id]);
    await waitText(pages[id], '#move', 'Your move is done', `${id}'s page says its move is done`);
  }
  await waitText(pages.facilitator, '#teams-moves', 'move done', 'the facilitator sees who has moved');
  const before = await shots(all, o.out);
  if (last) {
    await endMove(pages[last]);
  } else {
    await pages.facilitator.bringToFront();
    await pages.facilitator.click('[data-key="b-close"]');
  }
  for (const p of all) await waitText(p, '#clock-turn', 'Turn 2 of', `${p.label} moves on to turn 2`);
  if (pages.akshi) await waitText(pages.akshi, '#decisions', 'A second tool wakes up', 'AKSHI receives turn 2\'s inject');
  const after = roleIds.length >= 4 ? await shots(all, path.join(o.out, 'turn2')) : [];
  await jumpTo(o, pages, all, 3);
  await evaluation(ctx, pages, roleIds);
  const end = await hotwash(pages, roleIds, fac, o, secret);
  for (const p of all) for (const e of p.errors) check(false, e);
  return before.concat(after, end);
}

async function main() {
  const o = options(process.argv);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crisisroom-browser-'));
  // Screenshots of this run only: those of an earlier one would be looked at.
  for (const sub of ['', 'turn2', 'end', 'hold', 'inject', 'jump']) {
    const dir = path.join(o.out, sub);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.png')) fs.unlinkSync(path.join(dir, f));
  }
  const port = await freePort();
  const ctx = { work, port, host: startHost(o, work, port, false) };
  let browser;
  const guard = setTimeout(() => {
    console.log(`FAIL: the test took more than ${LIMIT_MS / 1000} s`);
    console.log(`host log:\n${hostLog}`);
    ctx.host.kill('SIGKILL');
    process.exit(1);
  }, LIMIT_MS);
  try {
    browser = await puppeteer.launch({ executablePath: o.chromium, headless: true,
      args: FLAGS.concat([`--user-data-dir=${path.join(work, 'profile')}`]) });
    const files = await play(o, ctx, browser);
    console.log(`screenshots:\n  ${files.join('\n  ')}`);
  } catch (e) {
    failures++;
    console.log(`FAIL: ${e.stack || e}`);
    console.log(`host log:\n${hostLog}`);
  } finally {
    clearTimeout(guard);
    if (browser) await browser.close();
    ctx.host.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`${passes} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

main();
