// The phone of someone who joined through the catch-up link, after the workshop: the steps the room went
// through, one after another at the person's own pace (Previous / Next, a position of its own, not the
// room's), slides as text, each poll with its inputs and the profiles exercise, answered through the
// phone's one outbox (outbox.js) and the server's one pipeline like any answer in the room. The
// snapshot's `catchUp` holds the steps, each with the person's own answer (docs/protocol.md, "Answering later").
import { t } from './texts.js';
import { clear, el, lines, showConnection, statusLine } from './dom.js';
import { LiveRoom } from './room.js';
import { Outbox, statusText } from './outbox.js';
import * as PhoneInputs from './phone-inputs.js';
import { phone as profilesPhone } from './profiles-phone.js';

const VIEWS = { profiles: profilesPhone };

const root = document.getElementById('later');
const id = root.dataset.id;
const conn = document.getElementById('conn');
// No fallback: the event stream serves the room's live phones; a late phone needs a WebSocket.
const room = new LiveRoom('/ws/later/' + encodeURIComponent(id), null);
const POS_KEY = 'ts-later-pos-' + id;
const outbox = new Outbox(room, 'later-' + id, () => (shown() ? shown().id : 0));

let state = null;       // the last snapshot
let position = parseInt(sessionStorage.getItem(POS_KEY) || '0', 10) || 0;
let drawnKey = null;    // what is drawn, so a snapshot doesn't wipe a half-made choice
let setStatus = null;   // the status line of the step on show
let exercise = null;    // an exercise's phone view, when the step on show is one
let ended = false;      // the server said the window has ended

function steps() {
  return state && state.catchUp ? state.catchUp.steps : [];
}

function shown() {
  return steps()[position] || null;
}

// An exercise's slots are its own ("net:LinkedIn"); on this phone every step is at hand at once, so the
// outbox keeps them per step.
function exerciseSlot(step, slot) {
  return 'step:' + step.id + ':' + slot;
}

const exerciseApi = {
  state: () => ({ workshop: state.workshop, step: shown() }),
  send: (slot, msg) => outbox.send(exerciseSlot(shown(), slot), msg),
  pending: (slot) => outbox.pending(exerciseSlot(shown(), slot)),
  status: (slot) => outbox.statusOf(exerciseSlot(shown(), slot)),
  ask: (msg) => room.send(msg)
};

room.onStatus((s) => showConnection(conn, s));
room.on('state', (msg) => {
  state = msg;
  ended = ended || !msg.catchUp || !msg.catchUp.open;
  if (position >= steps().length) { position = Math.max(0, steps().length - 1); }
  render();
});
room.on('state', () => outbox.afterSnapshot());
outbox.listen(sent);
room.start();

function answerSlot(step) {
  return 'answer:' + step.id;
}

function stepById(stepId) {
  return steps().filter((s) => s.id === stepId)[0] || null;
}

// What became of something sent; a step not on show keeps its answer for when the person comes back.
function sent(slot, status, message, reply) {
  const step = stepById(message.step);
  if (!step) { return; }
  if (status === 'refused' && reply && reply.code === 'catch_up_closed') {
    ended = true;
  }
  if (status === 'saved' && slot === answerSlot(step)) {
    step.mine = { seq: reply.seq, value: reply.value, held: reply.held };
    // The server's next snapshot holds what answering unlocks (a guess's true value).
    if (step.kind === 'guess') { room.send({ type: 'hello' }); }
  }
  if (status === 'saved' && step.kind === 'profiles') {
    step.mine = step.mine || { answers: {} };
    step.mine.answers = step.mine.answers || {};
    step.mine.answers[message.network] = reply.value;
  }
  if (step !== shown()) { return; }
  if (slot === answerSlot(step)) {
    if (status === 'saved') {
      setStatus(reply.held ? t('word_filter.saved_waiting') : t('catch_up.saved'), 'ok');
    } else if (status === 'refused') {
      setStatus(reply.message, 'bad');
    } else if (status !== 'replaced') {
      setStatus(statusText(status), 'wait');
    }
  } else if (exercise) {
    exercise.sent(slot.slice(('step:' + step.id + ':').length), status, reply, message);
  }
  if (ended) { showEnded(); }
}

function go(to) {
  position = Math.max(0, Math.min(steps().length - 1, to));
  sessionStorage.setItem(POS_KEY, String(position));
  drawnKey = null;
  render();
  const heading = root.querySelector('h1');
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
}

function render() {
  const s = shown();
  const key = [ended, position, JSON.stringify(Object.assign({}, s, { mine: null }))].join('|');
  if (key === drawnKey) {
    if (exercise && exercise.update) { exercise.update(s.mine); }
    return;
  }
  drawnKey = key;
  clear(root);
  exercise = null;
  setStatus = null;
  if (ended) {
    showEnded();
    return;
  }
  if (!s) {
    root.appendChild(el('h1', null, t('catch_up.nothing')));
    return;
  }
  const meta = el('div', 'step-meta');
  meta.appendChild(el('span', null, t('step_of', position + 1, steps().length)));
  meta.appendChild(el('span', 'muted', t('catch_up.until', until(state.catchUp.endsAt))));
  root.appendChild(meta);
  const view = VIEWS[s.kind];
  if (view && s.answerable) {
    exercise = view(root, exerciseApi, s.mine || null);
  } else if (s.answerable) {
    poll(s);
  } else {
    root.appendChild(el('h1', null, s.title));
    if (s.body) { root.appendChild(lines(el('div', 'step-body'), s.body)); }
    if (s.question) { root.appendChild(el('p', 'question', s.question)); }
    if (s.exercise && s.exercise.prompt) { root.appendChild(el('p', 'question', s.exercise.prompt)); }
    if (s.takesAnswers) { root.appendChild(el('p', 'waiting', t('catch_up.together'))); }
  }
  root.appendChild(nav());
}

function poll(s) {
  root.appendChild(el('p', 'kicker', s.title));
  root.appendChild(el('h1', 'question', s.question));
  if (s.body) { root.appendChild(el('p', 'poll-body', s.body)); }
  const waiting = outbox.pending(answerSlot(s));
  root.appendChild(PhoneInputs.build(s, waiting ? waiting.value : s.mine ? s.mine.value : null, (value) => {
    setStatus(statusText(outbox.send(answerSlot(s), { type: 'answer', value: value, step: s.id })), 'wait');
  }));
  setStatus = statusLine(root);
  if (waiting) {
    setStatus(statusText(outbox.statusOf(answerSlot(s))), 'wait');
  } else if (s.mine) {
    setStatus(t('catch_up.saved'), 'ok');
  }
  if (s.kind === 'guess' && s.mine && s.truth !== undefined) {
    root.appendChild(el('p', 'muted', t('catch_up.truth', PhoneInputs.describe(s, s.truth)) + (s.source ? ' (' + s.source + ')' : '')));
  }
}

function nav() {
  const bar = el('nav', 'later-nav');
  bar.setAttribute('aria-label', t('catch_up.steps_nav'));
  const back = el('button', 'secondary', t('catch_up.previous'));
  back.type = 'button';
  back.disabled = position === 0;
  back.addEventListener('click', () => go(position - 1));
  const next = el('button', null, position === steps().length - 1 ? t('catch_up.done') : t('catch_up.next'));
  next.type = 'button';
  next.addEventListener('click', () => (position === steps().length - 1 ? finished() : go(position + 1)));
  bar.appendChild(back);
  bar.appendChild(next);
  return bar;
}

function finished() {
  clear(root);
  drawnKey = null;
  root.appendChild(el('h1', null, t('catch_up.thanks_heading')));
  root.appendChild(el('p', 'lead', t('catch_up.thanks_message')));
  const bar = el('nav', 'later-nav');
  bar.setAttribute('aria-label', t('catch_up.steps_nav'));
  const back = el('button', 'secondary', t('catch_up.previous'));
  back.type = 'button';
  back.addEventListener('click', () => go(steps().length - 1));
  bar.appendChild(back);
  root.appendChild(bar);
}

// The window has ended: said at the top, whatever is on show (the answer just refused says so too).
function showEnded() {
  if (root.querySelector('.later-ended')) { return; }
  const box = el('div', 'later-ended');
  box.setAttribute('role', 'alert');
  box.appendChild(el('h2', null, t('catch_up.ended_heading')));
  box.appendChild(el('p', null, t('catch_up.ended_message')));
  root.insertBefore(box, root.firstChild);
}

// The window's end as the phone's own clock and language write it.
function until(millis) {
  const lang = document.documentElement.lang || 'en';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(millis));
}
