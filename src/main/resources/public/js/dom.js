// Small DOM helpers shared by every page: text only, never HTML, so nothing a person typed can become markup.
import { t, num, minutesSeconds } from './texts.js';

// Where the kit sits on its site ("" or e.g. "/taller" behind a proxy), written by the server on
// <html data-base>. Every URL a script builds goes through `path`.
const BASE = document.documentElement.getAttribute('data-base') || '';

export function path(p) {
  return BASE + p;
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  return node;
}

// The server counts what people type in characters (code points, an emoji is one); a field's maxLength
// counts UTF-16 units, an emoji two. So a field leaves room for its limit in emoji, and the server,
// which refuses a longer text in so many words, is the judge.
export function typedLimit(field, max) {
  field.maxLength = 2 * max;
  return field;
}

export function typedLength(text) {
  return Array.from(text).length;
}

export function clear(node) {
  while (node.firstChild) { node.removeChild(node.firstChild); }
  return node;
}

// A slide's lines are its author's paragraphs: each gets its own block.
export function lines(node, text) {
  String(text || '').split('\n').forEach(function (line) {
    if (line.trim()) { node.appendChild(el('p', null, line.trim())); }
  });
  return node;
}

// The countdown a step shows: its timer, but a quiz question's clock only while it takes answers.
export function shownTimer(step) {
  return step.kind === 'quiz' && step.pollState !== 'open' ? null : step.timerEndsAt;
}

// The server's clock decides when a countdown ends; `skew` corrects this device's clock.
export function countdown(node, endsAt, skew) {
  if (node._countdown) { clearInterval(node._countdown); node._countdown = null; }
  if (!endsAt) { node.textContent = ''; node.classList.remove('ending'); return; }
  function tick() {
    const left = Math.max(0, Math.round((endsAt - (Date.now() + skew)) / 1000));
    // Digits only: an emoji clock is a blank box on machines without an emoji font.
    node.textContent = minutesSeconds(left);
    node.classList.toggle('ending', left <= 10);
    if (left === 0) { clearInterval(node._countdown); node._countdown = null; }
  }
  tick();
  node._countdown = setInterval(tick, 500);
}

const CONNECTION = { connecting: 'conn_connecting', connected: 'conn_connected', reconnecting: 'conn_reconnecting',
  offline: 'conn_offline', preview: 'conn_preview' };

export function showConnection(node, state) {
  if (!node) { return; }
  node.className = 'conn ' + state;
  node.textContent = CONNECTION[state] ? t(CONNECTION[state]) : state;
}

// A poll has a question; a slide or an exercise (profiles, RACI, ideas, commitments) has none.
export function isPoll(step) {
  return step.kind !== 'slide' && typeof step.question === 'string';
}

// Lists that change ten times a second in a busy room keep their rows (a row per id, updated in
// place) so that a thumb on a button never loses it.
export function keyed(list, items, empty, build, refresh) {
  const rows = list._rows || {}, next = {};
  if (!items.length) { clear(list).appendChild(el('li', 'muted', empty)); list._rows = {}; return; }
  if (list.firstChild && !list.firstChild._item) { list.removeChild(list.firstChild); }
  items.forEach(function (item, i) {
    const row = rows[item.id] || build();
    row._item = item;
    refresh(row, item);
    next[item.id] = row;
    if (list.children[i] !== row) { list.insertBefore(row, list.children[i] || null); }
  });
  Object.keys(rows).forEach(function (k) { if (!next[k] && rows[k].parentNode === list) { list.removeChild(rows[k]); } });
  list._rows = next;
}

// An upvote button: its accessible name starts with what it shows ("▲ 2"), as WCAG 2.5.3 asks.
export function voteButton(b, on, votes) {
  b.className = 'upvote' + (on ? '' : ' secondary');
  // The name is the visible "▲ 2" and then what the button does, from its own content (WCAG 2.5.3:
  // a name that differs from the label leaves voice control users saying words that do nothing).
  b.textContent = '▲ ' + num(votes);
  b.appendChild(el('span', 'visually-hidden', ' ' + t('questions.upvote')));
  b.setAttribute('aria-pressed', on ? 'true' : 'false');
  b.removeAttribute('aria-label');
}

// A status line that screen readers announce: what became of what the person sent.
export function statusLine(parent) {
  const node = el('p', 'status');
  node.setAttribute('role', 'status');
  node.setAttribute('aria-live', 'polite');
  parent.appendChild(node);
  return function (text, kind) {
    node.textContent = text || '';
    node.className = 'status ' + (kind || '');
  };
}

// A rehearsal says so on every screen, so nobody takes its answers for the real session's.
export function showRehearsal(workshop) {
  document.querySelectorAll('.rehearsal-badge').forEach(function (b) { b.classList.toggle('hidden', !workshop.rehearsal); });
}
