// One live connection per screen that never gives up: a WebSocket (or, on a
// phone whose network blocks WebSockets, an event stream and posts) that
// reconnects with backoff, comes back at once when the phone wakes or the
// network returns, and lets the page know how it stands so the person can see it.
(function () {
  'use strict';

  // The page's language and its texts: the server writes the `js.` texts of
  // the bundle (without the prefix) into <script type="application/json" id="texts">.
  var LANG = document.documentElement.lang || 'en';
  var TEXTS = (function () {
    var node = document.getElementById('texts');
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  })();
  var numbers = {};
  // Where the kit sits on its site ("" or e.g. "/taller" behind a proxy), written by
  // the server on <html data-base>. Every URL a script builds goes through `path`.
  var BASE = document.documentElement.getAttribute('data-base') || '';

  function path(p) {
    return BASE + p;
  }

  // A number written the way the page's language writes it (1.234,5 in Spanish).
  function num(value, digits) {
    var d = digits === undefined ? 1 : digits;
    if (!numbers[d]) { numbers[d] = new Intl.NumberFormat(LANG, { maximumFractionDigits: d }); }
    return numbers[d].format(value);
  }

  // A number with its unit as the language writes it: 44% in English, 44 % in Spanish.
  function withUnit(text, unit) {
    return unit ? t('with_unit', text, unit) : String(text);
  }

  // A text by its key, with {0}, {1}... filled in; numbers are written for the language.
  function t(key) {
    var text = Object.prototype.hasOwnProperty.call(TEXTS, key) ? TEXTS[key] : key;
    var args = arguments;
    return text.replace(/\{(\d+)\}/g, function (whole, i) {
      var arg = args[Number(i) + 1];
      if (arg === undefined) { return whole; }
      return typeof arg === 'number' ? num(arg) : String(arg);
    });
  }

  var OPEN_TIMEOUT_MS = 6000;   // a proxy that swallows the upgrade may leave a socket opening for ever
  var HEARTBEAT_MS = 20 * 1000; // the server drops a phone's socket it has not heard from in 90 s
  var PROBE_MS = 5 * 60 * 1000; // on the fallback, how often to see whether a WebSocket works again

  // The one place that builds a live connection's address, the kit's base path in front.
  // `lang` asks the server to word its error messages in the page's language.
  function address(where, socket) {
    var scheme = socket ? (location.protocol === 'https:' ? 'wss://' : 'ws://') : location.protocol + '//';
    return scheme + location.host + path(where) + (where.indexOf('?') < 0 ? '?' : '&') + 'lang=' + encodeURIComponent(LANG);
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name=csrf]');
    return meta ? meta.content : '';
  }

  // A page that names a `fallback` (the phone) gets by without WebSockets: when there is no WebSocket, or
  // two tries in a row never open, it listens on that event stream and posts what it says, with the same
  // messages. Now and then it tries a WebSocket again, which takes over when it opens.
  function LiveSocket(path, handlers, fallback) {
    this.path = path;
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
    this.everConnected = false;
    this.connect();
    var self = this;
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') { self.wake(); }
    });
    window.addEventListener('online', function () { self.wake(); });
    window.addEventListener('offline', function () { self.status('offline'); });
    window.addEventListener('pageshow', function (e) { if (e.persisted) { self.wake(); } });
    // A heartbeat: a phone that says nothing for a minute (gone from the Wi-Fi, asleep without
    // closing) is taken for gone by the server, so the console's count stays true.
    setInterval(function () {
      if (self.ws && self.ws.readyState === 1) { self.ws.send('{"type":"ping"}'); }
    }, HEARTBEAT_MS);
  }

  LiveSocket.prototype.connect = function () {
    clearTimeout(this.timer);
    this.status(this.everConnected ? 'reconnecting' : 'connecting');
    if (this.useStream) { this.listen(); } else { this.dial(false); }
  };

  // A probing socket is tried beside a working stream; it replaces the stream only once it opens.
  LiveSocket.prototype.dial = function (probing) {
    var self = this, ws, opened = false;
    try { ws = new WebSocket(address(this.path, true)); } catch (e) { this.neverOpened(probing); return; }
    if (!probing) { this.ws = ws; }
    var deadline = setTimeout(function () {
      ws.onclose = null;
      try { ws.close(); } catch (e) { /* it never opened */ }
      if (self.ws === ws) { self.ws = null; }
      self.neverOpened(probing, true);
    }, OPEN_TIMEOUT_MS);
    ws.onopen = function () {
      clearTimeout(deadline);
      opened = true;
      if (probing) {
        if (!self.es) { ws.close(); return; }
        self.stopStream();
        clearTimeout(self.timer);
        self.ws = ws;
      }
      self.useStream = false;
      self.unopened = 0;
      self.wsWorked = true;
      self.opened();
    };
    ws.onmessage = function (event) { self.deliver(event.data); };
    ws.onclose = function () {
      clearTimeout(deadline);
      if (!opened) {
        if (self.ws === ws) { self.ws = null; }
        self.neverOpened(probing);
      } else if (self.ws === ws) {
        self.ws = null;
        self.retry();
      }
    };
    ws.onerror = function () { /* onclose follows */ };
  };

  // A socket that hung until the deadline is as telling as two that failed: the upgrade is being held up.
  LiveSocket.prototype.neverOpened = function (probing, hung) {
    if (probing) { this.probeLater(PROBE_MS); return; }
    this.unopened += hung ? 2 : 1;
    if (this.fallback && this.unopened >= 2) { this.useStream = true; }
    this.retry();
  };

  LiveSocket.prototype.listen = function () {
    var self = this, es, opened = false;
    try { es = new EventSource(address(this.fallback, false)); } catch (e) { this.streamLost(false); return; }
    this.es = es;
    es.onopen = function () {
      opened = true;
      self.opened();
      // A socket that worked on this page before points at an outage, not a proxy: try it again soon.
      self.probeLater(self.wsWorked ? 1000 : PROBE_MS);
    };
    es.onmessage = function (event) { self.deliver(event.data); };
    es.onerror = function () {
      // EventSource would retry by itself; this one backs off like the socket does, and may try a socket.
      if (self.es !== es) { return; }
      self.stopStream();
      self.streamLost(opened);
    };
  };

  // A stream that never opened may mean the server is down rather than a proxy in the way: alternate.
  LiveSocket.prototype.streamLost = function (opened) {
    if (!opened && typeof WebSocket === 'function') { this.useStream = false; this.unopened = 1; }
    this.retry();
  };

  LiveSocket.prototype.stopStream = function () {
    clearTimeout(this.probeTimer);
    if (this.es) { this.es.close(); this.es = null; }
  };

  LiveSocket.prototype.probeLater = function (delay) {
    var self = this;
    clearTimeout(this.probeTimer);
    if (typeof WebSocket !== 'function') { return; }
    this.probeTimer = setTimeout(function () { if (self.es) { self.dial(true); } }, delay);
  };

  LiveSocket.prototype.opened = function () {
    this.attempt = 0;
    this.everConnected = true;
    this.status('connected');
    if (this.handlers.open) { this.handlers.open(); }
  };

  LiveSocket.prototype.deliver = function (text) {
    var msg;
    try { msg = JSON.parse(text); } catch (e) { return; }
    if (this.handlers.message) { this.handlers.message(msg); }
  };

  // 0.5 s, 1 s, 2 s, 4 s, then every 8 s, each with jitter so that a whole
  // room coming back after a server restart does not reconnect in one spike.
  LiveSocket.prototype.retry = function () {
    var self = this;
    this.status(navigator.onLine === false ? 'offline' : 'reconnecting');
    var base = Math.min(8000, 500 * Math.pow(2, this.attempt));
    this.attempt += 1;
    if (this.handlers.failed) { this.handlers.failed(this.attempt); }
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.connect(); }, base / 2 + Math.random() * base / 2);
  };

  LiveSocket.prototype.wake = function () {
    var live = this.es ? this.es.readyState !== 2 : this.ws && this.ws.readyState <= 1;
    if (!live) {
      this.attempt = 0;
      this.connect();
    }
  };

  LiveSocket.prototype.isOpen = function () {
    if (this.es) { return this.es.readyState === 1; }
    return this.ws !== null && this.ws.readyState === 1;
  };

  LiveSocket.prototype.send = function (msg) {
    if (!this.isOpen()) { return false; }
    if (this.es) { this.post(msg); } else { this.ws.send(JSON.stringify(msg)); }
    return true;
  };

  // On the fallback a message is a post, and its reply reaches the page as if the stream had carried it.
  // A post that gets no reply counts as a dropped connection: the stream reopens, its snapshot comes, and
  // the page sends again whatever still waits for its acknowledgement, as after any reconnect.
  LiveSocket.prototype.post = function (msg) {
    var self = this, es = this.es;
    fetch(address(this.fallback + '/send', false), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(msg)
    }).then(function (r) {
      if (!r.ok) { throw new Error('status ' + r.status); }
      return r.text();
    }).then(function (text) {
      self.deliver(text);
    }).catch(function () {
      if (self.es === es && es) { self.stopStream(); self.retry(); }
    });
  };

  LiveSocket.prototype.status = function (state) {
    if (this.handlers.status) { this.handlers.status(state); }
  };

  // Small DOM helpers shared by the pages: text only, never HTML, so nothing
  // a person typed can become markup.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  // The server's clock decides when a countdown ends; `skew` corrects this device's clock.
  function countdown(node, endsAt, skew) {
    if (node._countdown) { clearInterval(node._countdown); node._countdown = null; }
    if (!endsAt) { node.textContent = ''; node.classList.remove('ending'); return; }
    function tick() {
      var left = Math.max(0, Math.round((endsAt - (Date.now() + skew)) / 1000));
      // Digits only: an emoji clock is a blank box on machines without an emoji font.
      node.textContent = minutesSeconds(left);
      node.classList.toggle('ending', left <= 10);
      if (left === 0) { clearInterval(node._countdown); node._countdown = null; }
    }
    tick();
    node._countdown = setInterval(tick, 500);
  }

  var CONN_TEXT = { connecting: t('conn_connecting'), connected: t('conn_connected'),
    reconnecting: t('conn_reconnecting'), offline: t('conn_offline') };

  function showConnection(node, state) {
    if (!node) { return; }
    node.className = 'conn ' + state;
    node.textContent = CONN_TEXT[state] || state;
  }

  // m:ss, for the clocks.
  function minutesSeconds(seconds) {
    var s = Math.max(0, Math.round(seconds));
    var m = Math.floor(s / 60), r = s % 60;
    return m + ':' + (r < 10 ? '0' : '') + r;
  }

  // A poll has a question; a slide or an exercise (profiles, RACI, ideas, commitments) has none.
  function isPoll(step) {
    return step.kind !== 'slide' && typeof step.question === 'string';
  }

  window.Live = { LiveSocket: LiveSocket, el: el, clear: clear, countdown: countdown, showConnection: showConnection,
    isPoll: isPoll, path: path, t: t, num: num, withUnit: withUnit, lang: LANG, minutesSeconds: minutesSeconds };
})();
