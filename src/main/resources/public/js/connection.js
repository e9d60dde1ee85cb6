// One live connection per page that never gives up: a WebSocket (or, on a phone whose network blocks
// WebSockets, an event stream and posts) that reconnects with backoff, comes back at once when the
// phone wakes or the network returns, and says truthfully how it stands at every moment.
import { lang } from './texts.js';
import { path } from './dom.js';

const OPEN_TIMEOUT_MS = 6000;   // a proxy that swallows the upgrade may leave a socket opening for ever
const HEARTBEAT_MS = 20 * 1000; // the server drops a phone's socket it has not heard from in 90 s
const PROBE_MS = 5 * 60 * 1000; // on the fallback, how often to see whether a WebSocket works again
const CHECK_MS = 5000;          // after the browser says the network went, how long a ping may take

// The one place that builds a live connection's address, the kit's base path in front.
// `lang` asks the server to word its error messages in the page's language.
function address(where, socket) {
  const scheme = socket ? (location.protocol === 'https:' ? 'wss://' : 'ws://') : location.protocol + '//';
  return scheme + location.host + path(where) + (where.indexOf('?') < 0 ? '?' : '&') + 'lang=' + encodeURIComponent(lang);
}

export function csrfToken() {
  const meta = document.querySelector('meta[name=csrf]');
  return meta ? meta.content : '';
}

// `handlers`: open(), message(msg), status(state), failed(attempt). A page that names a `fallback`
// (the phone) gets by without WebSockets: when there is no WebSocket, or two tries in a row never
// open, it listens on that event stream and posts what it says, with the same messages. Now and
// then it tries a WebSocket again, which takes over when it opens.
export class Connection {
  constructor(where, handlers, fallback) {
    this.where = where;
    this.handlers = handlers;
    this.fallback = fallback && typeof EventSource === 'function' ? fallback : null;
    this.attempt = 0;
    this.ws = null;
    this.es = null;
    this.unopened = 0;
    this.useStream = this.fallback !== null && typeof WebSocket !== 'function';
    this.wsWorked = false;
    this.timer = null;
    this.probeTimer = null;
    this.checkTimer = null;
    this.everConnected = false;
    this.state = null;
    this.connect();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') { this.wake(); }
    });
    window.addEventListener('online', () => this.wake());
    window.addEventListener('offline', () => this.networkGone());
    window.addEventListener('pageshow', (e) => { if (e.persisted) { this.wake(); } });
    // A heartbeat: a phone that says nothing for a minute (gone from the Wi-Fi, asleep without
    // closing) is taken for gone by the server, so the console's count stays true.
    setInterval(() => { if (this.ws && this.ws.readyState === 1) { this.ws.send('{"type":"ping"}'); } }, HEARTBEAT_MS);
  }

  connect() {
    clearTimeout(this.timer);
    this.status(this.everConnected ? 'reconnecting' : 'connecting');
    if (this.useStream) { this.listen(); } else { this.dial(false); }
  }

  // A probing socket is tried beside a working stream; it replaces the stream only once it opens.
  dial(probing) {
    let ws, opened = false;
    try { ws = new WebSocket(address(this.where, true)); } catch (e) { this.neverOpened(probing); return; }
    if (!probing) { this.ws = ws; }
    const deadline = setTimeout(() => {
      ws.onclose = null;
      try { ws.close(); } catch (e) { /* it never opened */ }
      if (this.ws === ws) { this.ws = null; }
      this.neverOpened(probing, true);
    }, OPEN_TIMEOUT_MS);
    ws.onopen = () => {
      clearTimeout(deadline);
      opened = true;
      if (probing) {
        if (!this.es) { ws.close(); return; }
        this.stopStream();
        clearTimeout(this.timer);
        this.ws = ws;
      }
      this.useStream = false;
      this.unopened = 0;
      this.wsWorked = true;
      this.opened();
    };
    ws.onmessage = (event) => this.deliver(event.data);
    ws.onclose = () => {
      clearTimeout(deadline);
      if (!opened) {
        if (this.ws === ws) { this.ws = null; }
        this.neverOpened(probing);
      } else if (this.ws === ws) {
        this.ws = null;
        this.retry();
      }
    };
    ws.onerror = () => { /* onclose follows */ };
  }

  // A socket that hung until the deadline is as telling as two that failed: the upgrade is being held up.
  neverOpened(probing, hung) {
    if (probing) { this.probeLater(PROBE_MS); return; }
    this.unopened += hung ? 2 : 1;
    if (this.fallback && this.unopened >= 2) { this.useStream = true; }
    this.retry();
  }

  listen() {
    let es, opened = false;
    try { es = new EventSource(address(this.fallback, false)); } catch (e) { this.streamLost(false); return; }
    this.es = es;
    es.onopen = () => {
      opened = true;
      this.opened();
      // A socket that worked on this page before points at an outage, not a proxy: try it again soon.
      this.probeLater(this.wsWorked ? 1000 : PROBE_MS);
    };
    es.onmessage = (event) => this.deliver(event.data);
    es.onerror = () => {
      // EventSource would retry by itself; this one backs off like the socket does, and may try a socket.
      if (this.es !== es) { return; }
      this.stopStream();
      this.streamLost(opened);
    };
  }

  // A stream that never opened may mean the server is down rather than a proxy in the way: alternate.
  streamLost(opened) {
    if (!opened && typeof WebSocket === 'function') { this.useStream = false; this.unopened = 1; }
    this.retry();
  }

  stopStream() {
    clearTimeout(this.probeTimer);
    if (this.es) { this.es.close(); this.es = null; }
  }

  probeLater(delay) {
    clearTimeout(this.probeTimer);
    if (typeof WebSocket !== 'function') { return; }
    this.probeTimer = setTimeout(() => { if (this.es) { this.dial(true); } }, delay);
  }

  opened() {
    this.attempt = 0;
    this.everConnected = true;
    this.status('connected');
    if (this.handlers.open) { this.handlers.open(); }
  }

  deliver(text) {
    let msg;
    try { msg = JSON.parse(text); } catch (e) { return; }
    // Anything heard proves the connection works, whatever the browser last said of the network.
    this.heard();
    if (this.handlers.message) { this.handlers.message(msg); }
  }

  heard() {
    clearTimeout(this.checkTimer);
    this.checkTimer = null;
    if (this.isOpen() && this.state !== 'connected') { this.status('connected'); }
  }

  // 0.5 s, 1 s, 2 s, 4 s, then every 8 s, each with jitter so that a whole room coming back after a
  // server restart does not reconnect in one spike.
  retry() {
    this.status(navigator.onLine === false ? 'offline' : 'reconnecting');
    const base = Math.min(8000, 500 * Math.pow(2, this.attempt));
    this.attempt += 1;
    if (this.handlers.failed) { this.handlers.failed(this.attempt); }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), base / 2 + Math.random() * base / 2);
  }

  // The browser says the network went. A socket often survives a Wi-Fi that blinks: say "offline"
  // only if it is closed, or if it no longer answers a ping; else it stays connected.
  networkGone() {
    if (!this.isOpen()) { this.status('offline'); return; }
    if (this.ws) { try { this.ws.send('{"type":"ping"}'); } catch (e) { /* closing: onclose follows */ } }
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      this.status('offline');
      if (this.ws) { this.ws.close(); } else { this.stopStream(); this.retry(); }
    }, CHECK_MS);
  }

  wake() {
    const live = this.es ? this.es.readyState !== 2 : this.ws && this.ws.readyState <= 1;
    if (!live) {
      this.attempt = 0;
      this.connect();
    } else if (this.isOpen()) {
      // Back online with the connection intact: it is what it was, and a ping proves it.
      if (this.ws) { this.ws.send('{"type":"ping"}'); }
      if (navigator.onLine !== false) { this.status('connected'); }
    }
  }

  isOpen() {
    if (this.es) { return this.es.readyState === 1; }
    return this.ws !== null && this.ws.readyState === 1;
  }

  send(msg) {
    if (!this.isOpen()) { return false; }
    if (this.es) { this.post(msg); } else { this.ws.send(JSON.stringify(msg)); }
    return true;
  }

  // On the fallback a message is a post, and its reply reaches the page as if the stream had carried
  // it. A post that gets no reply counts as a dropped connection: the stream reopens, its snapshot
  // comes, and the page's outbox sends again whatever still waits, as after any reconnect.
  post(msg) {
    const es = this.es;
    fetch(address(this.fallback + '/send', false), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(msg)
    }).then((r) => {
      if (!r.ok) { throw new Error('status ' + r.status); }
      return r.text();
    }).then((text) => this.deliver(text)).catch(() => {
      if (this.es === es && es) { this.stopStream(); this.retry(); }
    });
  }

  status(state) {
    this.state = state;
    if (this.handlers.status) { this.handlers.status(state); }
  }
}
