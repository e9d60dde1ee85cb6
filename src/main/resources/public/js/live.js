// One WebSocket per screen that never gives up: it reconnects with backoff,
// comes back at once when the phone wakes or the network returns, and lets
// the page know how it stands so the person can see it.
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

  function LiveSocket(path, handlers) {
    this.path = path;
    this.handlers = handlers;
    this.attempt = 0;
    this.ws = null;
    this.timer = null;
    this.everConnected = false;
    this.connect();
    var self = this;
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') { self.wake(); }
    });
    window.addEventListener('online', function () { self.wake(); });
    window.addEventListener('offline', function () { self.status('offline'); });
    window.addEventListener('pageshow', function (e) { if (e.persisted) { self.wake(); } });
  }

  // `lang` asks the server to word its error messages in the page's language.
  LiveSocket.prototype.url = function () {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    return scheme + location.host + path(this.path) + (this.path.indexOf('?') < 0 ? '?' : '&') + 'lang=' + encodeURIComponent(LANG);
  };

  LiveSocket.prototype.connect = function () {
    var self = this;
    clearTimeout(this.timer);
    this.status(this.everConnected ? 'reconnecting' : 'connecting');
    var ws;
    try { ws = new WebSocket(this.url()); } catch (e) { this.retry(); return; }
    this.ws = ws;
    ws.onopen = function () {
      self.attempt = 0;
      self.everConnected = true;
      self.status('connected');
      if (self.handlers.open) { self.handlers.open(); }
    };
    ws.onmessage = function (event) {
      var msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (self.handlers.message) { self.handlers.message(msg); }
    };
    ws.onclose = function () {
      if (self.ws !== ws) { return; }
      self.ws = null;
      self.retry();
    };
    ws.onerror = function () { /* onclose follows and retries */ };
  };

  // 0.5 s, 1 s, 2 s, 4 s, then every 8 s, each with jitter so that a whole
  // room coming back after a server restart does not reconnect in one spike.
  LiveSocket.prototype.retry = function () {
    var self = this;
    this.status(navigator.onLine === false ? 'offline' : 'reconnecting');
    var base = Math.min(8000, 500 * Math.pow(2, this.attempt));
    this.attempt += 1;
    if (this.handlers.failed) { this.handlers.failed(this.attempt); }
    this.timer = setTimeout(function () { self.connect(); }, base / 2 + Math.random() * base / 2);
  };

  LiveSocket.prototype.wake = function () {
    if (!this.ws || this.ws.readyState > 1) {
      this.attempt = 0;
      this.connect();
    }
  };

  LiveSocket.prototype.isOpen = function () {
    return this.ws !== null && this.ws.readyState === 1;
  };

  LiveSocket.prototype.send = function (msg) {
    if (!this.isOpen()) { return false; }
    this.ws.send(JSON.stringify(msg));
    return true;
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
