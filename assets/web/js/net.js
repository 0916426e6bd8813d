// net.js -- the page's one connection to the host (docs/protocol.md): a
// WebSocket that comes back by itself. A phone goes to sleep, the Wi-Fi
// drops, the host is restarted from its save: the page says so
// ("Reconnecting in 4 s"), tries again after 1, 2, 4 ... up to 30 s (with
// jitter, so that thirty phones do not knock at once), at once when the
// phone wakes or the network comes back, and on every connect sends
// `hello` with its token and receives its whole view again.
//
// Every request carries a `seq` that grows per participant and is kept in
// sessionStorage beside the token (one participant per tab). A request
// still unanswered when the socket drops is sent again with the same `seq`
// after the next `welcome`: the server applies a seq once and repeats its
// answer, so a command is applied once or refused, never twice.

const BACKOFF_FIRST_MS = 1000;  // the first retry: a blip of the Wi-Fi
const BACKOFF_MAX_MS = 30000;   // the longest wait (the protocol's)
const BACKOFF_JITTER = 0.25;    // +-25 % of each wait
const STABLE_MS = 5000;         // a connection this old resets the back-off
const REPLY_TIMEOUT_MS = 20000; // an answer this late is reported (the request stays queued)
const QUIET_MS = 25000;         // this long without a message: ping, to tell a dead link
const ERROR_MATCH_MS = 5000;
const CLOSE_REVOKED = 4003;     // the close code of `bye` `revoked` (docs/protocol.md)    // an `error` this soon after a request may be its answer

function storageKey(code) { return `crisisroom:${code.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`; }

export function loadIdentity(code) {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey(code))) || {};
  } catch (e) {
    return {};
  }
}

export function saveIdentity(code, id) {
  try {
    sessionStorage.setItem(storageKey(code), JSON.stringify(id));
  } catch (e) { /* private mode: the tab is a new participant after a reload */ }
}

export class Link {
  // handlers: onMessage(msg), onStatus({state, wait, attempt, why}),
  // hello() -> the hello message to send on open.
  constructor(url, code, handlers) {
    this.url = url;
    this.code = code;
    this.h = handlers;
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.openedAt = 0;
    this.lastHeard = 0;
    this.welcomed = false;
    this.id = loadIdentity(code); // {token, seq, name}
    this.id.seq = this.id.seq || 0;
    this.pending = new Map(); // seq -> {msg, resolve, reject, timer}
    this.stopped = false;
    const now = () => { if (!this.ws) this.retryNow(); else this.ping(); };
    window.addEventListener('online', now);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') now();
    });
    setInterval(() => this.ping(), QUIET_MS / 2);
  }

  start() { this.connect(); }

  // The server refused us for good (a revoked or wrong code): no retries.
  stop(why) {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close();
    this.ws = null;
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(new Error(why)); }
    this.pending.clear();
    this.status('stopped', 0, why);
  }

  // Connect again now, with a new hello (a new display name, say).
  restart() {
    if (this.stopped) return;
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close();
    this.connect();
  }

  status(state, wait, why) {
    this.h.onStatus({ state, wait, attempt: this.attempt, why: why || '' });
  }

  connect() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.welcomed = false;
    this.status(this.attempt ? 'reconnecting' : 'connecting', 0);
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.later(String(e));
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.openedAt = this.lastHeard = Date.now();
      ws.send(JSON.stringify(this.h.hello(this.id)));
    };
    ws.onmessage = (e) => {
      if (this.ws !== ws) return;
      this.lastHeard = Date.now();
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch (err) {
        console.error('crisisroom: a message that is not JSON', err);
        return;
      }
      if (!msg || msg.v !== 1) return;
      if (msg.type === 'welcome') this.welcome(msg);
      if (msg.type === 'result' && msg.seq != null && this.pending.has(msg.seq)) this.settle(msg);
      if (msg.type === 'error') this.settleError(msg);
      this.h.onMessage(msg);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      const welcomed = this.welcomed;
      this.ws = null;
      this.welcomed = false;
      if (Date.now() - this.openedAt > STABLE_MS) this.attempt = 0;
      if (e.code === CLOSE_REVOKED) {
        this.stop('This code has been revoked: join again with the new one (the room\'s screen, or the facilitator).');
        return;
      }
      this.later(e.reason || '');
      // A browser never shows a page why an upgrade failed: a code that is
      // wrong or revoked looks like a host that is down. Ask over HTTP.
      if (!welcomed && this.h.refused) this.h.refused().then((why) => { if (why) this.stop(why); });
    };
    ws.onerror = () => { /* onclose follows and says what to do */ };
  }

  welcome(msg) {
    const p = msg.participant || {};
    this.id.token = p.token || this.id.token;
    this.id.seq = Math.max(this.id.seq, Number(msg.last_seq) || 0);
    saveIdentity(this.code, this.id);
    this.welcomed = true;
    this.status('open', 0);
    // What the last connection left unanswered, with the same seq, in order.
    for (const seq of [...this.pending.keys()].sort((a, b) => a - b)) {
      const p = this.pending.get(seq);
      this.raw(p.msg);
      p.sentAt = Date.now();
    }
  }

  later(why) {
    if (this.stopped) return;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.attempt);
    const wait = Math.round(base * (1 + BACKOFF_JITTER * (2 * Math.random() - 1)));
    this.attempt++;
    this.status('down', wait, why);
    this.timer = setTimeout(() => this.connect(), wait);
  }

  retryNow() {
    if (this.stopped || this.ws) return;
    this.connect();
  }

  // A link that has heard nothing for a while may be dead without knowing:
  // a ping makes the browser find out (and onclose then reconnects).
  ping() {
    if (this.ws && this.welcomed && Date.now() - this.lastHeard > QUIET_MS) this.raw({ v: 1, type: 'ping' });
  }

  raw(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  setName(name) { this.id.name = name; saveIdentity(this.code, this.id); }

  // Sends msg (a message of docs/protocol.md) with the next seq; resolves
  // with the server's `result` for it. Sent now when the link is up, else
  // after the next welcome.
  request(msg) {
    const seq = ++this.id.seq;
    saveIdentity(this.code, this.id);
    const out = Object.assign({ v: 1 }, msg, { seq });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.pending.get(seq);
        if (p) p.late = true;
        reject(new Error('No answer from the host yet: the command is sent again (once) when the link is back.'));
      }, REPLY_TIMEOUT_MS);
      const p = { msg: out, resolve, reject, timer, sentAt: 0 };
      this.pending.set(seq, p);
      if (this.welcomed) this.raw(out), (p.sentAt = Date.now());
    });
  }

  // An `error` carries no seq (docs/protocol.md v1): it answers the
  // message the server could not take, which for a command would have been
  // a `result`. So it settles the latest request that is not a command and
  // went out in the last moments (a message type this host does not know).
  settleError(msg) {
    if (msg.seq != null && this.pending.has(msg.seq)) return this.settle(msg);
    let latest = null;
    for (const [seq, p] of this.pending) {
      if (p.msg.type !== 'command' && p.sentAt && Date.now() - p.sentAt < ERROR_MATCH_MS) latest = seq;
    }
    if (latest !== null) this.settle(Object.assign({}, msg, { seq: latest }));
  }

  settle(msg) {
    const p = this.pending.get(msg.seq);
    this.pending.delete(msg.seq);
    clearTimeout(p.timer);
    p.resolve(msg);
  }
}
