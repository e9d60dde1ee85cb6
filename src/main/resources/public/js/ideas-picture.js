// The ideas and commitments steps on the projector and the console. The
// projector shows the room's ideas by votes and the commitments made; the
// console adds what the facilitator does: hide and merge ideas, turn ideas
// into commitments, move a commitment along.
import { lang, num, t } from './texts.js';
import { clear, el, typedLimit } from './dom.js';

var STATUSES = ['planned', 'in_progress', 'done', 'dropped'];
var STATUS = { planned: t('commitments.status.planned'), in_progress: t('commitments.status.in_progress'),
  done: t('commitments.status.done'), dropped: t('commitments.status.dropped') };

function date(iso) {
  var d = new Date(iso + 'T12:00:00');
  return isNaN(d) ? iso : d.toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

function head(stage, s) {
  stage.appendChild(el('p', 'kicker', s.title));
  if (s.exercise && s.exercise.prompt) { stage.appendChild(el('h1', 'question', s.exercise.prompt)); }
}

// One row a standing idea, most voted first, its bar against the most voted.
function ideaRows(list, p, extra) {
  clear(list);
  var most = 1;
  p.ideas.forEach(function (i) { most = Math.max(most, i.votes); });
  p.ideas.forEach(function (i) {
    var li = el('li', 'idea-row' + (i.hidden ? ' is-hidden' : ''));
    var words = el('div', 'idea-words');
    words.appendChild(el('span', 'idea-text', i.text));
    if (i.merged.length) { words.appendChild(el('span', 'idea-merged', t('ideas.merged', i.merged.length))); }
    li.appendChild(words);
    li.appendChild(el('span', 'idea-votes', '▲ ' + num(i.votes)));
    var track = el('span', 'bar-track');
    var fill = el('span', 'bar-fill');
    fill.style.setProperty('--v', Math.round(100 * i.votes / most) + '%');
    track.appendChild(fill);
    li.appendChild(track);
    if (extra) { extra(li, i); }
    list.appendChild(li);
  });
}

function ideasScreen(stage, state) {
  head(stage, state.step);
  var note = el('p', 'screen-note');
  var list = el('ul', 'wall idea-wall');
  stage.appendChild(list);
  stage.appendChild(note);
  function draw(p) {
    p = p || { ideas: [] };
    ideaRows(list, p);
    note.textContent = p.ideas.length ? t('ideas.count', p.ideas.length) : t('ideas.send_from_phone');
  }
  draw(state.picture);
  return { picture: draw };
}

function ideasConsole(box, state, tools) {
  var s = state.step;
  var list = el('ul', 'idea-console');
  box.appendChild(list);
  function action(id, body) { tools.post('/facilitate/' + tools.workshop + '/steps/' + s.id + '/ideas/' + id, body); }
  function draw(p) {
    p = p || { ideas: [] };
    if (!p.ideas.length) { clear(list).appendChild(el('li', 'muted', t('console.no_ideas'))); return; }
    ideaRows(list, p, function (li, idea) {
      var tools = el('div', 'row-tools');
      var hide = el('button', 'secondary', idea.hidden ? t('console.show_idea') : t('console.hide_idea'));
      hide.type = 'button';
      hide.addEventListener('click', function () { action(idea.id, 'action=' + (idea.hidden ? 'show' : 'hide')); });
      tools.appendChild(hide);
      var others = p.ideas.filter(function (o) { return o.id !== idea.id && !o.hidden; });
      if (others.length) {
        var pick = el('select');
        pick.setAttribute('aria-label', t('console.merge_into'));
        pick.appendChild(el('option', null, t('console.merge_into')));
        pick.firstChild.value = '';
        others.forEach(function (o) { var opt = el('option', null, o.text); opt.value = String(o.id); pick.appendChild(opt); });
        pick.addEventListener('change', function () {
          if (pick.value) { action(idea.id, 'action=merge&into=' + encodeURIComponent(pick.value)); }
        });
        tools.appendChild(pick);
      }
      li.appendChild(tools);
    });
  }
  draw(state.picture);
  return { picture: function (p) { draw(p); }, note: t('console.ideas_on_projector') };
}

function commitmentRows(list, p, extra) {
  clear(list);
  p.commitments.forEach(function (c) {
    var li = el('li', 'commitment status-' + c.status);
    li.appendChild(el('p', 'c-action', c.action));
    li.appendChild(el('p', 'c-meta', t('commitments.who_when', c.role, date(c.due)) + ' · ' + STATUS[c.status]));
    if (c.volunteers.length) { li.appendChild(el('p', 'volunteers', t('commitments.volunteers', c.volunteers.join(', ')))); }
    if (extra) { extra(li, c); }
    list.appendChild(li);
  });
}

function commitmentsScreen(stage, state) {
  head(stage, state.step);
  var list = el('ul', 'commitment-wall');
  var note = el('p', 'screen-note');
  stage.appendChild(list);
  stage.appendChild(note);
  function draw(p) {
    p = p || { commitments: [] };
    commitmentRows(list, p);
    note.textContent = p.commitments.length ? t('commitments.take_on_from_phone') : t('commitments.coming');
  }
  draw(state.picture);
  return { picture: draw };
}

function commitmentsConsole(box, state, tools) {
  var base = '/facilitate/' + tools.workshop + '/commitments';
  var form = el('form', 'commitment-form');
  var ideaPick = el('select');
  ideaPick.name = 'idea';
  var action = input('action', 'text', t('console.commitment_action'));
  typedLimit(action, 200);
  var role = input('role', 'text', t('console.commitment_role'));
  typedLimit(role, 80);
  var roles = el('datalist');
  roles.id = 'commitment-roles';
  role.setAttribute('list', roles.id);
  var due = input('due', 'date', t('console.commitment_due'));
  form.appendChild(field(t('console.commitment_from_idea'), ideaPick));
  form.appendChild(field(t('console.commitment_action'), action));
  form.appendChild(field(t('console.commitment_role'), role));
  form.appendChild(roles);
  form.appendChild(field(t('console.commitment_due'), due));
  var add = el('button', null, t('console.commitment_add'));
  add.type = 'submit';
  form.appendChild(add);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    tools.post(base, new URLSearchParams(new FormData(form)).toString()).then(function (res) {
      if (res && res.ok) { action.value = ''; ideaPick.value = ''; }
    });
  });
  box.appendChild(form);
  var list = el('ul', 'commitment-console');
  box.appendChild(list);

  function input(name, type, label) {
    var i = el('input');
    i.name = name;
    i.type = type;
    i.setAttribute('aria-label', label);
    return i;
  }
  function field(label, control) {
    var f = el('label', 'field');
    f.appendChild(el('span', null, label));
    f.appendChild(control);
    return f;
  }
  function draw(p) {
    p = p || { commitments: [], ideas: [], roles: [] };
    var chosen = ideaPick.value;
    clear(ideaPick);
    var none = el('option', null, t('console.commitment_no_idea'));
    none.value = '';
    ideaPick.appendChild(none);
    (p.ideas || []).forEach(function (i) {
      var o = el('option', null, (i.committed ? '✓ ' : '') + i.text + ' (▲ ' + num(i.votes) + ')');
      o.value = String(i.id);
      ideaPick.appendChild(o);
    });
    ideaPick.value = chosen;
    clear(roles);
    (p.roles || []).forEach(function (r) { var o = el('option'); o.value = r; roles.appendChild(o); });
    if (!p.commitments.length) { clear(list).appendChild(el('li', 'muted', t('console.no_commitments'))); return; }
    commitmentRows(list, p, function (li, c) {
      var pick = el('select');
      pick.setAttribute('aria-label', t('console.commitment_status'));
      STATUSES.forEach(function (st) { var o = el('option', null, STATUS[st]); o.value = st; pick.appendChild(o); });
      pick.value = c.status;
      pick.addEventListener('change', function () {
        tools.post(base + '/' + c.id, 'status=' + encodeURIComponent(pick.value));
      });
      li.appendChild(pick);
    });
  }
  draw(state.picture);
  return { picture: function (p) { draw(p); }, note: t('console.commitments_on_projector') };
}

export { ideasScreen as ideasProjector, ideasConsole, commitmentsScreen as commitmentsProjector, commitmentsConsole };
