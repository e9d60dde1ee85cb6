// The projector: read-only, follows the room, shows live results in large type.
// Whatever the step holds (a long slide, many options, a wall of answers), it
// is fitted to the screen: the type shrinks a little first, and a wall that
// still does not fit shows its newest answers and says how many more there are.
import { num, t } from './texts.js';
import { clear, countdown, el, isPoll, lines, showConnection, showRehearsal, shownTimer } from './dom.js';
import * as Results from './results.js';
import * as RadarChart from './radar.js';
import { LiveRoom } from './room.js';
import * as questions from './questions-projector.js';
import { reactionRise } from './reactions-projector.js';
import { projector as profilesProjector } from './profiles-picture.js';
import { projector as raciProjector } from './raci.js';
import { ideasProjector, commitmentsProjector } from './ideas-picture.js';
import { quizProjector } from './quiz.js';

// An exercise's projector view is `projector(stage, state)`, returning { picture(picture) }.
var VIEWS = { profiles: profilesProjector, raci: raciProjector, ideas: ideasProjector, commitments: commitmentsProjector,
  quiz: quizProjector };

var root = document.getElementById('screen');
var code = root.dataset.code;
var stage = document.getElementById('stage');
var state = null, shownKey = null, resultsNode = null, skew = 0;
var exerciseView = null, radarNode = null;
var reactions = reactionRise(document.getElementById('reaction-layer'));

// The stage's type may shrink to this share of its size before a wall drops answers,
// and to the second one before anything else would be cut off.
var WALL_FLOOR = 0.8, FLOOR = 0.74, LAST_RESORT = 0.5;
var POLL_STATE = { open: t('voting_open'), closed: t('voting_closed') };
var EXERCISE_STATE = { open: t('exercise_open'), closed: t('exercise_closed') };

// The join key lets the projector back in while its network is turned away for guessing codes.
var room = new LiveRoom('/ws/screen/' + encodeURIComponent(code) + '?k=' + encodeURIComponent(root.dataset.key || ''));
room.onStatus(function (s) { showConnection(document.getElementById('conn'), s); });
room.on('state', function (msg) {
  questions.show(msg.questions, msg.workshop.state === 'closed');
  if (state && state.step.id !== msg.step.id) { reactions.clear(); }
  showRehearsal(msg.workshop);
  skew = msg.now - Date.now();
  state = msg;
  presence(msg.presence);
  render();
});
room.on('questions', function (msg) { questions.show(msg.questions); });
room.on('results', function (msg) {
  if (state && msg.step === state.step.id) { state.results = msg.results; drawResults(); }
});
room.on('picture', function (msg) {
  if (state && msg.step === state.step.id && exerciseView) { state.picture = msg.picture; exerciseView.picture(msg.picture); fit(); }
});
room.on('presence', function (msg) { presence(msg.presence); });
room.on('reactionBurst', function (msg) {
  if (state && msg.step === state.step.id && state.workshop.state === 'live') { reactions.burst(msg); }
});
room.start();

// Refit whenever the stage's box changes: a window resize, the header growing a timer, late fonts.
if (window.ResizeObserver) { new ResizeObserver(function () { fit(); }).observe(stage); } else { window.addEventListener('resize', fit); }

function presence(p) {
  document.getElementById('joined').textContent = num(p.joined);
  document.getElementById('connected').textContent = num(p.connected);
}

function render() {
  var s = state.step, w = state.workshop;
  document.getElementById('progress').textContent = num(s.index + 1) + ' / ' + num(s.count);
  var poll = document.getElementById('poll-state');
  var open = w.state === 'live' && s.takesAnswers && s.pollState !== 'pending' ? s.pollState : '';
  poll.textContent = (isPoll(s) ? POLL_STATE : EXERCISE_STATE)[open] || '';
  poll.className = 'poll-state ' + open;
  // An ended workshop runs no clock and invites nobody to join.
  countdown(document.getElementById('timer'), w.state === 'closed' ? null : shownTimer(s), skew);
  root.classList.toggle('is-closed', w.state === 'closed');
  var key = [w.state, s.id, s.pollState, s.resultsVisible, s.revealed].join('|');
  if (key === shownKey) {
    drawResults();
    if (radarNode && state.radar) { RadarChart.draw(radarNode, state.radar); }
    if (exerciseView && state.picture) { exerciseView.picture(state.picture); fit(); }
    return;
  }
  shownKey = key;
  clear(stage);
  resultsNode = null;
  exerciseView = null;
  radarNode = null;
  var welcome = w.state !== 'closed' && (s.index === 0 || s.key === 'welcome');
  root.classList.toggle('is-welcome', welcome);
  root.classList.toggle('is-poll', !welcome && isPoll(s));
  if (w.state === 'closed') {
    stage.appendChild(el('h1', null, t('thank_you')));
    stage.appendChild(el('p', 'step-body', t('workshop_ended')));
    fit();
    return;
  }
  if (welcome) {
    var card = document.getElementById('welcome-template').content.cloneNode(true);
    card.querySelector('[data-slot=title]').textContent = s.title;
    lines(card.querySelector('[data-slot=body]'), s.body);
    stage.appendChild(card);
    fit();
    return;
  }
  var view = VIEWS[s.kind];
  if (view && s.takesAnswers) {
    exerciseView = view(stage, state);
    fit();
    return;
  }
  if (!isPoll(s) && state.radar) {
    // The readout slide: every scale of its group together, with the slide's lines beside them.
    stage.appendChild(el('h1', null, s.title));
    var slide = el('div', 'radar-slide');
    radarNode = el('div', 'radar-chart');
    slide.appendChild(radarNode);
    if (s.body) { slide.appendChild(lines(el('div', 'step-body'), s.body)); }
    stage.appendChild(slide);
    RadarChart.draw(radarNode, state.radar);
    fit();
    return;
  }
  if (!isPoll(s)) {
    stage.appendChild(el('h1', null, s.title));
    if (s.body) { stage.appendChild(lines(el('div', 'step-body'), s.body)); }
    if (s.exercise) { exercise(s.exercise); }
    fit();
    return;
  }
  stage.appendChild(el('p', 'kicker', s.title));
  stage.appendChild(el('h1', 'question', s.question));
  if (s.body) { stage.appendChild(el('p', 'poll-body', s.body)); }
  resultsNode = el('div', 'screen-results');
  stage.appendChild(resultsNode);
  if (s.pollState === 'pending') {
    resultsNode.appendChild(el('p', 'screen-note', t('poll_opens_soon')));
  }
  drawResults();
}

function drawResults() {
  if (!resultsNode) { return; }
  var s = state.step;
  if (state.results && s.resultsVisible) {
    Results.render(resultsNode, state.results, { newestFirst: true });
  } else if (s.pollState !== 'pending') {
    clear(resultsNode);
    var n = state.results ? state.results.voters : null;
    resultsNode.appendChild(el('p', 'screen-note big', s.pollState === 'open' ? t('answer_on_phone') : t('results_coming')));
    if (n !== null) { resultsNode.appendChild(el('p', 'muted', t(n === 1 ? 'answers_one' : 'answers_many', n))); }
  }
  fit();
}

// An exercise is run by the room; the projector shows its prompt and what it is about.
function exercise(ex) {
  if (ex.prompt) { stage.appendChild(el('p', 'exercise-prompt', ex.prompt)); }
  var labels = { networks: t('networks'), roles: t('roles'), activities: t('activities') };
  ['networks', 'roles', 'activities'].forEach(function (name) {
    if (!ex[name] || !ex[name].length) { return; }
    stage.appendChild(el('p', 'chips-label', labels[name]));
    var list = el('ul', 'chips ' + name);
    ex[name].forEach(function (item) { list.appendChild(el('li', null, item)); });
    stage.appendChild(list);
  });
}

function overflows() {
  return stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1;
}

function shrinkTo(floor) {
  var base = parseFloat(getComputedStyle(stage).fontSize);
  var size = base;
  var least = fit.base * floor;
  while (overflows() && size > least) {
    size = Math.max(least, size * 0.94);
    stage.style.fontSize = size.toFixed(1) + 'px';
  }
}

function fit() {
  stage.style.fontSize = '';
  fit.base = parseFloat(getComputedStyle(stage).fontSize);
  if (!overflows()) { return; }
  var wall = stage.querySelector('.wall');
  if (wall) {
    shrinkTo(WALL_FLOOR);
    var dropped = 0, more = null;
    while (overflows() && wall.children.length > 1) {
      wall.removeChild(wall.lastChild);
      dropped += 1;
      if (!more) { more = el('p', 'screen-note more'); wall.parentNode.insertBefore(more, wall.nextSibling); }
      more.textContent = t(dropped === 1 ? 'more_answers_one' : 'more_answers_many', dropped);
    }
  }
  shrinkTo(FLOOR);
  // Small type is better than a cut-off screen.
  shrinkTo(LAST_RESORT);
}
