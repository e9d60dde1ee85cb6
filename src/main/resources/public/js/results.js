// Draws a poll's result from the JSON the server sends (see docs/protocol.md).
// Shared by the projector, the console and phones after a reveal. Text only:
// every label goes in with textContent, so nothing typed becomes markup.
import { lang, num as number, t, withUnit } from './texts.js';
import { clear, el } from './dom.js';

var percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });

function pct(count, total) { return percent.format(total > 0 ? count / total : 0); }

// One decimal at most, written the way the page's language writes numbers.
function num(value, unit) {
  return withUnit(number(value, 1), unit);
}

// One row per item: name, track, value. CSS lays the row out for the room
// it is in (stacked on a phone, side by side on the projector), and turns a
// `columns` list (and, where there is room, a `columns-wide` one) into a
// histogram. The fill's size is the custom property --v.
function bars(items, total, valueText, className) {
  var list = el('ul', 'bars' + (className ? ' ' + className : ''));
  var columns = /columns/.test(className || '');
  items.forEach(function (item) {
    var li = el('li', item.truth ? 'truth' : '');
    var name = el('span', 'bar-name', item.label);
    if (item.note) { name.appendChild(el('span', 'bar-note', item.note)); }
    if (item.truth) { name.appendChild(el('span', 'bar-flag', t('true_value_flag'))); }
    var track = el('span', 'bar-track');
    var fill = el('span', 'bar-fill' + (item.truth ? ' truth' : ''));
    var share = Math.max(0, Math.min(100, total > 0 ? item.value * 100 / total : 0));
    fill.style.setProperty('--v', share + '%');
    track.appendChild(fill);
    var value = el('span', 'bar-value', valueText(item));
    // Rows read name, bar, value; a column reads value, bar, name from the top.
    var parts = columns ? [value, track, name] : [name, track, value];
    parts.forEach(function (part) { li.appendChild(part); });
    list.appendChild(li);
  });
  return list;
}

function voters(r, opts) {
  var text = t(r.voters === 1 ? 'answers_one' : 'answers_many', r.voters);
  if (r.hiddenCount && opts && opts.onHide) { text += ' · ' + t('hidden_count', r.hiddenCount); }
  return el('p', 'voters muted', text);
}

function stat(label, value, className) {
  var s = el('span', 'stat' + (className ? ' ' + className : ''));
  s.appendChild(el('span', 'stat-label', label));
  s.appendChild(el('strong', 'stat-value', value));
  return s;
}

var draw = {
  single: function (r) {
    return bars(r.options.map(function (o) { return { label: o.label, value: o.count }; }), r.voters,
      function (i) { return num(i.value) + ' · ' + pct(i.value, r.voters); });
  },
  scale: function (r) {
    var box = el('div', 'scale-result');
    var stats = el('div', 'stat-row');
    stats.appendChild(stat(t('mean'), r.mean === null || r.mean === undefined ? '–' : num(r.mean)));
    box.appendChild(stats);
    var top = Math.max.apply(null, r.counts.concat([1]));
    var items = r.counts.map(function (c, i) {
      var item = { label: num(r.min + i), value: c };
      if (i === 0 && r.minLabel) { item.note = r.minLabel; }
      if (i === r.counts.length - 1 && r.maxLabel) { item.note = r.maxLabel; }
      return item;
    });
    box.appendChild(bars(items, top, function (i) { return num(i.value); }, 'columns'));
    return box;
  },
  wordcloud: function (r) {
    var cloud = el('div', 'cloud');
    var top = r.words.length ? r.words[0].count : 1;
    r.words.forEach(function (w) {
      var span = el('span', null, w.word);
      span.style.fontSize = (1 + 2.2 * w.count / top).toFixed(2) + 'em';
      span.title = num(w.count) + '×';
      cloud.appendChild(span);
    });
    if (!r.words.length) { cloud.appendChild(el('span', 'muted', '…')); }
    return cloud;
  },
  text: function (r, opts) {
    var wall = el('ul', 'wall');
    var answers = opts && opts.newestFirst ? r.answers.slice().reverse() : r.answers;
    answers.forEach(function (a) {
      var li = el('li', a.hidden ? 'is-hidden' : '');
      li.appendChild(el('div', null, a.text));
      if (opts && opts.onHide && a.id !== undefined) {
        var b = el('button', 'secondary hide-answer', a.hidden ? t('show_on_projector') : t('hide_from_projector'));
        b.type = 'button';
        b.addEventListener('click', function () { opts.onHide(a.id, !a.hidden); });
        li.appendChild(b);
      }
      wall.appendChild(li);
    });
    return wall;
  },
  guess: function (r) {
    var box = el('div', 'guess-result');
    var stats = el('div', 'stat-row');
    if (r.truth !== undefined) { stats.appendChild(stat(t('true_value'), num(r.truth, r.unit), 'truth-stat')); }
    if (r.voters > 0) {
      stats.appendChild(stat(t('median_guess'), num(r.median, r.unit)));
      stats.appendChild(stat(t('mean'), num(r.mean, r.unit)));
      stats.appendChild(stat(t('range'), num(r.low, r.unit) + '–' + num(r.high, r.unit)));
    }
    box.appendChild(stats);
    var width = (r.max - r.min) / r.bins.length;
    var items = r.bins.map(function (c, i) {
      var from = r.min + i * width, to = from + width;
      var hasTruth = r.truth !== undefined && r.truth >= from && (r.truth < to || (i === r.bins.length - 1 && r.truth <= to));
      return { label: num(from, '') + '–' + num(to, r.unit), value: c, truth: hasTruth };
    });
    box.appendChild(bars(items, Math.max.apply(null, r.bins.concat([1])), function (i) { return num(i.value); },
      'columns-wide'));
    if (r.truth !== undefined && r.source) { box.appendChild(el('p', 'source muted', t('source', r.source))); }
    return box;
  },
  ranking: function (r) {
    // Equal points share a place: 1, 2, 2, 4.
    return bars(r.options.map(function (o) {
      var place = 1 + r.options.filter(function (x) { return x.points > o.points; }).length;
      return { label: num(place) + '. ' + o.label, value: o.points };
    }),
      r.options.length ? Math.max(1, r.options[0].points) : 1,
      function (i) { return t(i.value === 1 ? 'points_one' : 'points_many', i.value); }, 'ranking');
  }
};
draw.multiple = draw.single;

function render(container, results, opts) {
  clear(container);
  if (!results || !draw[results.kind]) { return; }
  container.appendChild(voters(results, opts));
  container.appendChild(draw[results.kind](results, opts));
}

export { render, bars };
