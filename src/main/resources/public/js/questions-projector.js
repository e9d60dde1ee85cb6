// Questions from the room on the projector: the pinned question, and the top
// questions by votes when the facilitator puts them on screen. Only visible
// questions ever reach the projector; this panel only chooses which to show.
import { num, t } from './texts.js';
import { clear, el } from './dom.js';

var wrap = document.getElementById('screen');
var panel = document.getElementById('screen-questions');
var TOP = 5;

var ended = false;

function show(q, closed) {
  if (closed !== undefined) { ended = closed; }
  if (!panel || !q) { return; }
  var pinned = q.list.filter(function (x) { return x.pinned; })[0];
  var top = q.onScreen ? q.list.filter(function (x) { return !x.pinned && !x.answered; }).slice(0, TOP) : [];
  var on = !ended && (!!pinned || q.onScreen);
  wrap.classList.toggle('with-questions', on);
  clear(panel);
  panel.classList.remove('tight');
  if (!on) { return; }
  panel.appendChild(el('h2', null, t('questions.screen_heading')));
  if (pinned) { panel.appendChild(item(pinned, 'pinned')); }
  var list = el('ol', 'top-questions');
  top.forEach(function (x) { list.appendChild(item(x, '')); });
  panel.appendChild(list);
  if (!pinned && !top.length) { panel.appendChild(el('p', 'muted', t('questions.screen_empty'))); }
  // What does not fit goes, least voted first; a pinned question alone is set smaller rather than cut.
  while (panel.scrollHeight > panel.clientHeight + 1 && list.children.length) { list.removeChild(list.lastChild); }
  if (panel.scrollHeight > panel.clientHeight + 1) { panel.classList.add('tight'); }
}

function item(q, cls) {
  var node = el(cls ? 'div' : 'li', 'screen-question ' + cls);
  node.appendChild(el('p', 'q-text', q.text));
  var who = q.name || t('questions.anonymous');
  node.appendChild(el('p', 'q-meta', who + ' · ▲ ' + num(q.votes)));
  return node;
}

export { show };
