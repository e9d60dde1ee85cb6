// The RACI matrix on the facilitator's console: the settled letters beside the
// room's proposals, the checks, settling, the history with undo, and adapting
// roles and activities. Kept apart from raci.js so phones never download it.
// Every cell post carries the version the facilitator saw: when someone else
// changed the cell meanwhile, the server answers 409 with the newer value, which
// is shown here so the facilitator decides again.
import { lang, t } from './texts.js';
import { clear, el, path, typedLimit } from './dom.js';

var LETTERS = ['', 'R', 'A', 'C', 'I'];
var CHECKS = {
  no_accountable: 'console.raci.check.no_accountable', several_accountable: 'console.raci.check.several_accountable',
  no_responsible: 'console.raci.check.no_responsible', too_many_a: 'console.raci.check.too_many_a',
  idle_role: 'console.raci.check.idle_role'
};

function button(label, cls, onClick) {
  var b = el('button', cls, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function named(list, id) {
  var x = list.filter(function (i) { return i.id === id; })[0];
  return x ? x.name : '?';
}

export function consoleView(box, state, ctx) {
  var p = state.picture, step = state.step;
  var base = '/facilitate/' + ctx.workshop + '/steps/' + step.id + '/raci';
  var structure = null, selects = {}, conflicts = {};
  var root = el('div', 'raci-console');
  box.appendChild(root);
  var tools = el('div', 'raci-tools'), statusLine = el('p', 'raci-settled'), settleBox = el('div', 'raci-settle');
  var tableWrap = el('div', 'raci-table-wrap'), checks = el('div', 'raci-checks');
  var history = el('details', 'raci-history'), layout = el('details', 'raci-layout');
  [tools, statusLine, tableWrap, checks, settleBox, history, layout].forEach(function (n) { root.appendChild(n); });
  draw();

  function send(where, body) {
    return ctx.post(base + where, body).then(function (res) { return res || { ok: false }; });
  }

  function form(fields) {
    return Object.keys(fields).map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(fields[k]); }).join('&');
  }

  function cellOf(a, r) {
    var c = p.cells.filter(function (x) { return x.activity === a && x.role === r; })[0];
    return c || { activity: a, role: r, letter: null, version: 0 };
  }

  function draw() {
    if (!p) { return; }
    var key = JSON.stringify([p.roles, p.activities.map(function (a) { return [a.id, a.name, a.open]; })]);
    if (key !== structure) {
      structure = key;
      buildTools();
      buildTable();
      buildLayout();
    }
    updateTable();
    drawChecks();
    drawSettlement();
    drawHistory();
  }

  function buildTools() {
    clear(tools);
    var open = el('label', 'raci-open');
    open.appendChild(el('span', null, t('console.raci.open_label')));
    var pick = el('select');
    pick.appendChild(new Option(t('console.raci.open_all'), 'all'));
    pick.appendChild(new Option(t('console.raci.open_none'), 'none'));
    p.activities.forEach(function (a) { pick.appendChild(new Option(t('console.raci.open_only', a.name), String(a.id))); });
    var all = p.activities.every(function (a) { return a.open; });
    var opened = p.activities.filter(function (a) { return a.open; });
    pick.value = all ? 'all' : opened.length === 1 ? String(opened[0].id) : 'none';
    pick.addEventListener('change', function () { send('/open', form({ activities: pick.value })); });
    open.appendChild(pick);
    tools.appendChild(open);
    tools.appendChild(button(t('console.raci.majority'), 'secondary', function () {
      if (window.confirm(t('console.raci.majority_confirm'))) { send('/majority', ''); }
    }));
    var csv = el('a', 'button secondary', t('console.raci.csv'));
    csv.href = path(base.replace(/\/raci$/, '/raci.csv'));
    var print = el('a', 'button secondary', t('console.raci.print'));
    print.href = path(base + '/print');
    print.target = '_blank';
    print.rel = 'noopener';
    tools.appendChild(csv);
    tools.appendChild(print);
  }

  function buildTable() {
    clear(tableWrap);
    selects = {};
    var table = el('table', 'raci-matrix');
    var tr = el('tr');
    tr.appendChild(el('th', 'activity', t('console.raci.activity')));
    p.roles.forEach(function (r) { tr.appendChild(el('th', 'role', r.name)); });
    var head = el('thead');
    head.appendChild(tr);
    table.appendChild(head);
    var body = el('tbody');
    p.activities.forEach(function (a) {
      var row = el('tr');
      row.setAttribute('data-activity', String(a.id));
      var name = el('th', 'activity');
      name.appendChild(el('span', 'name', a.name));
      name.appendChild(el('span', 'room'));
      row.appendChild(name);
      p.roles.forEach(function (r) {
        var td = el('td', 'cell');
        var s = el('select');
        s.setAttribute('aria-label', a.name + ' · ' + r.name);
        s.setAttribute('data-role', String(r.id));
        LETTERS.forEach(function (l) { s.appendChild(new Option(l || '–', l)); });
        s.addEventListener('change', function () { setCell(a.id, r.id, s); });
        td.appendChild(s);
        row.appendChild(td);
        selects[a.id + ':' + r.id] = s;
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    tableWrap.appendChild(table);
    tableWrap.appendChild(el('p', 'raci-legend-console', t('console.raci.legend')));
  }

  function setCell(a, r, s) {
    var k = a + ':' + r, seen = conflicts[k] ? conflicts[k].version : cellOf(a, r).version;
    s.disabled = true;
    send('/cells', form({ activity: a, role: r, letter: s.value, version: seen })).then(function (res) {
      s.disabled = false;
      delete conflicts[k];
      if (res.conflict) {
        // The newer value is what the cell shows now; the facilitator chooses again from there.
        conflicts[k] = res.conflict;
        s.value = res.conflict.letter || '';
        s.parentNode.classList.add('is-conflict');
        s.parentNode.title = res.error;
      } else {
        s.parentNode.classList.remove('is-conflict');
        s.parentNode.title = '';
      }
      updateTable();
    });
  }

  function updateTable() {
    var settled = p.settlement && p.settlement.settled;
    p.activities.forEach(function (a) {
      var row = tableWrap.querySelector('tr[data-activity="' + a.id + '"]');
      if (!row) { return; }
      row.classList.toggle('is-split', a.split);
      row.classList.toggle('is-gap', a.gap);
      row.querySelector('.room').textContent = room(a);
      p.roles.forEach(function (r) {
        var s = selects[a.id + ':' + r.id], c = cellOf(a.id, r.id), k = a.id + ':' + r.id;
        if (conflicts[k] && c.version > conflicts[k].version) { delete conflicts[k]; }
        if (document.activeElement !== s && !conflicts[k]) { s.value = c.letter || ''; }
        s.disabled = settled;
        var td = s.parentNode;
        td.className = 'cell' + (c.letter ? ' letter-' + c.letter : '') + (conflicts[k] ? ' is-conflict' : '')
          + (a.majorityA === r.id ? ' room-a' : '') + (a.majorityR.indexOf(r.id) >= 0 ? ' room-r' : '');
      });
    });
  }

  // The room's view of one activity, in a few words: its majority for A, its Rs, and the flags.
  function room(a) {
    if (!a.proposers) { return a.open ? t('console.raci.room_waiting') : t('console.raci.room_not_open'); }
    var parts = [t('console.raci.room_people', a.proposers)];
    if (a.majorityA !== null) { parts.push(t('console.raci.room_a', named(p.roles, a.majorityA), a.a[String(a.majorityA)] || 0)); }
    if (a.majorityR.length) { parts.push(t('console.raci.room_r', a.majorityR.map(function (id) { return named(p.roles, id); }).join(', '))); }
    if (a.split) { parts.push(t('raci.flag_split')); }
    if (a.gap) { parts.push(t('raci.flag_gap')); }
    return parts.join(' · ');
  }

  function drawChecks() {
    clear(checks);
    checks.appendChild(el('h4', null, t('console.raci.checks')));
    if (!p.checks.length) { checks.appendChild(el('p', 'raci-ok', t('console.raci.all_pass'))); return; }
    var list = el('ul');
    p.checks.forEach(function (c) {
      var subject = c.activity !== undefined ? named(p.activities, c.activity) : named(p.roles, c.role);
      list.appendChild(el('li', 'raci-finding', t(CHECKS[c.code], subject, c.count)));
    });
    checks.appendChild(list);
  }

  function drawSettlement() {
    var s = p.settlement;
    statusLine.textContent = !s.settled ? t('console.raci.not_settled')
      : s.reason ? t('console.raci.settled_anyway', s.by, new Date(s.at).toLocaleString(lang), s.reason)
        : t('console.raci.settled', s.by, new Date(s.at).toLocaleString(lang));
    statusLine.className = 'raci-settled' + (s.settled ? ' is-settled' : '');
    var want = s.settled ? 'reopen' : p.checks.length ? 'anyway' : 'settle';
    if (settleBox.getAttribute('data-mode') === want) { return; }
    settleBox.setAttribute('data-mode', want);
    clear(settleBox);
    if (want === 'reopen') { settleBox.appendChild(button(t('console.raci.reopen'), 'secondary', function () { send('/reopen', ''); })); return; }
    if (want === 'settle') { settleBox.appendChild(button(t('console.raci.settle'), null, function () { send('/settle', ''); })); return; }
    var reason = el('textarea');
    typedLimit(reason, 300);
    reason.rows = 2;
    reason.placeholder = t('console.raci.reason_placeholder');
    var label = el('label', 'field');
    label.appendChild(el('span', null, t('console.raci.reason_label')));
    label.appendChild(reason);
    settleBox.appendChild(label);
    settleBox.appendChild(button(t('console.raci.settle_anyway'), 'danger', function () {
      send('/settle', form({ anyway: 'true', reason: reason.value }));
    }));
  }

  function drawHistory() {
    var wasOpen = history.open;
    clear(history);
    history.open = wasOpen;
    history.appendChild(el('summary', null, t('console.raci.history', p.historyCount)));
    if (!p.history.length) { history.appendChild(el('p', 'muted', t('console.raci.no_history'))); return; }
    var list = el('ol', 'raci-changes');
    p.history.forEach(function (h) {
      var li = el('li');
      var when = new Date(h.at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
      li.appendChild(el('span', null, t(h.kind === 'undo' ? 'console.raci.change_undo' : h.kind === 'majority'
        ? 'console.raci.change_majority' : 'console.raci.change_set', when, h.by, named(p.activities, h.activity),
        named(p.roles, h.role), h.from || '–', h.to || '–')));
      if (!h.undone && h.kind !== 'undo' && !p.settlement.settled) {
        li.appendChild(button(t('console.raci.undo'), 'link', function () { send('/undo', form({ change: h.id })); }));
      }
      list.appendChild(li);
    });
    history.appendChild(list);
  }

  // Adapting the rows and columns: rename in place, move, remove what nothing uses, add.
  function buildLayout() {
    var wasOpen = layout.open;
    clear(layout);
    layout.open = wasOpen;
    layout.appendChild(el('summary', null, t('console.raci.adapt')));
    layout.appendChild(items(t('console.raci.roles'), p.roles, '/roles', 40));
    layout.appendChild(items(t('console.raci.activities'), p.activities, '/activities', 80));
  }

  function items(title, list, where, max) {
    var box = el('div', 'raci-items');
    box.appendChild(el('h4', null, title));
    var ol = el('ol');
    list.forEach(function (item, i) {
      var li = el('li');
      var name = el('input');
      name.type = 'text';
      name.value = item.name;
      typedLimit(name, max);
      name.setAttribute('aria-label', title + ' ' + (i + 1));
      name.addEventListener('change', function () { send(where + '/' + item.id, form({ action: 'rename', name: name.value })); });
      li.appendChild(name);
      li.appendChild(button('↑', 'secondary small', function () { send(where + '/' + item.id, 'action=up'); }));
      li.appendChild(button('↓', 'secondary small', function () { send(where + '/' + item.id, 'action=down'); }));
      var remove = button(t('console.raci.remove'), 'secondary small', function () { send(where + '/' + item.id, 'action=remove'); });
      remove.disabled = item.inUse;
      if (item.inUse) { remove.title = t('console.raci.in_use'); }
      li.appendChild(remove);
      ol.appendChild(li);
    });
    box.appendChild(ol);
    var add = el('form', 'raci-add');
    var input = el('input');
    input.type = 'text';
    typedLimit(input, max);
    input.placeholder = t('console.raci.add_placeholder');
    add.appendChild(input);
    var b = el('button', 'secondary', t('console.raci.add'));
    b.type = 'submit';
    add.appendChild(b);
    add.addEventListener('submit', function (e) {
      e.preventDefault();
      send(where, form({ name: input.value })).then(function (res) { if (res.ok) { input.value = ''; } });
    });
    box.appendChild(add);
    return box;
  }

  return {
    picture: function (next, s) {
      if (next) { p = next; }
      if (s) { step = s.step; }
      draw();
    }
  };
}
