// The projector: read-only, follows the room, shows live results in large type.
(function () {
  'use strict';
  var L = window.Live, el = L.el, clear = L.clear;
  var root = document.getElementById('screen');
  var code = root.dataset.code;
  var stage = document.getElementById('stage');
  var state = null, shownKey = null, resultsNode = null, skew = 0;

  new L.LiveSocket('/ws/screen/' + encodeURIComponent(code), {
    status: function (s) { L.showConnection(document.getElementById('conn'), s); },
    message: function (msg) {
      if (msg.type === 'state') {
        skew = msg.now - Date.now();
        state = msg;
        presence(msg.presence);
        render();
      } else if (msg.type === 'results') {
        if (state && msg.step === state.step.id) { state.results = msg.results; drawResults(); }
      } else if (msg.type === 'presence') {
        presence(msg.presence);
      }
    }
  });

  function presence(p) {
    document.getElementById('joined').textContent = p.joined;
    document.getElementById('connected').textContent = p.connected;
  }

  function render() {
    var s = state.step, w = state.workshop;
    document.getElementById('progress').textContent = (s.index + 1) + ' / ' + s.count;
    L.countdown(document.getElementById('timer'), s.timerEndsAt, skew);
    var key = [w.state, s.id, s.pollState, s.resultsVisible, s.revealed].join('|');
    if (key === shownKey) { drawResults(); return; }
    shownKey = key;
    clear(stage);
    resultsNode = null;
    if (w.state === 'closed') {
      stage.appendChild(el('h1', null, 'Thank you!'));
      stage.appendChild(el('p', 'step-body', 'This workshop has ended.'));
      return;
    }
    if (s.index === 0 || s.key === 'welcome') {
      var welcome = document.getElementById('welcome-template').content.cloneNode(true);
      welcome.querySelector('[data-slot=title]').textContent = s.title;
      welcome.querySelector('[data-slot=body]').textContent = s.body || '';
      stage.appendChild(welcome);
      return;
    }
    stage.appendChild(el('h1', null, s.title));
    if (s.kind === 'slide') {
      if (s.body) { stage.appendChild(el('div', 'step-body', s.body)); }
      return;
    }
    stage.appendChild(el('p', 'question', s.question));
    resultsNode = el('div', 'screen-results');
    stage.appendChild(resultsNode);
    if (s.pollState === 'pending') {
      resultsNode.appendChild(el('p', 'muted', 'The poll opens in a moment.'));
    }
    drawResults();
  }

  function drawResults() {
    if (!resultsNode) { return; }
    var s = state.step;
    if (state.results && s.resultsVisible) {
      window.Results.render(resultsNode, state.results);
      if (s.pollState === 'closed') { resultsNode.appendChild(el('p', 'muted', 'Poll closed.')); }
    } else if (s.pollState !== 'pending') {
      clear(resultsNode);
      var n = state.results ? state.results.voters : null;
      resultsNode.appendChild(el('p', 'step-body', s.pollState === 'open'
        ? 'Answer on your phone. Results will be shown after the vote.'
        : 'Poll closed. Results coming up.'));
      if (n !== null) { resultsNode.appendChild(el('p', 'muted', n + ' answers')); }
    }
  }
})();
