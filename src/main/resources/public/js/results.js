// Draws a poll's result from the JSON the server sends (see docs/protocol.md).
// Shared by the projector, the console and phones after a reveal.
(function () {
  'use strict';
  var el = window.Live.el, clear = window.Live.clear;

  function pct(count, total) { return total > 0 ? Math.round(count * 100 / total) : 0; }

  function num(value, unit) {
    var v = Math.round(value * 10) / 10;
    return String(v) + (unit || '');
  }

  function bars(items, total, valueText) {
    var list = el('ul', 'bars');
    items.forEach(function (item) {
      var li = el('li');
      var label = el('div', 'bar-label');
      label.appendChild(el('span', null, item.label));
      label.appendChild(el('span', null, valueText(item)));
      var track = el('div', 'bar-track');
      var fill = el('div', 'bar-fill' + (item.truth ? ' truth' : ''));
      fill.style.width = Math.max(0, Math.min(100, total > 0 ? item.value * 100 / total : 0)) + '%';
      track.appendChild(fill);
      li.appendChild(label);
      li.appendChild(track);
      list.appendChild(li);
    });
    return list;
  }

  function voters(r) {
    return el('p', 'muted', r.voters + (r.voters === 1 ? ' answer' : ' answers'));
  }

  var draw = {
    single: function (r) {
      return bars(r.options.map(function (o) { return { label: o.label, value: o.count }; }), r.voters,
        function (i) { return i.value + ' · ' + pct(i.value, r.voters) + '%'; });
    },
    scale: function (r) {
      var box = el('div');
      var stats = el('div', 'stat-row');
      stats.appendChild(el('span', null, 'Mean: ' + (r.mean === null ? '–' : r.mean)));
      box.appendChild(stats);
      var items = r.counts.map(function (c, i) {
        var v = r.min + i;
        var label = String(v);
        if (i === 0 && r.minLabel) { label += ' · ' + r.minLabel; }
        if (i === r.counts.length - 1 && r.maxLabel) { label += ' · ' + r.maxLabel; }
        return { label: label, value: c };
      });
      box.appendChild(bars(items, r.voters, function (i) { return String(i.value); }));
      return box;
    },
    wordcloud: function (r) {
      var cloud = el('div', 'cloud');
      var top = r.words.length ? r.words[0].count : 1;
      r.words.forEach(function (w) {
        var span = el('span', null, w.word);
        span.style.fontSize = (1 + 2.2 * w.count / top).toFixed(2) + 'em';
        span.title = w.count + '×';
        cloud.appendChild(span);
      });
      if (!r.words.length) { cloud.appendChild(el('span', 'muted', '…')); }
      return cloud;
    },
    text: function (r, opts) {
      var wall = el('ul', 'wall');
      r.answers.forEach(function (a) {
        var li = el('li', a.hidden ? 'is-hidden' : '');
        li.appendChild(el('div', null, a.text));
        if (opts && opts.onHide && a.id !== undefined) {
          var b = el('button', 'secondary hide-answer', a.hidden ? 'Show on projector' : 'Hide from projector');
          b.type = 'button';
          b.addEventListener('click', function () { opts.onHide(a.id, !a.hidden); });
          li.appendChild(b);
        }
        wall.appendChild(li);
      });
      return wall;
    },
    guess: function (r) {
      var box = el('div');
      var stats = el('div', 'stat-row');
      if (r.voters > 0) {
        stats.appendChild(el('span', null, 'Median guess: ' + num(r.median, r.unit)));
        stats.appendChild(el('span', null, 'Mean: ' + num(r.mean, r.unit)));
        stats.appendChild(el('span', null, 'Range: ' + num(r.low, r.unit) + '–' + num(r.high, r.unit)));
      }
      box.appendChild(stats);
      var width = (r.max - r.min) / r.bins.length;
      var items = r.bins.map(function (c, i) {
        var from = r.min + i * width, to = from + width;
        var hasTruth = r.truth !== undefined && r.truth >= from && (r.truth < to || (i === r.bins.length - 1 && r.truth <= to));
        return { label: num(from, '') + '–' + num(to, r.unit) + (hasTruth ? '  ◀ true value' : ''), value: c, truth: hasTruth };
      });
      box.appendChild(bars(items, Math.max.apply(null, r.bins.concat([1])), function (i) { return String(i.value); }));
      if (r.truth !== undefined) {
        box.appendChild(el('p', 'truth-line', 'True value: ' + num(r.truth, r.unit)));
        if (r.source) { box.appendChild(el('p', 'muted', 'Source: ' + r.source)); }
      }
      return box;
    },
    ranking: function (r) {
      return bars(r.options.map(function (o) { return { label: o.label, value: o.points }; }),
        r.options.length ? Math.max(1, r.options[0].points) : 1,
        function (i) { return i.value + ' pts'; });
    }
  };
  draw.multiple = draw.single;

  function render(container, results, opts) {
    clear(container);
    if (!results || !draw[results.kind]) { return; }
    container.appendChild(voters(results));
    container.appendChild(draw[results.kind](results, opts));
  }

  window.Results = { render: render };
})();
