// The room's picture of the profile-linking exercise, for the projector and
// the console: counts only, as the server sends them, with the counts it
// hid (fewer than three people) drawn as hatched "fewer than 3" segments.
import { num, t } from './texts.js';
import { clear, el, path } from './dom.js';
import * as Results from './results.js';
import * as V from './profiles-vocabulary.js';

var SEGMENTS = ['l0', 'l1', 'l2', 'l3', 'l4', 'no', 'private', 'hidden'];

function legend() {
  var list = el('ul', 'stack-legend');
  SEGMENTS.forEach(function (seg) {
    var li = el('li');
    li.appendChild(el('span', 'swatch seg-' + seg));
    li.appendChild(el('span', null, segmentLabel(seg)));
    list.appendChild(li);
  });
  return list;
}

// The smallest count the picture being drawn shows (3 unless the facilitator raised it): its words say it.
var smallest = 3;

function segmentLabel(seg) {
  if (seg === 'no') { return t('profiles.no_profile'); }
  if (seg === 'private') { return V.LABEL.presence['private']; }
  if (seg === 'hidden') { return t('profiles.hidden_cells', smallest); }
  return V.LABEL.ladder[V.LADDER[Number(seg.slice(1))]];
}

// One network's row: the ladder of those with a profile, then no profile and
// rather not say, then whatever is hidden, all as shares of who answered.
function networkRow(n, full) {
  var li = el('li', 'net-row');
  var have = n.presence[0];
  var facts = t(n.answered === 1 ? 'profiles.answered_one' : 'profiles.answered_many', n.answered);
  if (full && n.answered > 0) { facts += ' · ' + (have === null ? t('profiles.have_hidden', smallest) : t('profiles.have_profile', have)); }
  var parts = [];
  n.ladder.forEach(function (c, i) { if (c) { parts.push({ seg: 'l' + i, count: c }); } });
  if (n.presence[1]) { parts.push({ seg: 'no', count: n.presence[1] }); }
  if (n.presence[2]) { parts.push({ seg: 'private', count: n.presence[2] }); }
  var shown = parts.reduce(function (sum, p) { return sum + p.count; }, 0);
  if (n.answered - shown > 0) { parts.push({ seg: 'hidden', count: n.answered - shown }); }
  var stack = el('div', 'stack');
  stack.setAttribute('role', 'img');
  stack.setAttribute('aria-label', n.network + ': ' + (parts.length ? parts.map(function (p) {
    return segmentLabel(p.seg) + ' ' + (p.seg === 'hidden' ? t('profiles.fewer_than', 3) : num(p.count));
  }).join(', ') : t('profiles.no_answers_yet')));
  parts.forEach(function (p) {
    var seg = el('span', 'seg seg-' + p.seg);
    seg.style.flexGrow = String(p.count);
    seg.appendChild(el('span', 'seg-count', p.seg === 'hidden' ? '<3' : num(p.count)));
    stack.appendChild(seg);
  });
  if (!parts.length) { stack.appendChild(el('span', 'seg seg-empty', t('profiles.no_answers_yet'))); }
  // Name, bar, count: in this order a projector's grid lines them up across networks.
  li.appendChild(el('span', 'net-name', n.network));
  li.appendChild(stack);
  li.appendChild(el('span', 'net-facts', facts));
  return li;
}

function ranked(title, items, labels, respondents, full) {
  var box = el('section', 'ranked');
  box.appendChild(el('h2', null, title));
  var shown = items.filter(function (i) { return i.count; });
  var hidden = items.filter(function (i) { return i.count === null; });
  box.appendChild(Results.bars(shown.slice(0, full ? 7 : 3).map(function (i) {
    return { label: labels[i.key], value: i.count };
  }), Math.max(1, respondents), function (i) { return num(i.value); }));
  if (!shown.length) { box.appendChild(el('p', 'muted', t('profiles.nothing_to_show', smallest))); }
  if (full && hidden.length) { box.appendChild(el('p', 'muted small', t('profiles.also_named', hidden.map(function (i) { return labels[i.key]; }).join(', '), smallest))); }
  return box;
}

// "Would go one step further if...": the obstacle and help people named together.
function pairs(cross, limit) {
  var out = [];
  cross.cells.forEach(function (row, o) {
    row.forEach(function (c, h) {
      if (c && cross.obstacles[o] !== 'other' && cross.helps[h] !== 'other') { out.push({ o: cross.obstacles[o], h: cross.helps[h], count: c }); }
    });
  });
  out.sort(function (a, b) { return b.count - a.count; });
  var box = el('section', 'pairs');
  box.appendChild(el('h2', null, t('profiles.further_if')));
  var list = el('ul', 'pair-list');
  out.slice(0, limit).forEach(function (p) {
    var li = el('li');
    var text = el('span', 'pair-text');
    text.appendChild(el('span', 'pair-o', V.LABEL.obstacle[p.o]));
    var arrow = el('span', 'pair-arrow', ' → ');
    arrow.setAttribute('aria-label', ' ' + t('profiles.would_help') + ' ');
    text.appendChild(arrow);
    text.appendChild(el('span', 'pair-h', V.LABEL.help[p.h]));
    li.appendChild(text);
    li.appendChild(el('strong', 'pair-n', num(p.count)));
    list.appendChild(li);
  });
  box.appendChild(out.length ? list : el('p', 'muted', t('profiles.nothing_to_show', smallest)));
  return box;
}

// The full crossing, for the console: every obstacle against every help.
function crossTable(cross) {
  // A table wider than its card scrolls; keyboard users reach it with Tab.
  var wrap = el('div', 'table-scroll');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', t('profiles.obstacle_vs_help'));
  var table = el('table', 'cross');
  var head = el('tr');
  head.appendChild(el('th', null, t('profiles.obstacle_vs_help')));
  cross.helps.forEach(function (h) { head.appendChild(el('th', null, V.LABEL.help[h])); });
  table.appendChild(el('thead')).appendChild(head);
  var body = table.appendChild(el('tbody'));
  cross.cells.forEach(function (row, o) {
    var tr = el('tr');
    tr.appendChild(el('th', null, V.LABEL.obstacle[cross.obstacles[o]]));
    row.forEach(function (c) { tr.appendChild(el('td', c === null ? 'is-hidden' : c ? '' : 'is-zero', c === null ? '<3' : num(c))); });
    body.appendChild(tr);
  });
  wrap.appendChild(table);
  return wrap;
}

function ambassadors(map) {
  var names = Object.keys(map || {});
  if (!names.length) { return null; }
  var box = el('section', 'ambassadors');
  box.appendChild(el('h2', null, t('profiles.ambassadors')));
  var list = el('ul');
  names.forEach(function (network) {
    var li = el('li');
    li.appendChild(el('strong', null, network + ': '));
    li.appendChild(el('span', null, map[network].join(', ')));
    list.appendChild(li);
  });
  box.appendChild(list);
  return box;
}

function draw(node, p, full) {
  clear(node);
  if (!p) { return; }
  smallest = p.threshold;
  node.appendChild(el('p', 'picture-meta', t(p.respondents === 1 ? 'profiles.respondents_one' : 'profiles.respondents_many', p.respondents)
    + ' · ' + t('profiles.threshold_note', p.threshold)));
  // The legend runs across the whole width, where even the Spanish labels fit in two lines.
  node.appendChild(legend());
  var grid = el('div', 'profiles-picture');
  var left = el('section', 'networks-col');
  var rows = el('ul', 'net-rows');
  p.networks.forEach(function (n) { rows.appendChild(networkRow(n, full)); });
  left.appendChild(rows);
  grid.appendChild(left);
  var right = el('div', 'reasons-col');
  right.appendChild(ranked(t('profiles.top_obstacles'), p.obstacles, V.LABEL.obstacle, p.respondents, full));
  right.appendChild(ranked(t('profiles.top_helps'), p.helps, V.LABEL.help, p.respondents, full));
  right.appendChild(pairs(p.cross, full ? 6 : 2));
  var amb = ambassadors(p.ambassadors);
  if (amb) { right.appendChild(amb); }
  grid.appendChild(right);
  node.appendChild(grid);
  if (full) { node.appendChild(crossTable(p.cross)); }
}

function screen(stage, state) {
  stage.appendChild(el('h1', 'picture-title', state.step.title));
  var box = el('div', 'profiles-screen screen-results');
  stage.appendChild(box);
  draw(box, state.picture, false);
  return { picture: function (p) { draw(box, p, false); } };
}

function consoleView(box, state, tools) {
  var s = state.step;
  var pictureBox = el('div', 'profiles-console');
  box.appendChild(pictureBox);
  var foot = el('div', 'exercise-tools');
  var csv = el('a', 'button secondary', t('console.profiles_csv'));
  csv.href = path('/facilitate/' + tools.workshop + '/steps/' + s.id + '/profiles.csv');
  foot.appendChild(csv);
  foot.appendChild(networksForm(tools, s));
  var limit = el('div', 'threshold-box');
  var shown = '';
  function drawLimit(step) {
    var now = step.pollState + '/' + step.exercise.threshold;
    if (now === shown) { return; }
    shown = now;
    clear(limit).appendChild(thresholdForm(tools, step));
  }
  drawLimit(s);
  foot.appendChild(limit);
  box.appendChild(foot);
  draw(pictureBox, state.picture, true);
  return {
    picture: function (p, st) {
      draw(pictureBox, p, true);
      if (st) { drawLimit(st.step); }
    }
  };
}

// The company's own channels join the defaults here; a network people answered for stays.
function networksForm(tools, s) {
  var details = el('details', 'networks-edit');
  details.appendChild(el('summary', null, t('console.profiles_adapt')));
  var form = el('form');
  var label = el('label', 'field');
  label.appendChild(el('span', null, t('console.profiles_networks')));
  var area = el('textarea');
  area.name = 'networks';
  area.rows = 8;
  area.value = (s.exercise.networks || []).join('\n');
  label.appendChild(area);
  label.appendChild(el('small', null, t('console.profiles_networks_hint')));
  form.appendChild(label);
  var save = el('button', null, t('console.profiles_save_networks'));
  save.type = 'submit';
  form.appendChild(save);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    tools.post('/facilitate/' + tools.workshop + '/steps/' + s.id + '/networks',
      new URLSearchParams({ networks: area.value }).toString());
  });
  details.appendChild(form);
  return details;
}

// A small company may want more than three people behind every count shown; once the room has seen
// the counts, it stays as it was.
function thresholdForm(tools, s) {
  var smallest = s.exercise.threshold || 3;
  if (s.pollState !== 'pending') {
    return el('p', 'muted', t('console.profiles_threshold_fixed', smallest));
  }
  var form = el('form', 'threshold-edit');
  var label = el('label', 'field');
  label.appendChild(el('span', null, t('console.profiles_threshold')));
  var input = el('input');
  input.type = 'number';
  input.name = 'threshold';
  input.min = '3';
  input.max = '10';
  input.step = '1';
  input.value = String(smallest);
  label.appendChild(input);
  label.appendChild(el('small', null, t('console.profiles_threshold_hint')));
  form.appendChild(label);
  var save = el('button', 'secondary', t('console.profiles_save_threshold'));
  save.type = 'submit';
  form.appendChild(save);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    tools.post('/facilitate/' + tools.workshop + '/steps/' + s.id + '/threshold',
      new URLSearchParams({ threshold: input.value }).toString());
  });
  return form;
}

export { screen as projector, consoleView };
