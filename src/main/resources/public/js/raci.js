// The RACI matrix on phones and on the projector. A phone proposes, for each
// activity the facilitator opened, who answers for it (A, one role) and who does
// the work (R, one or more); every tap is saved through the phone's outbox, so a
// proposal made offline goes out when the connection returns. The projector shows
// how the room's proposals spread over the roles. The console's part is in raci-console.js.
import { num, t } from './texts.js';
import { clear, el } from './dom.js';
import { statusText } from './outbox.js';

function slot(activityId) { return 'act:' + activityId; }

function roleName(roles, id) {
  var r = roles.filter(function (x) { return x.id === id; })[0];
  return r ? r.name : '?';
}

// ---- phone ----

export function phone(root, api, mine) {
  var step = api.state().step;
  var picture = api.state().picture || { roles: [], activities: [] };
  var saved = (mine && mine.proposals) || {};
  var cards = {};        // by activity id: { status, value }
  var openKey = null;
  var title = el('h1', 'question', step.title);
  root.appendChild(title);
  if (step.body) { root.appendChild(el('p', 'poll-body', step.body)); }
  var list = el('div', 'raci-phone');
  root.appendChild(list);
  draw();

  // What this phone holds for an activity: what waits in the outbox, else what the server stored.
  function current(id) {
    var p = api.pending(slot(id));
    if (p) { return { accountable: p.accountable, responsible: p.responsible.slice(), pending: true }; }
    var s = saved[String(id)];
    return s ? { accountable: s.accountable, responsible: s.responsible.slice() } : { accountable: null, responsible: [] };
  }

  function draw() {
    var open = picture.activities.filter(function (a) { return a.open; });
    var key = step.pollState + '|' + open.map(function (a) { return a.id; }).join(',') + '|'
      + picture.roles.map(function (r) { return r.id + r.name; }).join(',');
    if (key === openKey) { return; }
    openKey = key;
    clear(list);
    cards = {};
    if (step.pollState === 'pending') { list.appendChild(el('p', 'waiting', t('raci.opens_soon'))); return; }
    if (step.pollState === 'closed') { drawClosed(); return; }
    if (!open.length) { list.appendChild(el('p', 'waiting', t('raci.none_open'))); return; }
    open.forEach(function (a, i) { list.appendChild(card(a, i, open)); });
    // Unfold the first activity this phone has not proposed on yet (or the first one).
    var first = open.filter(function (a) { return !saved[String(a.id)] && !api.pending(slot(a.id)); })[0] || open[0];
    cards[first.id].box.open = true;
  }

  function drawClosed() {
    list.appendChild(el('p', 'notice', t('raci.closed')));
    var yours = el('ul', 'raci-mine');
    picture.activities.forEach(function (a) {
      var v = saved[String(a.id)];
      if (!v || (v.accountable === null && !v.responsible.length)) { return; }
      var li = el('li');
      li.appendChild(el('strong', null, a.name));
      li.appendChild(el('span', null, t('raci.your_a', v.accountable === null ? t('raci.nobody') : roleName(picture.roles, v.accountable))));
      li.appendChild(el('span', null, t('raci.your_r', v.responsible.length ? names(v.responsible) : t('raci.nobody'))));
      yours.appendChild(li);
    });
    if (yours.children.length) { list.appendChild(yours); } else { list.appendChild(el('p', 'muted', t('raci.nothing_proposed'))); }
  }

  // One activity: a summary line with what this phone proposed, unfolding to the role buttons.
  // Only one is unfolded at a time at first, so twelve activities stay a short page.
  function card(a, i, open) {
    var box = el('details', 'raci-card');
    box.setAttribute('data-activity', String(a.id));
    var value = current(a.id);
    var summary = el('summary');
    summary.appendChild(el('h2', null, a.name));
    var line = el('span', 'raci-summary');
    summary.appendChild(line);
    box.appendChild(summary);
    var status = el('p', 'status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    var c = cards[a.id] = { status: status, value: value, groups: [], line: line, box: box };
    box.appendChild(group(a, c, 'a', t('raci.accountable_question')));
    box.appendChild(group(a, c, 'r', t('raci.responsible_question')));
    box.appendChild(status);
    var next = open[i + 1];
    if (next) {
      box.appendChild(button(t('raci.next'), 'secondary raci-next', function () {
        box.open = false;
        cards[next.id].box.open = true;
        cards[next.id].box.scrollIntoView({ block: 'start' });
      }));
    }
    if (value.pending) { setStatus(c, statusText(api.status(slot(a.id))), 'wait'); }
    else if (saved[String(a.id)]) { setStatus(c, t('raci.saved'), 'ok'); }
    return box;
  }

  function button(label, cls, onClick) {
    var b = el('button', cls, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function describe(v) {
    if (v.accountable === null && !v.responsible.length) { return t('raci.not_yet'); }
    return t('raci.your_a', v.accountable === null ? t('raci.nobody') : roleName(picture.roles, v.accountable)) + ' · '
      + t('raci.your_r', v.responsible.length ? names(v.responsible) : t('raci.nobody'));
  }

  // Roles in the matrix's order, whatever order they were tapped in.
  function names(ids) {
    return picture.roles.filter(function (r) { return ids.indexOf(r.id) >= 0; }).map(function (r) { return r.name; }).join(', ');
  }

  // One group of role buttons: A allows one (a second tap clears it), R allows any number.
  function group(a, c, which, label) {
    var wrap = el('div', 'raci-group ' + which);
    wrap.appendChild(el('p', 'raci-group-label', label));
    var row = el('div', 'raci-roles');
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', a.name + ': ' + label);
    picture.roles.forEach(function (r) {
      var b = el('button', 'raci-role', r.name);
      b.type = 'button';
      b.setAttribute('data-role', String(r.id));
      b.addEventListener('click', function () {
        var v = c.value;
        if (which === 'a') { v.accountable = v.accountable === r.id ? null : r.id; }
        else {
          var i = v.responsible.indexOf(r.id);
          if (i >= 0) { v.responsible.splice(i, 1); } else { v.responsible.push(r.id); }
        }
        mark(c);
        var status = api.send(slot(a.id), { type: 'raci.propose', activity: a.id, accountable: v.accountable, responsible: v.responsible.slice() });
        setStatus(c, statusText(status), 'wait');
      });
      row.appendChild(b);
    });
    wrap.appendChild(row);
    c.groups.push({ which: which, row: row });
    mark(c);
    return wrap;
  }

  function mark(c) {
    if (c.line) { c.line.textContent = describe(c.value); }
    c.groups.forEach(function (g) {
      g.row.querySelectorAll('button').forEach(function (b) {
        var id = parseInt(b.getAttribute('data-role'), 10);
        var on = g.which === 'a' ? c.value.accountable === id : c.value.responsible.indexOf(id) >= 0;
        b.classList.toggle('is-selected', on);
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
      });
    });
  }

  function setStatus(c, text, kind) {
    c.status.textContent = text;
    c.status.className = 'status ' + (kind || '');
  }

  return {
    update: function (m) {
      saved = (m && m.proposals) || {};
      step = api.state().step;
      if (api.state().picture) { picture = api.state().picture; }
      draw();
    },
    picture: function (p) { picture = p; draw(); },
    // What became of a proposal: still on its way (and how), saved, or refused.
    sent: function (s, status, reply) {
      var id = parseInt(s.slice(4), 10), c = cards[id];
      if (reply && reply.type === 'ack') { saved[String(id)] = reply.value; }
      if (!c) { return; }
      if (status === 'saved') { setStatus(c, t('raci.saved'), 'ok'); return; }
      if (status === 'replaced') { return; }
      if (status !== 'refused') { setStatus(c, statusText(status), 'wait'); return; }
      // Refused: show what the server holds again, and why.
      c.value = current(id);
      mark(c);
      setStatus(c, reply.message, 'bad');
    }
  };
}

// ---- projector ----

export function projector(stage, state) {
  var head = el('div', 'raci-screen-head');
  head.appendChild(el('h1', null, state.step.title));
  var count = el('p', 'raci-count');
  head.appendChild(count);
  stage.appendChild(head);
  var table = el('table', 'raci-screen');
  stage.appendChild(table);
  if (state.picture) { draw(state.picture); }

  function draw(p) {
    count.textContent = t(p.respondents === 1 ? 'raci.people_one' : 'raci.people_many', p.respondents);
    clear(table);
    table.style.gridTemplateColumns = '1.2em minmax(5em, 1fr) repeat(' + p.roles.length + ', min-content)';
    var thead = el('thead'), tr = el('tr');
    tr.appendChild(el('th', 'flag'));
    // The legend sits in the corner the activity names leave free, so the rows get the height.
    tr.appendChild(el('th', 'activity raci-legend', t('raci.legend')));
    p.roles.forEach(function (r) { tr.appendChild(el('th', 'role', r.name)); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var body = el('tbody');
    p.activities.forEach(function (a) {
      var row = el('tr', a.open ? 'is-open' : 'is-shut');
      row.classList.toggle('is-split', a.split);
      row.classList.toggle('is-gap', a.gap);
      row.appendChild(el('td', 'flag', (a.split ? '≠' : '') + (a.gap ? '∅' : '')));
      row.appendChild(el('th', 'activity', a.name));
      p.roles.forEach(function (r) {
        var na = a.a[String(r.id)] || 0, nr = a.r[String(r.id)] || 0;
        var cell = el('td', 'cell' + (a.majorityA === r.id ? ' is-majority' : ''));
        if (na) { cell.appendChild(el('span', 'n-a', 'A' + num(na))); }
        if (nr) { cell.appendChild(el('span', 'n-r', 'R' + num(nr))); }
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
  }

  return { picture: draw };
}
