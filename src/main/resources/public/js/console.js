// The facilitator's console: every button posts with fetch (the CSRF token
// goes in a header) and the page updates from the socket, like every screen.
(function () {
  'use strict';
  var L = window.Live, el = L.el;
  var root = document.getElementById('console');
  var id = root.dataset.id;
  var csrf = document.querySelector('meta[name=csrf]').content;
  var state = null, skew = 0;

  new L.LiveSocket('/ws/console/' + encodeURIComponent(id), {
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

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
      body: body
    }).then(function (r) {
      return r.json().catch(function () { return { ok: false, error: 'The server answered ' + r.status + '.' }; });
    }).then(function (res) {
      if (!res.ok) { toast(res.error || 'That did not work.'); }
      return res;
    }).catch(function () { toast('No connection to the server. Try again.'); });
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute('data-action')) { return; }
    e.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { return; }
    var action = form.getAttribute('action');
    if (form.dataset.poll) {
      if (!state) { return; }
      action = '/facilitate/' + id + '/steps/' + state.step.id + '/poll';
    }
    post(action, new URLSearchParams(new FormData(form)).toString());
  });

  function toast(text) {
    var t = document.getElementById('toast');
    t.textContent = text;
    t.classList.remove('hidden');
    clearTimeout(t._hide);
    t._hide = setTimeout(function () { t.classList.add('hidden'); }, 5000);
  }

  function presence(p) {
    document.getElementById('joined').textContent = p.joined;
    document.getElementById('connected').textContent = p.connected;
  }

  function render() {
    var s = state.step, w = state.workshop;
    var badge = document.getElementById('state-badge');
    badge.textContent = w.state;
    badge.className = 'badge ' + w.state;
    document.getElementById('go-live').classList.toggle('hidden', w.state !== 'draft');
    document.getElementById('close-workshop').disabled = w.state === 'closed';
    document.getElementById('joining-value').value = w.joiningLocked ? 'unlock' : 'lock';
    document.getElementById('joining-toggle').textContent = w.joiningLocked ? 'Unlock joining' : 'Lock joining';
    document.querySelectorAll('#agenda li').forEach(function (li) {
      var current = parseInt(li.dataset.index, 10) === s.index;
      li.classList.toggle('is-current', current);
      if (current) { li.querySelector('button').setAttribute('aria-current', 'step'); } else { li.querySelector('button').removeAttribute('aria-current'); }
    });
    document.getElementById('prev').disabled = s.index === 0;
    document.getElementById('next').disabled = s.index === s.count - 1;
    document.getElementById('step-title').textContent = s.title;
    var meta = 'Step ' + (s.index + 1) + ' of ' + s.count + ' · ' + s.kind + ' · planned ' + Math.round(s.durationSeconds / 60) + ' min';
    if (L.isPoll(s)) { meta += ' · poll ' + s.pollState + (s.revealed ? ' · results revealed' : ''); }
    document.getElementById('step-meta').textContent = meta;
    document.getElementById('step-question').textContent = s.question || '';
    showNotes(s.notes);
    var isPoll = L.isPoll(s);
    document.getElementById('poll-controls').classList.toggle('hidden', !isPoll);
    document.getElementById('poll-open').disabled = s.pollState === 'open' || w.state !== 'live';
    document.getElementById('poll-close').disabled = s.pollState !== 'open';
    // The next sensible move is the filled button: open, then close, then reveal.
    primary('poll-open', s.pollState === 'pending');
    primary('poll-close', s.pollState === 'open');
    primary('poll-reveal', s.pollState === 'closed' && !s.revealed);
    document.getElementById('reveal-value').value = s.revealed ? 'unreveal' : 'reveal';
    document.getElementById('poll-reveal').textContent = s.revealed ? 'Hide results' : 'Reveal results';
    document.querySelector('#timer-planned input[name=seconds]').value = String(Math.max(1, s.durationSeconds || 60));
    L.countdown(document.getElementById('timer'), s.timerEndsAt, skew);
    drawResults();
  }

  function primary(buttonId, on) {
    document.getElementById(buttonId).classList.toggle('secondary', !on);
  }

  // Notes are written in YAML with hard line breaks. A break after a sentence
  // starts a new paragraph; a break inside a sentence was only wrapping.
  function paragraphs(text) {
    var out = [], current = '';
    String(text).split('\n').forEach(function (raw) {
      var line = raw.trim();
      if (!line) {
        if (current) { out.push(current); current = ''; }
      } else if (current && /[.!?:;"»)]$/.test(current)) {
        out.push(current);
        current = line;
      } else {
        current = current ? current + ' ' + line : line;
      }
    });
    if (current) { out.push(current); }
    return out;
  }

  function showNotes(text) {
    var box = L.clear(document.getElementById('notes'));
    if (!text) { box.appendChild(el('p', 'muted', 'No notes for this step.')); return; }
    paragraphs(text).forEach(function (p) { box.appendChild(el('p', null, p)); });
  }

  function drawResults() {
    var s = state.step, box = document.getElementById('results');
    var note = document.getElementById('results-note');
    if (!L.isPoll(s)) {
      L.clear(box).appendChild(el('p', 'muted', 'No poll on this step.'));
      note.textContent = '';
      document.getElementById('answered').textContent = '–';
      return;
    }
    document.getElementById('answered').textContent = state.results ? state.results.voters : 0;
    note.textContent = s.resultsVisible ? '(on the projector)' : '(hidden from the projector until you reveal them)';
    window.Results.render(box, state.results, {
      onHide: function (answerId, hide) {
        post('/facilitate/' + id + '/steps/' + s.id + '/answers/' + answerId, 'action=' + (hide ? 'hide' : 'show'));
      }
    });
  }
})();
