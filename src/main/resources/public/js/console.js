// The facilitator's console: every button posts with fetch (the CSRF token
// goes in a header) and the page updates from the socket, like every screen.
import { kindLabel, minutesSeconds, num, t } from './texts.js';
import { clear, countdown, el, isPoll, showConnection, showRehearsal, shownTimer } from './dom.js';
import * as Results from './results.js';
import * as RadarChart from './radar.js';
import { LiveRoom } from './room.js';
import { post, send, workshop } from './console-actions.js';
import * as questions from './questions-console.js';
import * as reactions from './reactions-console.js';
import * as wordFilter from './word-filter-console.js';
import { consoleView as profilesConsole } from './profiles-picture.js';
import { consoleView as raciConsole } from './raci-console.js';
import { ideasConsole, commitmentsConsole } from './ideas-picture.js';
import { quizConsole } from './quiz.js';

// An exercise's console view is `console(box, state, tools)`, tools being { post, workshop },
// returning { picture(picture, state), note? }.
var VIEWS = { profiles: profilesConsole, raci: raciConsole, ideas: ideasConsole, commitments: commitmentsConsole,
  quiz: quizConsole };

var root = document.getElementById('console');
var id = workshop;
var state = null, skew = 0;
var exerciseView = null, exerciseStep = null;
var STATE = { draft: t('state_draft'), live: t('state_live'), closed: t('state_closed') };
var EXERCISE = { pending: t('console.exercise_pending'), open: t('console.exercise_state_open'), closed: t('console.exercise_state_closed') };
var POLL = { pending: t('console.poll_pending'), open: t('console.poll_open'), closed: t('console.poll_closed_short') };

// The agenda list is the page's own: when the editor (another tab) changed the steps, the page is reloaded to
// show them; the room's state comes back over the socket as after any reload.
function agendaEdited(s) {
  var items = document.querySelectorAll('#agenda li');
  var here = items[s.index] && items[s.index].querySelector('.title');
  var stale = items.length !== s.count || !here || here.textContent !== (s.index + 1) + '. ' + s.title;
  // Never a reload loop: at most one every ten seconds, whatever the page shows.
  var last = Number(sessionStorage.getItem('agenda-reload') || 0);
  if (!stale || Date.now() - last < 10000) { return false; }
  sessionStorage.setItem('agenda-reload', String(Date.now()));
  location.reload();
  return true;
}

var room = new LiveRoom('/ws/console/' + encodeURIComponent(id));
room.onStatus(function (s) { showConnection(document.getElementById('conn'), s); });
room.on('state', function (msg) {
  questions.show(msg.questions);
  wordFilter.show(msg.wordFilter);
  skew = msg.now - Date.now();
  state = msg;
  presence(msg.presence);
  storage(msg.storage);
  render();
  reactions.show(msg.reactions, msg.step.id);
  tickClock();
});
room.on('questions', function (msg) { questions.show(msg.questions); });
room.on('reactions', function (msg) { reactions.show(msg.reactions); });
room.on('wordFilter', function (msg) { wordFilter.show(msg.wordFilter); });
room.on('results', function (msg) {
  if (state && msg.step === state.step.id) { state.results = msg.results; drawResults(); }
});
room.on('picture', function (msg) {
  if (state && msg.step === state.step.id) { state.picture = msg.picture; drawResults(); }
});
room.on('presence', function (msg) { presence(msg.presence); });
room.on('storage', function (msg) { storage(msg.storage); });
room.start();

document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!form.hasAttribute('data-action')) { return; }
  e.preventDefault();
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { return; }
  var body = new URLSearchParams(new FormData(form)).toString();
  if (form.dataset.poll) {
    if (!state) { return; }
    post('/facilitate/' + id + '/steps/' + state.step.id + '/poll', body);
    return;
  }
  send(form.getAttribute('action'), body);
});

// The database refusing writes is the one fault the facilitator must see at once: answers
// wait on the phones until it is mended.
function storage(s) {
  var banner = document.getElementById('storage-alert');
  var failing = s && s.ok === false;
  banner.textContent = failing ? t('console.storage_failing') : '';
  banner.classList.toggle('hidden', !failing);
}

function presence(p) {
  document.getElementById('joined').textContent = num(p.joined);
  document.getElementById('connected').textContent = num(p.connected);
  // Phones on the fallback work, but many of them point at a proxy in the way of WebSockets.
  var fallback = document.getElementById('fallback'), f = p.fallback || 0;
  fallback.textContent = f ? t('console.fallback', f) : '';
  fallback.classList.toggle('hidden', f === 0);
  // Colleagues turned away at the door: someone on their network is guessing codes, and the QR code still works.
  var away = document.getElementById('turned-away'), a = p.turnedAway || 0;
  away.textContent = a === 0 ? '' : t(a === 1 ? 'console.turned_away_one' : 'console.turned_away_many', a);
  away.classList.toggle('hidden', a === 0);
  // Who went away lately tells the facilitator whether to wait a moment before moving on.
  var dropped = document.getElementById('dropped'), n = p.dropped || 0;
  dropped.textContent = n === 0 ? t('console.dropped_none') : t(n === 1 ? 'console.dropped_one' : 'console.dropped_many', n);
  dropped.classList.toggle('has-dropped', n > 0);
}

function render() {
  var s = state.step, w = state.workshop;
  var badge = document.getElementById('state-badge');
  badge.textContent = STATE[w.state] || w.state;
  badge.className = 'badge ' + w.state;
  document.getElementById('go-live').classList.toggle('hidden', w.state !== 'draft');
  document.getElementById('rehearse').classList.toggle('hidden', w.state !== 'draft');
  var reset = document.getElementById('reset-rehearsal');
  reset.classList.toggle('hidden', !w.rehearsal);
  if (w.rehearsal) { reset.setAttribute('href', reset.dataset.page); } else { reset.removeAttribute('href'); }
  showRehearsal(w);
  document.getElementById('close-workshop').disabled = w.state === 'closed';
  document.getElementById('catch-up').classList.toggle('hidden', w.state !== 'closed');
  document.getElementById('joining-value').value = w.joiningLocked ? 'unlock' : 'lock';
  document.getElementById('joining-toggle').textContent = w.joiningLocked ? t('console.unlock_joining') : t('lock_joining');
  if (agendaEdited(s)) { return; }
  document.querySelectorAll('#agenda li').forEach(function (li) {
    var current = parseInt(li.dataset.index, 10) === s.index;
    li.classList.toggle('is-current', current);
    if (current) { li.querySelector('button').setAttribute('aria-current', 'step'); } else { li.querySelector('button').removeAttribute('aria-current'); }
  });
  document.getElementById('prev').disabled = s.index === 0;
  document.getElementById('next').disabled = s.index === s.count - 1;
  document.getElementById('step-title').textContent = s.title;
  var meta = t('step_of', s.index + 1, s.count) + ' · ' + kindLabel(s.kind);
  if (s.takesAnswers) { meta += ' · ' + ((isPoll(s) ? POLL : EXERCISE)[s.pollState] || s.pollState) + (s.revealed ? ' · ' + t('console.results_revealed') : ''); }
  document.getElementById('step-meta').textContent = meta;
  document.getElementById('step-question').textContent = s.question || '';
  showNotes(s.notes);
  var poll = isPoll(s);
  document.getElementById('poll-controls').classList.toggle('hidden', !s.takesAnswers);
  document.getElementById('poll-reveal').parentNode.classList.toggle('hidden', !poll);
  // An exercise opens and closes like a poll; the buttons say which it is.
  document.getElementById('poll-label').textContent = poll ? t('console.poll_label') : t('console.exercise');
  document.getElementById('poll-open').textContent = poll ? t('console.poll_open_button') : t('console.exercise_open');
  document.getElementById('poll-close').textContent = poll ? t('console.poll_close_button') : t('console.exercise_close');
  document.getElementById('poll-open').disabled = s.pollState === 'open' || w.state !== 'live';
  document.getElementById('poll-close').disabled = s.pollState !== 'open';
  // Only a poll people may have answered, while the room is live, can be taken again.
  document.getElementById('poll-reset').parentNode.classList.toggle('hidden', !poll || w.state !== 'live' || s.pollState === 'pending');
  // The next sensible move is the filled button: open, then close, then reveal.
  primary('poll-open', s.pollState === 'pending');
  primary('poll-close', s.pollState === 'open');
  primary('poll-reveal', s.pollState === 'closed' && !s.revealed);
  document.getElementById('reveal-value').value = s.revealed ? 'unreveal' : 'reveal';
  document.getElementById('poll-reveal').textContent = s.revealed ? t('console.hide_results') : t('reveal_results');
  document.querySelector('#timer-planned input[name=seconds]').value = String(Math.max(1, s.durationSeconds || 60));
  countdown(document.getElementById('timer'), shownTimer(s), skew);
  // A quiz question runs on its own clock, which the server will not let anyone set.
  document.querySelector('#timer-controls .controls').classList.toggle('hidden', s.kind === 'quiz');
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
  var box = clear(document.getElementById('notes'));
  if (!text) { box.appendChild(el('p', 'muted', t('console.no_notes'))); return; }
  paragraphs(text).forEach(function (p) { box.appendChild(el('p', null, p)); });
}

// The facilitator's clock, against the plan: time on this step against its
// planned duration, and the workshop's time against what the plan had used
// by now (the steps before this one, plus this one up to its planned length).
// Ticks every second between the server's state messages; `skew` corrects this
// laptop's clock to the server's.
function tickClock() {
  if (!state) { return; }
  var c = state.clock || {}, s = state.step, w = state.workshop;
  var stepNode = document.getElementById('clock-step'), roomNode = document.getElementById('clock-workshop');
  var planned = s.durationSeconds || 0;
  // Whole minutes, as the agenda's heading counts them.
  var total = Math.floor((c.plannedTotalSeconds || 0) / 60);
  if (w.state === 'draft' || !c.workshopStartedAt || !c.stepStartedAt) {
    stepNode.textContent = t('console.clock_step_planned', minutesSeconds(planned));
    roomNode.textContent = t('console.clock_workshop_planned', total);
    stepNode.classList.remove('over');
    roomNode.className = '';
    return;
  }
  if (w.state === 'closed') {
    stepNode.textContent = '';
    roomNode.textContent = t('console.clock_closed');
    roomNode.className = '';
    return;
  }
  var now = Date.now() + skew;
  var onStep = Math.max(0, (now - c.stepStartedAt) / 1000);
  var elapsed = Math.max(0, (now - c.workshopStartedAt) / 1000);
  var plannedByNow = (c.plannedBeforeStepSeconds || 0) + Math.min(onStep, planned);
  var late = Math.round((elapsed - plannedByNow) / 60);
  stepNode.textContent = t('console.clock_step', minutesSeconds(onStep), minutesSeconds(planned));
  stepNode.classList.toggle('over', onStep > planned);
  var pace = late === 0 ? t('console.clock_on_time') : late > 0 ? t('console.clock_behind', late) : t('console.clock_ahead', -late);
  roomNode.textContent = t('console.clock_workshop', Math.floor(elapsed / 60), total, pace);
  roomNode.className = late > 0 ? 'behind' : late < 0 ? 'ahead' : 'on-time';
}
setInterval(tickClock, 1000);

function drawResults() {
  var s = state.step, box = document.getElementById('results');
  var note = document.getElementById('results-note');
  var view = VIEWS[s.kind];
  if (view && s.takesAnswers) {
    if (exerciseStep !== s.id || !exerciseView) {
      exerciseStep = s.id;
      exerciseView = view(clear(box), state, { post: post, workshop: id });
    } else {
      exerciseView.picture(state.picture, state);
    }
    // An exercise that shows names on purpose (volunteers) says so itself.
    note.textContent = exerciseView.note || t('console.picture_on_projector');
    document.getElementById('answered').textContent = num(state.picture && state.picture.respondents || 0);
    return;
  }
  exerciseView = null; exerciseStep = null;
  if (!isPoll(s) && state.radar) {
    RadarChart.draw(clear(box), state.radar);
    note.textContent = t('console.radar_on_projector');
    document.getElementById('answered').textContent = '–';
    return;
  }
  if (!isPoll(s)) {
    clear(box).appendChild(el('p', 'muted', t('no_poll')));
    note.textContent = '';
    document.getElementById('answered').textContent = '–';
    return;
  }
  document.getElementById('answered').textContent = num(state.results ? state.results.voters : 0);
  note.textContent = s.resultsVisible ? t('console.results_on_projector') : t('console.results_hidden');
  Results.render(box, state.results, {
    onHide: function (answerId, hide) {
      post('/facilitate/' + id + '/steps/' + s.id + '/answers/' + answerId, 'action=' + (hide ? 'hide' : 'show'));
    }
  });
}
