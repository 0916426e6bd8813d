// net.js -- the page's one connection to the host: a WebSocket that comes
// back by itself. A phone goes to sleep, the Wi-Fi drops, the host is
// restarted from its save: the page says so ("Reconnecting in 4 s"), tries
// again after 0.5, 1, 2, 4 ... up to 15 s (with jitter, so that thirty
// phones do not knock at once), at once when the phone wakes or the
// network comes back, and asks for its whole view again on every connect.
//
// A command carries an id the page chose. When the socket drops before
// the answer arrived, the command is sent again with the same id after the
// reconnect: the server applies an id once and answers the repeat with the
// first answer (docs/protocol.md), so a command is applied once, never twice.

const BACKOFF_FIRST_MS = 500;   // the first retry: a blip of the Wi-Fi
const BACKOFF_MAX_MS = 15000;   // the longest wait: a restarted host is back within it
const BACKOFF_JITTER = 0.25;    // +-25 % of each wait
const STABLE_MS = 5000;         // a connection this old resets the back-off
const REPLY_TIMEOUT_MS = 20000; // a command unanswered this long is reported

export class Link {
  // url: the WebSocket's; handlers: onMessage(msg), onStatus({state, wait, attempt, why}).
  constructor(url, handlers) {
    this.url = url;
    this.h = handlers;
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.openedAt = 0;
    this.pending = new Map(); // id -> {msg, resolve, reject, timer}
    this.seq = 0;
    this.stopped = false;
    const now = () => { if (!this.ws) this.retryNow(); };
    window.addEventListener('online', now);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') now();
    });
  }

  start() { this.connect(); }

  // The server refused us for good (a revoked or wrong code): no retries.
  stop(why) {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close();
    this.status('stopped', 0, why);
  }

  status(state, wait, why) {
    this.h.onStatus({ state, wait, attempt: this.attempt, why: why || '' });
  }

  connect() {
    if (this.stopped) return;
    clearTimeout(this.timer);
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
      this.openedAt = Date.now();
      this.status('open', 0);
      this.h.onOpen && this.h.onOpen();
      for (const p of this.pending.values()) this.raw(p.msg); // same ids: applied once
    };
    ws.onmessage = (e) => {
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch (err) {
        console.error('crisisroom: a message that is not JSON', err);
        return;
      }
      if (msg && msg.id !== undefined && this.pending.has(msg.id)) this.settle(msg);
      this.h.onMessage(msg);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (Date.now() - this.openedAt > STABLE_MS) this.attempt = 0;
      this.h.onClose && this.h.onClose(e);
      this.later(e.reason || '');
    };
    ws.onerror = () => { /* onclose follows and says what to do */ };
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

  raw(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  // Sends msg (an object of docs/protocol.md) with a fresh id; resolves with
  // the server's answer to it.
  request(msg) {
    const id = `${Date.now().toString(36)}-${(++this.seq).toString(36)}-` +
      Math.random().toString(36).slice(2, 8);
    const out = Object.assign({}, msg, { id });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.pending.has(id)) return;
        this.pending.delete(id);
        reject(new Error('no answer from the host yet: it will be applied once if it arrives'));
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, { msg: out, resolve, reject, timer });
      this.raw(out);
    });
  }

  settle(msg) {
    const p = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    p.resolve(msg);
  }
}
