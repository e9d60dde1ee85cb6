// The participant's phone: follows the room, answers the current poll or exercise, asks questions,
// and never loses what the person sent: everything goes through the one outbox (outbox.js).
//
// An exercise's phone view (one per step kind, below) is `phone(root, api, mine)`, where `api` is
// { state(), send(slot, msg) -> status, pending(slot), status(slot), ask(msg) -> sent } and `mine` the
// person's own answers from the snapshot; it returns { update(mine), picture(picture),
// sent(slot, status, reply, message) } and, for a long list, changes(changes) and page(page).
import { t } from './texts.js';
import { clear, countdown, el, isPoll, lines, showConnection, showRehearsal, shownTimer } from './dom.js';
import { LiveRoom } from './room.js';
import { Outbox, statusText } from './outbox.js';
import * as PhoneInputs from './phone-inputs.js';
import * as Results from './results.js';
import { questionsPanel } from './questions.js';
import { reactionBar } from './reactions.js';
import { phone as profilesPhone } from './profiles-phone.js';
import { phone as raciPhone } from './raci.js';
import { ideasPhone, commitmentsPhone } from './ideas-phone.js';
import { quizPhone } from './quiz.js';

const VIEWS = { profiles: profilesPhone, raci: raciPhone, ideas: ideasPhone, commitments: commitmentsPhone, quiz: quizPhone };

const root = document.getElementById('phone');
const code = root.dataset.code;
const conn = document.getElementById('conn');
const room = new LiveRoom('/ws/phone/' + encodeURIComponent(code), '/sse/phone/' + encodeURIComponent(code));
const outbox = new Outbox(room, code, () => (state ? state.step.id : 0));

let state = null;       // the last snapshot
let mine = null;        // this person's saved answer to the current step
let shownKey = null;    // what is drawn, so updates don't wipe a half-made choice
let statusNode = null, resultsNode = null, timerNode = null, noticeNode = null;
let skew = 0;
let exercise = null;    // the running exercise's phone view, when the step is one

const exerciseApi = {
  state: () => state,
  send: (slot, msg) => outbox.send(slot, msg),
  pending: (slot) => {
    const m = outbox.pending(slot);
    return m && state && m.step === state.step.id ? m : null;
  },
  status: (slot) => outbox.statusOf(slot),
  // A question that changes nothing (the next page of a list): sent now or not at all.
  ask: (msg) => room.send(msg)
};

room.onStatus((s) => showConnection(conn, s));
room.on('state', (msg) => {
  showRehearsal(msg.workshop);
  skew = msg.now - Date.now();
  state = msg;
  mine = msg.mine || null;
  render();
});
room.on('results', (msg) => {
  if (state && msg.step === state.step.id) { state.results = msg.results; drawResults(); }
});
room.on('picture', (msg) => {
  if (!state || msg.step !== state.step.id) { return; }
  if (msg.changes) {
    // Only what changed since the last update (the ideas list): the view folds it into what it holds.
    if (exercise && exercise.changes) { state.picture = exercise.changes(msg.changes); }
    return;
  }
  state.picture = msg.picture;
  if (exercise && exercise.picture) { exercise.picture(msg.picture); }
});
room.on('ideasPage', (msg) => {
  if (state && msg.step === state.step.id && exercise && exercise.page) { exercise.page(msg); }
});
questionsPanel(room, outbox);
reactionBar(room, outbox);
// Last, so that a snapshot is drawn before what waits goes again.
room.on('state', () => outbox.afterSnapshot());
outbox.listen(sent);
room.start((attempt) => {
  // A phone whose identity is gone (cleared cookies) can't reconnect: after a few tries, reload so
  // the server can show the join page again.
  if (attempt !== 6) { return; }
  fetch(location.href, { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.text() : null))
    .then((html) => { if (html && html.indexOf('name="name"') >= 0) { location.reload(); } })
    .catch(() => {});
});

function answerSlot(stepId) {
  return 'answer:' + stepId;
}

function submit(value) {
  setStatus(statusText(outbox.send(answerSlot(state.step.id), { type: 'answer', value: value })), 'wait');
}

// What became of something sent: the part of the page that sent it says so.
function sent(slot, status, message, reply) {
  if (slot.indexOf('ask:') === 0 || slot.indexOf('up:') === 0 || slot.indexOf('react:') === 0) { return; }
  if (status === 'refused' && state && message.step !== state.step.id && reply.code === 'wrong_step') {
    notice(t('moved_on'));
    return;
  }
  if (slot.indexOf('answer:') === 0) {
    answered(slot, status, reply);
  } else if (exercise) {
    exercise.sent(slot, status, reply, message);
  }
}

function answered(slot, status, reply) {
  if (!state || slot !== answerSlot(state.step.id)) { return; }
  if (status === 'saved') {
    mine = { seq: reply.seq, value: reply.value, held: reply.held };
    setStatus(reply.held ? t('word_filter.saved_waiting') : state.step.pollState === 'open' ? t('saved_can_change') : t('saved'), 'ok');
  } else if (status === 'refused') {
    setStatus(reply.message, 'bad');
  } else if (status !== 'replaced') {
    setStatus(statusText(status), 'wait');
  }
}

function setStatus(text, kind) {
  if (!statusNode) { return; }
  statusNode.textContent = text;
  statusNode.className = 'status ' + (kind || '');
  // The answer's fate must be seen: bring the line into view if the list pushed it off the screen.
  if (text && statusNode.scrollIntoView && document.visibilityState === 'visible') {
    const box = statusNode.getBoundingClientRect();
    if (box.bottom > window.innerHeight || box.top < 0) { statusNode.scrollIntoView({ block: 'nearest' }); }
  }
}

// A word about something sent for a step the room has left, above whatever is on show now.
function notice(text) {
  if (!noticeNode) { return; }
  noticeNode.textContent = text;
  noticeNode.classList.remove('hidden');
}

function render() {
  const s = state.step, w = state.workshop;
  // Anything of the step but its countdown redraws it: a corrected question or option, a reset poll.
  const key = [w.state, s.id, JSON.stringify(Object.assign({}, s, { timerEndsAt: null }))].join('|');
  if (key === shownKey) {
    drawResults();
    if (timerNode) { countdown(timerNode, shownTimer(s), skew); }
    if (exercise) { exercise.update(mine); }
    return;
  }
  const stepChanged = !shownKey || shownKey.split('|')[1] !== String(s.id);
  shownKey = key;
  const loading = document.getElementById('loading');
  if (loading) { loading.remove(); }
  const kept = noticeNode && !stepChanged && !noticeNode.classList.contains('hidden') ? noticeNode.textContent : '';
  clear(root);
  exercise = null;
  statusNode = null;
  resultsNode = null;
  if (timerNode) { countdown(timerNode, null, skew); timerNode = null; }
  noticeNode = el('p', 'notice' + (kept ? '' : ' hidden'), kept);
  noticeNode.setAttribute('role', 'status');
  if (w.state === 'closed') {
    root.appendChild(el('h1', null, t('ended_heading')));
    root.appendChild(el('p', 'lead', t('ended_message')));
    return;
  }
  const meta = el('div', 'step-meta');
  meta.setAttribute('data-index', String(s.index));
  meta.appendChild(el('span', null, t('step_of', s.index + 1, s.count)));
  timerNode = el('span', 'timer');
  meta.appendChild(timerNode);
  root.appendChild(meta);
  root.appendChild(noticeNode);
  countdown(timerNode, shownTimer(s), skew);
  const view = VIEWS[s.kind];
  if (view && s.takesAnswers) {
    exercise = view(root, exerciseApi, mine);
    return;
  }
  if (!isPoll(s)) {
    root.appendChild(el('h1', null, s.title));
    if (s.body) { root.appendChild(lines(el('div', 'step-body'), s.body)); }
    if (s.exercise && s.exercise.prompt) { root.appendChild(el('p', 'question', s.exercise.prompt)); }
    root.appendChild(el('p', 'waiting', s.kind === 'slide' ? t('follow_projector') : t('together_in_room')));
    return;
  }
  poll(s);
}

function poll(s) {
  // On a poll the question is what the person reads; the step's title is its label.
  root.appendChild(el('p', 'kicker', s.title));
  root.appendChild(el('h1', 'question', s.question));
  if (s.body) { root.appendChild(el('p', 'poll-body', s.body)); }
  const waiting = outbox.pending(answerSlot(s.id));
  if (s.resetAt && !mine && !waiting && s.pollState === 'open') { notice(t('poll_was_reset')); }
  if (s.pollState === 'open') {
    root.appendChild(PhoneInputs.build(s, waiting ? waiting.value : mine ? mine.value : null, submit));
  } else if (s.pollState === 'pending') {
    root.appendChild(el('p', 'waiting', t('poll_opens_soon')));
  } else {
    root.appendChild(el('p', 'notice', t('poll_closed')));
  }
  if (mine && s.pollState !== 'open') {
    if (s.kind === 'ranking' && Array.isArray(mine.value)) {
      const yours = el('div', 'mine');
      yours.appendChild(el('p', 'muted', t('your_order')));
      const order = el('ol', 'mine-order');
      mine.value.forEach((i) => order.appendChild(el('li', null, s.options[i])));
      yours.appendChild(order);
      root.appendChild(yours);
    } else {
      root.appendChild(el('p', 'muted', t('your_answer', PhoneInputs.describe(s, mine.value))));
    }
  }
  statusNode = el('p', 'status');
  statusNode.setAttribute('role', 'status');
  statusNode.setAttribute('aria-live', 'polite');
  root.appendChild(statusNode);
  if (waiting) {
    setStatus(statusText(outbox.statusOf(answerSlot(s.id))), 'wait');
  } else if (mine && mine.held) {
    // Saved, and kept off the screens until the facilitator has looked at it: the person should know.
    setStatus(t('word_filter.saved_waiting'), 'ok');
  } else if (mine && s.pollState === 'open') {
    setStatus(t('answer_saved_can_change'), 'ok');
  }
  resultsNode = el('div', 'phone-results');
  root.appendChild(resultsNode);
  drawResults();
}

function drawResults() {
  if (!resultsNode) { return; }
  if (state.results && state.step.revealed) {
    clear(resultsNode);
    resultsNode.appendChild(el('h2', null, t('results')));
    const box = el('div');
    resultsNode.appendChild(box);
    Results.render(box, state.results);
  }
}
