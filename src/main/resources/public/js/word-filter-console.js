// The console's word filter: what waits for approval (typed words the filter caught, questions waiting),
// each approved or rejected here, and in the settings the filter on or off and the workshop's own words.
import { t } from './texts.js';
import { clear, el } from './dom.js';
import { post, workshop } from './console-actions.js';

var card = document.getElementById('waiting-card');
var list = card.querySelector('.waiting-list');
var count = card.querySelector('.waiting-count');
var settings = document.getElementById('word-filter');
var onOff = settings.querySelector('[name=filterOn]');
var KIND = { answer: t('word_filter.kind_answer'), question: t('word_filter.kind_question'),
  idea: t('word_filter.kind_idea'), name: t('word_filter.kind_name') };

function filter(body) {
  return post('/facilitate/' + workshop + '/word-filter', body);
}

onOff.addEventListener('change', function () { filter('action=' + (onOff.checked ? 'on' : 'off')); });

function button(label, onClick, primary) {
  var b = el('button', primary ? '' : 'secondary', label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function decide(item, action) {
  return function () { post('/facilitate/' + workshop + '/waiting/' + item.kind + '/' + item.id, 'action=' + action); };
}

function words(box, items, label, action) {
  clear(box);
  if (!items.length) { box.appendChild(el('li', 'muted', t('word_filter.none'))); return; }
  items.forEach(function (w) {
    var li = el('li', 'word-item');
    li.appendChild(el('span', 'word', w));
    var b = button(label, function () { filter('action=' + action + '&word=' + encodeURIComponent(w)); });
    b.setAttribute('aria-label', label + ': ' + w);
    li.appendChild(b);
    box.appendChild(li);
  });
}

// A word typed into a box and now on its list was taken: the box is ready for the next one.
function cleared(input, listed) {
  var typed = input.value.trim().toLowerCase();
  if (typed && listed.some(function (w) { return w.toLowerCase() === typed; })) { input.value = ''; }
}

function show(f) {
  if (!f) { return; }
  onOff.checked = f.on;
  // Off is the state to notice: the checkbox alone says on.
  settings.querySelector('.filter-state').textContent = f.on ? '' : t('word_filter.is_off');
  var forms = settings.querySelectorAll('.word-form input[name=word]');
  cleared(forms[0], f.added);
  cleared(forms[1], f.removed);
  words(settings.querySelector('.added-words'), f.added, t('word_filter.take_off'), 'remove');
  words(settings.querySelector('.removed-words'), f.removed, t('word_filter.put_back'), 'add');
  count.textContent = f.waiting.length ? t('word_filter.waiting_count', f.waiting.length) : '';
  card.classList.toggle('has-waiting', f.waiting.length > 0);
  clear(list);
  if (!f.waiting.length) { list.appendChild(el('li', 'muted', t('word_filter.nothing_waiting'))); return; }
  f.waiting.forEach(function (item) {
    var li = el('li', 'queue-item waiting-item');
    li.appendChild(el('p', 'q-text', item.text));
    li.appendChild(el('p', 'muted', item.shownAs ? t('word_filter.name_shown_as', item.shownAs) : KIND[item.kind] || item.kind));
    var row = el('div', 'row-tools');
    row.appendChild(button(t('word_filter.approve'), decide(item, 'approve'), true));
    row.appendChild(button(t('word_filter.reject'), decide(item, 'reject')));
    li.appendChild(row);
    list.appendChild(li);
  });
}

export { show };
