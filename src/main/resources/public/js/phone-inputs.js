// The answer controls of each poll kind, built from the step's JSON. Each
// builder calls `submit(value)` with the value the server expects.
import { num, t, withUnit } from './texts.js';
import { el, typedLength, typedLimit } from './dom.js';

function sendRow(label, onClick) {
  var row = el('div', 'send-row');
  var b = el('button', null, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  row.appendChild(b);
  return row;
}

function choiceList(step, multiple, selected, submit) {
  var form = el('div');
  var list = el('div', 'choices');
  list.setAttribute('role', multiple ? 'group' : 'radiogroup');
  list.setAttribute('aria-label', step.question);
  var name = 'q' + step.id;
  var picked = multiple ? (selected || []).slice() : (selected === null || selected === undefined ? [] : [selected]);
  var max = multiple ? (step.maxPicks || step.options.length) : 1;
  var hint = multiple ? el('p', 'hint', max < step.options.length ? t('pick_up_to', max) : t('pick_all')) : null;
  step.options.forEach(function (label, i) {
    var row = el('label', 'choice');
    var input = el('input');
    input.type = multiple ? 'checkbox' : 'radio';
    input.name = name;
    input.value = String(i);
    input.checked = picked.indexOf(i) >= 0;
    row.classList.toggle('is-selected', input.checked);
    input.addEventListener('change', function () {
      if (multiple) {
        var boxes = list.querySelectorAll('input:checked');
        if (boxes.length > max) { input.checked = false; if (hint) { hint.textContent = t('at_most_untick', max); } }
      }
      list.querySelectorAll('label').forEach(function (l) { l.classList.toggle('is-selected', l.querySelector('input').checked); });
    });
    row.appendChild(input);
    row.appendChild(el('span', null, label));
    list.appendChild(row);
  });
  if (hint) { form.appendChild(hint); }
  form.appendChild(list);
  form.appendChild(sendRow(selected === null || selected === undefined ? t('send') : t('change_answer'), function () {
    var chosen = Array.prototype.map.call(list.querySelectorAll('input:checked'), function (x) { return parseInt(x.value, 10); });
    if (!chosen.length) { return; }
    submit(multiple ? chosen : chosen[0]);
  }));
  return form;
}

function scale(step, selected, submit) {
  var box = el('div');
  var row = el('div', 'scale');
  row.setAttribute('role', 'radiogroup');
  row.setAttribute('aria-label', step.question);
  for (var v = step.min; v <= step.max; v++) {
    (function (value) {
      var label = el('label', 'choice' + (selected === value ? ' is-selected' : ''));
      var input = el('input');
      input.type = 'radio';
      input.name = 'q' + step.id;
      input.value = String(value);
      input.checked = selected === value;
      input.addEventListener('change', function () {
        row.querySelectorAll('label').forEach(function (l) { l.classList.remove('is-selected'); });
        label.classList.add('is-selected');
        submit(value);
      });
      label.appendChild(input);
      label.appendChild(el('span', null, num(value)));
      row.appendChild(label);
    })(v);
  }
  box.appendChild(row);
  var ends = el('div', 'scale-ends');
  ends.appendChild(el('span', null, step.minLabel || ''));
  ends.appendChild(el('span', null, step.maxLabel || ''));
  box.appendChild(ends);
  return box;
}

function words(step, selected, submit) {
  var box = el('div');
  var n = step.maxWords || 3;
  var inputs = [];
  for (var i = 0; i < n; i++) {
    var label = el('label', 'field');
    label.appendChild(el('span', null, n === 1 ? t('your_word') : i > 0 ? t('word_n_optional', i + 1) : t('word_n', i + 1)));
    var input = el('input');
    input.type = 'text';
    typedLimit(input, step.maxLength || 24);
    input.autocomplete = 'off';
    input.value = selected && selected[i] ? selected[i] : '';
    label.appendChild(input);
    box.appendChild(label);
    inputs.push(input);
  }
  box.appendChild(sendRow(selected ? t('change_words') : t('send'), function () {
    var list = inputs.map(function (x) { return x.value.trim(); }).filter(function (x) { return x.length > 0; });
    if (list.length) { submit(list); }
  }));
  return box;
}

function text(step, selected, submit) {
  var box = el('div');
  var label = el('label', 'field');
  label.appendChild(el('span', 'visually-hidden', step.question));
  var area = el('textarea');
  var max = step.maxLength || 280;
  typedLimit(area, max);
  area.value = selected || '';
  label.appendChild(area);
  var count = el('small', null, '');
  label.appendChild(count);
  function update() { count.textContent = t('chars_of', typedLength(area.value), max); }
  area.addEventListener('input', update);
  update();
  box.appendChild(label);
  box.appendChild(sendRow(selected ? t('change_answer') : t('send'), function () {
    if (area.value.trim()) { submit(area.value); }
  }));
  return box;
}

function guess(step, selected, submit) {
  var box = el('div');
  var label = el('label', 'field');
  label.appendChild(el('span', null, t('your_guess', step.min, step.max) + (step.unit ? ' ' + step.unit : '')));
  var row = el('span', 'guess-input');
  var input = el('input');
  input.type = 'number';
  input.inputMode = 'decimal';
  input.min = String(step.min);
  input.max = String(step.max);
  input.step = 'any';
  input.value = selected === null || selected === undefined ? '' : String(selected);
  row.appendChild(input);
  if (step.unit) { row.appendChild(el('span', 'unit', step.unit)); }
  label.appendChild(row);
  box.appendChild(label);
  box.appendChild(sendRow(selected === null || selected === undefined ? t('send_guess') : t('change_guess'), function () {
    var v = parseFloat(String(input.value).replace(',', '.'));
    if (!isNaN(v)) { submit(v); }
  }));
  return box;
}

function ranking(step, selected, submit) {
  var box = el('div');
  var order = selected && selected.length === step.options.length ? selected.slice() : step.options.map(function (_, i) { return i; });
  box.appendChild(el('p', 'muted', t('rank_hint')));
  var list = el('ol', 'rank-list');
  function draw() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    order.forEach(function (optionIndex, place) {
      var li = el('li');
      li.appendChild(el('span', 'place', num(place + 1)));
      li.appendChild(el('span', 'label', step.options[optionIndex]));
      var up = el('button', 'secondary', '↑');
      up.type = 'button';
      up.setAttribute('aria-label', t('move_up', step.options[optionIndex]));
      up.disabled = place === 0;
      up.addEventListener('click', function () { move(place, -1); });
      var down = el('button', 'secondary', '↓');
      down.type = 'button';
      down.setAttribute('aria-label', t('move_down', step.options[optionIndex]));
      down.disabled = place === order.length - 1;
      down.addEventListener('click', function () { move(place, 1); });
      li.appendChild(up);
      li.appendChild(down);
      list.appendChild(li);
    });
  }
  function move(place, delta) {
    var other = place + delta;
    var tmp = order[place]; order[place] = order[other]; order[other] = tmp;
    draw();
    var buttons = list.children[other].querySelectorAll('button');
    (delta < 0 ? buttons[0] : buttons[1]).focus();
  }
  draw();
  box.appendChild(list);
  box.appendChild(sendRow(selected ? t('change_order') : t('send_order'), function () { submit(order.slice()); }));
  return box;
}

function build(step, selected, submit) {
  switch (step.kind) {
    case 'single': return choiceList(step, false, selected, submit);
    case 'multiple': return choiceList(step, true, selected, submit);
    case 'scale': return scale(step, selected, submit);
    case 'wordcloud': return words(step, selected, submit);
    case 'text': return text(step, selected, submit);
    case 'guess': return guess(step, selected, submit);
    case 'ranking': return ranking(step, selected, submit);
    default: return el('p', 'muted', t('nothing_to_answer'));
  }
}

function describe(step, value) {
  if (value === null || value === undefined) { return '–'; }
  switch (step.kind) {
    case 'single': return step.options[value];
    case 'multiple': return value.map(function (i) { return step.options[i]; }).join(', ');
    case 'ranking': return value.map(function (i, p) { return num(p + 1) + '. ' + step.options[i]; }).join('  ');
    case 'wordcloud': return value.join(', ');
    case 'guess': return withUnit(num(value, 2), step.unit);
    default: return String(value);
  }
}

export { build, describe };
