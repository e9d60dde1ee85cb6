// The participant's phone: follows the room, answers the current poll, and
// never loses an answer. An answer waits in localStorage until the server
// acknowledges it, and is sent again after a reconnect or a reload.
(function () {
  'use strict';
  var L = window.Live, el = L.el, clear = L.clear, t = L.t;
  var root = document.getElementById('phone');
  var code = root.dataset.code;
  var conn = document.getElementById('conn');
  var PENDING_KEY = 'ts-pending-' + code;
  var SEQ_KEY = 'ts-seq-' + code;
  var OUTBOX_KEY = 'ts-outbox-' + code;
  var Exercises = window.Exercises || {};

  var state = null;       // last state message
  var mine = null;        // this person's saved answer for the current step
  var shownKey = null;    // what is rendered, so updates don't wipe a half-made choice
  var statusNode = null, resultsNode = null, timerNode = null;
  var skew = 0;
  var exercise = null;    // the running exercise's phone view, when the step is one

  var socket = new L.LiveSocket('/ws/phone/' + encodeURIComponent(code), {
    status: function (s) {
      L.showConnection(conn, s);
      if (exercise && exercise.connection) { exercise.connection(s); }
      if (s !== 'connected' && pending()) { setStatus(t('not_sent_yet'), 'wait'); }
    },
    message: onMessage,
    failed: function (attempt) {
      // A phone whose identity is gone (cleared cookies) can't reconnect: after a
      // few tries, reload so the server can show the join page again.
      if (attempt === 6) { fetch(location.href, { credentials: 'same-origin' }).then(function (r) { if (r.ok) { return r.text(); } }).then(function (html) { if (html && html.indexOf('name="name"') >= 0) { location.reload(); } }).catch(function () {}); }
    }
  }, '/sse/phone/' + encodeURIComponent(code));

  if (window.PhoneQuestions) { window.PhoneQuestions.init(socket); }

  function onMessage(msg) {
    // Questions work on every step; their messages go to their own panel.
    if (window.PhoneQuestions && window.PhoneQuestions.message(msg)) { return; }
    if (msg.type === 'state') {
      skew = msg.now - Date.now();
      state = msg;
      mine = msg.mine || null;
      render();
      resendPending();
      flushOutbox();
    } else if (msg.type === 'results') {
      if (state && msg.step === state.step.id) { state.results = msg.results; drawResults(); }
    } else if (msg.type === 'picture') {
      if (state && msg.step === state.step.id && exercise && exercise.picture) { exercise.picture(msg.picture); }
    } else if (msg.type === 'ack' || msg.type === 'error') {
      if (!outboxReply(msg)) { if (msg.type === 'ack') { onAck(msg); } else { onError(msg); } }
    }
  }

  // An exercise's answers wait here, one per slot (a network, a RACI row...),
  // until the server acknowledges them; they are sent again after a reconnect.
  function outbox() {
    try { return JSON.parse(localStorage.getItem(OUTBOX_KEY) || '{}') || {}; } catch (e) { return {}; }
  }

  function saveOutbox(box) {
    if (Object.keys(box).length) { localStorage.setItem(OUTBOX_KEY, JSON.stringify(box)); } else { localStorage.removeItem(OUTBOX_KEY); }
  }

  function flushOutbox() {
    var box = outbox(), changed = false;
    Object.keys(box).forEach(function (slot) {
      var m = box[slot];
      if (!state || m.step !== state.step.id) { delete box[slot]; changed = true; return; }
      socket.send(m);
    });
    if (changed) { saveOutbox(box); }
  }

  function outboxReply(msg) {
    var box = outbox();
    var slot = Object.keys(box).filter(function (k) { return box[k].id === msg.id; })[0];
    if (slot === undefined) { return false; }
    var retry = msg.type === 'error' && (msg.code === 'not_saved' || msg.code === 'busy');
    if (!retry) { delete box[slot]; saveOutbox(box); }
    if (retry) { setTimeout(flushOutbox, 2000); }
    if (exercise && exercise.reply) { exercise.reply(slot, msg, retry); }
    return true;
  }

  // What an exercise's phone view may use: the room's state, and a way to send that never loses a message.
  var exerciseApi = {
    t: t,
    el: el,
    clear: clear,
    state: function () { return state; },
    send: function (slot, msg) {
      var box = outbox();
      msg.id = 'x' + Math.random().toString(36).slice(2) + Date.now().toString(36);
      msg.step = state.step.id;
      msg.seq = nextSeq();
      box[slot] = msg;
      saveOutbox(box);
      return socket.send(msg);
    },
    pending: function (slot) {
      var m = outbox()[slot];
      return m && state && m.step === state.step.id ? m : null;
    },
    connected: function () { return socket.isOpen(); }
  };

  function nextSeq() {
    var last = parseInt(localStorage.getItem(SEQ_KEY) || '0', 10);
    var seq = Math.max(Date.now(), last + 1);
    localStorage.setItem(SEQ_KEY, String(seq));
    return seq;
  }

  function pending() {
    try { return JSON.parse(localStorage.getItem(PENDING_KEY) || 'null'); } catch (e) { return null; }
  }

  function submit(value) {
    var p = { id: 'a' + Math.random().toString(36).slice(2) + Date.now().toString(36), step: state.step.id, value: value, seq: nextSeq() };
    localStorage.setItem(PENDING_KEY, JSON.stringify(p));
    if (socket.send({ type: 'answer', id: p.id, step: p.step, value: p.value, seq: p.seq })) {
      setStatus(t('sending'), 'wait');
    } else {
      setStatus(t('not_sent_yet'), 'wait');
    }
  }

  function resendPending() {
    var p = pending();
    if (!p) { return; }
    if (!state || p.step !== state.step.id) {
      localStorage.removeItem(PENDING_KEY);
      setStatus(t('moved_on'), 'bad');
      return;
    }
    if (mine && mine.seq >= p.seq) { localStorage.removeItem(PENDING_KEY); return; }
    socket.send({ type: 'answer', id: p.id, step: p.step, value: p.value, seq: p.seq });
    setStatus(t('sending'), 'wait');
  }

  function onAck(msg) {
    var p = pending();
    if (p && p.id === msg.id) { localStorage.removeItem(PENDING_KEY); }
    if (state && msg.step === state.step.id) {
      mine = { seq: msg.seq, value: msg.value };
      setStatus(state.step.pollState === 'open' ? t('saved_can_change') : t('saved'), 'ok');
    }
  }

  function onError(msg) {
    var p = pending();
    var retry = msg.code === 'not_saved' || msg.code === 'busy';
    if (p && p.id === msg.id && !retry) { localStorage.removeItem(PENDING_KEY); }
    setStatus(msg.message, 'bad');
    if (retry) { setTimeout(resendPending, 2000); }
  }

  function setStatus(text, kind) {
    if (!statusNode) { return; }
    statusNode.textContent = text;
    statusNode.className = 'status ' + (kind || '');
    // The answer's fate must be seen: bring the line into view if the list pushed it off the screen.
    if (text && statusNode.scrollIntoView && document.visibilityState === 'visible') {
      var box = statusNode.getBoundingClientRect();
      if (box.bottom > window.innerHeight || box.top < 0) { statusNode.scrollIntoView({ block: 'nearest' }); }
    }
  }

  function render() {
    var s = state.step, w = state.workshop;
    var key = [w.state, s.id, s.pollState, s.revealed, JSON.stringify(s.exercise || null)].join('|');
    if (key === shownKey) {
      drawResults();
      if (timerNode) { L.countdown(timerNode, s.timerEndsAt, skew); }
      if (exercise && exercise.update) { exercise.update(mine); }
      return;
    }
    shownKey = key;
    var loading = document.getElementById('loading');
    if (loading) { loading.remove(); }
    clear(root);
    exercise = null;
    if (timerNode) { L.countdown(timerNode, null, skew); timerNode = null; }
    if (w.state === 'closed') {
      statusNode = null; resultsNode = null;
      root.appendChild(el('h1', null, t('ended_heading')));
      root.appendChild(el('p', 'lead', t('ended_message')));
      return;
    }
    var meta = el('div', 'step-meta');
    meta.setAttribute('data-index', String(s.index));
    meta.appendChild(el('span', null, t('step_of', s.index + 1, s.count)));
    timerNode = el('span', 'timer');
    meta.appendChild(timerNode);
    root.appendChild(meta);
    L.countdown(timerNode, s.timerEndsAt, skew);
    var view = Exercises[s.kind] && Exercises[s.kind].phone;
    if (view && s.takesAnswers) {
      statusNode = null; resultsNode = null;
      exercise = view(root, exerciseApi, mine);
      return;
    }
    exercise = null;
    if (!L.isPoll(s)) {
      root.appendChild(el('h1', null, s.title));
      if (s.body) {
        var body = el('div', 'step-body');
        s.body.split('\n').forEach(function (line) { if (line.trim()) { body.appendChild(el('p', null, line.trim())); } });
        root.appendChild(body);
      }
      if (s.exercise && s.exercise.prompt) { root.appendChild(el('p', 'question', s.exercise.prompt)); }
      root.appendChild(el('p', 'waiting', s.kind === 'slide' ? t('follow_projector') : t('together_in_room')));
      statusNode = null; resultsNode = null;
      return;
    }
    // On a poll the question is what the person reads; the step's title is its label.
    root.appendChild(el('p', 'kicker', s.title));
    root.appendChild(el('h1', 'question', s.question));
    if (s.body) { root.appendChild(el('p', 'poll-body', s.body)); }
    if (s.pollState === 'open') {
      root.appendChild(window.PhoneInputs.build(s, mine ? mine.value : null, submit));
    } else if (s.pollState === 'pending') {
      root.appendChild(el('p', 'waiting', t('poll_opens_soon')));
    } else {
      root.appendChild(el('p', 'notice', t('poll_closed')));
    }
    if (mine && s.pollState !== 'open') {
      if (s.kind === 'ranking' && Array.isArray(mine.value)) {
        var yours = el('div', 'mine');
        yours.appendChild(el('p', 'muted', t('your_order')));
        var order = el('ol', 'mine-order');
        mine.value.forEach(function (i) { order.appendChild(el('li', null, s.options[i])); });
        yours.appendChild(order);
        root.appendChild(yours);
      } else {
        root.appendChild(el('p', 'muted', t('your_answer', window.PhoneInputs.describe(s, mine.value))));
      }
    }
    statusNode = el('p', 'status');
    statusNode.setAttribute('role', 'status');
    statusNode.setAttribute('aria-live', 'polite');
    root.appendChild(statusNode);
    if (mine && s.pollState === 'open') { setStatus(t('answer_saved_can_change'), 'ok'); }
    resultsNode = el('div', 'phone-results');
    root.appendChild(resultsNode);
    drawResults();
  }

  function drawResults() {
    if (!resultsNode) { return; }
    if (state.results && state.step.revealed) {
      clear(resultsNode);
      resultsNode.appendChild(el('h2', null, t('results')));
      var box = el('div');
      resultsNode.appendChild(box);
      window.Results.render(box, state.results);
    }
  }
})();
