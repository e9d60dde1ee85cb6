// The console's moderation queue for questions from the room: whether they
// wait for approval, whether the projector shows the top ones, and per
// question approve, hide, answered, pin.
import { num, t } from './texts.js';
import { clear, el } from './dom.js';
import { post, workshop } from './console-actions.js';

var card = document.getElementById('questions-card');
var list = card.querySelector('.question-queue');
var approval = card.querySelector('[name=needsApproval]');
var onScreen = card.querySelector('[name=onScreen]');
var count = card.querySelector('.pending-count');
var STATUS = { pending: t('console.question_pending'), visible: t('console.question_visible'),
  hidden: t('console.question_hidden') };

function moderate(what, body) {
  return post('/facilitate/' + workshop + '/questions/' + what, body);
}

approval.addEventListener('change', function () { moderate('settings', 'needsApproval=' + (approval.checked ? 'on' : 'off')); });
onScreen.addEventListener('change', function () { moderate('settings', 'onScreen=' + (onScreen.checked ? 'on' : 'off')); });

function button(label, q, action, primary) {
  var b = el('button', primary ? '' : 'secondary', label);
  b.type = 'button';
  b.addEventListener('click', function () { moderate(String(q.id), 'action=' + action); });
  return b;
}

function show(q) {
  if (!q) { return; }
  approval.checked = q.needsApproval;
  onScreen.checked = q.onScreen;
  count.textContent = q.pending ? t('console.questions_waiting', q.pending) : '';
  clear(list);
  if (!q.list.length) { list.appendChild(el('li', 'muted', t('console.no_questions'))); return; }
  // Waiting ones first: they are what the facilitator has to act on.
  var ordered = q.list.filter(function (x) { return x.status === 'pending'; })
    .concat(q.list.filter(function (x) { return x.status !== 'pending'; }));
  ordered.forEach(function (x) {
    var li = el('li', 'queue-item status-' + x.status + (x.answered ? ' is-answered' : ''));
    li.appendChild(el('p', 'q-text', x.text));
    var meta = [x.name || t('questions.anonymous'), '▲ ' + num(x.votes), STATUS[x.status]];
    if (x.answered) { meta.push(t('questions.answered')); }
    if (x.pinned) { meta.push(t('questions.on_projector')); }
    li.appendChild(el('p', 'muted', meta.join(' · ')));
    var row = el('div', 'row-tools');
    if (x.status !== 'visible') { row.appendChild(button(t('console.approve'), x, 'approve', x.status === 'pending')); }
    if (x.status !== 'hidden') { row.appendChild(button(t('console.hide_question'), x, 'hide')); }
    if (x.status === 'visible') {
      row.appendChild(button(x.pinned ? t('console.unpin') : t('console.pin'), x, x.pinned ? 'unpin' : 'pin'));
      row.appendChild(button(x.answered ? t('console.not_answered') : t('console.mark_answered'), x,
        x.answered ? 'unanswered' : 'answered'));
    }
    li.appendChild(row);
    list.appendChild(li);
  });
}

export { show };
