// The agenda editor: the steps as a list (reorder by drag and drop or by the move buttons), one step's
// fields in a form, and one Save. The server checks an edit by the rules of the content files and of a
// begun workshop; each problem comes back at its field and is shown there. Nothing is saved until Save.
import { t, kindLabel } from './texts.js';
import { el, clear, path } from './dom.js';
import { FIELDS, fieldsOf, newStep, freshId } from './agenda-fields.js';

const root = document.getElementById('editor');
const csrf = document.querySelector('meta[name=csrf]').content;
const list = document.getElementById('step-list');
const form = document.getElementById('step-form');
const status = document.getElementById('save-status');
const data = JSON.parse(document.getElementById('agenda-data').textContent);

let version = data.version;
let steps = data.steps;
let selected = Math.min(data.current || 0, steps.length - 1);
let dirty = false;
let lastDeleted = null;
let topProblems = [];

function minutes(duration) {
  const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration || '');
  return m ? (Number(m[1] || 0) + Number(m[2] || 0) / 60) : 0;
}

function clock(totalMinutes) {
  const whole = Math.round(totalMinutes);
  return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
}

function changed() {
  dirty = true;
  say(t('console.agenda.unsaved'));
}

function say(text) { status.textContent = text; }

// ---- the list ----

function renderList() {
  clear(list);
  let start = 0;
  steps.forEach(function (step, i) {
    list.appendChild(item(step, i, start));
    start += minutes(step.duration);
  });
  document.getElementById('agenda-summary').textContent =
    t('console.agenda.summary', steps.length, Math.round(start));
}

function item(step, i, start) {
  const li = el('li', 'step-item');
  li.dataset.index = i;
  const fixed = step.reached;
  li.draggable = !fixed;
  if (i === selected) { li.classList.add('selected'); }
  if (step._problems && step._problems.length) { li.classList.add('has-problems'); }
  const pick = el('button', 'pick');
  pick.type = 'button';
  if (i === selected) { pick.setAttribute('aria-current', 'true'); }
  pick.appendChild(el('span', 'pick-title', (i + 1) + '. ' + (step.title || t('console.agenda.untitled'))));
  const meta = [kindLabel(step.kind), t('console.agenda.minutes', Math.round(minutes(step.duration) * 10) / 10),
    t('console.agenda.starts', clock(start))];
  if (step.begun) { meta.push(t('console.agenda.begun')); }
  pick.appendChild(el('span', 'pick-meta', meta.join(' · ')));
  if (step._problems && step._problems.length) {
    pick.appendChild(el('span', 'pick-problem', t('console.agenda.step_problems', step._problems.length)));
  }
  pick.addEventListener('click', function () { select(i); focusForm(); });
  li.appendChild(pick);
  const tools = el('span', 'step-tools');
  tools.appendChild(tool('↑', t('console.agenda.move_up', step.title), fixed || i === 0 || steps[i - 1].reached,
    function () { move(i, i - 1, 'up'); }, 'up'));
  tools.appendChild(tool('↓', t('console.agenda.move_down', step.title), fixed || i === steps.length - 1,
    function () { move(i, i + 1, 'down'); }, 'down'));
  tools.appendChild(tool(t('console.agenda.duplicate'), t('console.agenda.duplicate_step', step.title), false,
    function () { duplicate(i); }, 'copy'));
  tools.appendChild(tool(t('console.agenda.delete'), t('console.agenda.delete_step', step.title),
    step.begun || fixed || steps.length === 1, function () { remove(i); }, 'delete'));
  li.appendChild(tools);
  dragging(li, i);
  return li;
}

function tool(text, label, disabled, action, name) {
  const b = el('button', 'secondary tool tool-' + name, text);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.title = label;
  b.disabled = disabled;
  b.addEventListener('click', action);
  return b;
}

function dragging(li, i) {
  li.addEventListener('dragstart', function (e) {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', String(i));
    li.classList.add('dragging');
  });
  li.addEventListener('dragend', function () { li.classList.remove('dragging'); });
  li.addEventListener('dragover', function (e) {
    if (steps[i].reached) { return; }
    e.preventDefault();
    li.classList.add('drop-here');
  });
  li.addEventListener('dragleave', function () { li.classList.remove('drop-here'); });
  li.addEventListener('drop', function (e) {
    e.preventDefault();
    li.classList.remove('drop-here');
    const from = Number(e.dataTransfer.getData('text/plain'));
    if (!Number.isNaN(from) && from !== i) { move(from, i); }
  });
}

// ---- what the buttons do ----

function move(from, to, focusTool) {
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step);
  if (selected === from) { selected = to; } else if (selected > from && selected <= to) { selected--; }
  else if (selected < from && selected >= to) { selected++; }
  changed();
  render();
  say(t('console.agenda.moved', step.title, to + 1));
  if (focusTool) {
    const again = list.querySelector('li[data-index="' + to + '"] .tool-' + focusTool);
    (again && !again.disabled ? again : list.querySelector('li[data-index="' + to + '"] .pick')).focus();
  }
}

function duplicate(i) {
  const copy = JSON.parse(JSON.stringify(steps[i]));
  delete copy.ref; delete copy.begun; delete copy.reached; delete copy._problems;
  copy.id = freshId(steps, copy.kind);
  copy.title = t('console.agenda.copy_of', copy.title);
  steps.splice(i + 1, 0, copy);
  selected = i + 1;
  changed();
  render();
  list.querySelector('li[data-index="' + (i + 1) + '"] .pick').focus();
}

function remove(i) {
  lastDeleted = { step: steps[i], at: i };
  steps.splice(i, 1);
  selected = Math.min(selected, steps.length - 1);
  changed();
  render();
  toast(t('console.agenda.deleted', lastDeleted.step.title), true);
  list.querySelector('li[data-index="' + Math.min(i, steps.length - 1) + '"] .pick').focus();
}

function undo() {
  if (!lastDeleted) { return; }
  steps.splice(lastDeleted.at, 0, lastDeleted.step);
  selected = lastDeleted.at;
  lastDeleted = null;
  changed();
  render();
  toast(t('console.agenda.restored'), false);
  list.querySelector('li[data-index="' + selected + '"] .pick').focus();
}

function add() {
  const kind = document.getElementById('add-kind').value;
  const at = steps.length ? selected + 1 : 0;
  steps.splice(at, 0, newStep(kind, steps));
  selected = at;
  changed();
  render();
  focusForm();
}

function toast(text, canUndo) {
  const box = document.getElementById('toast');
  document.getElementById('toast-text').textContent = text;
  document.getElementById('undo').classList.toggle('hidden', !canUndo);
  box.classList.remove('hidden');
  clearTimeout(box._hide);
  box._hide = setTimeout(function () { box.classList.add('hidden'); }, canUndo ? 15000 : 4000);
}

function select(i) {
  selected = i;
  render();
}

function focusForm() {
  const first = form.querySelector('input, select, textarea');
  if (first) { first.focus(); }
}

// ---- the form of the selected step ----

function renderForm() {
  clear(form);
  const step = steps[selected];
  const heading = document.getElementById('form-heading');
  heading.textContent = step ? t('console.agenda.editing', selected + 1, kindLabel(step.kind)) : '';
  const box = document.getElementById('step-problems');
  const own = step && step._problems ? step._problems.filter(function (p) { return !p.field; }) : [];
  box.classList.toggle('hidden', own.length === 0);
  clear(box);
  own.forEach(function (p) { box.appendChild(el('p', null, p.message)); });
  if (!step) { return; }
  form.appendChild(previewRow(step));
  form.appendChild(kindField(step));
  fieldsOf(step.kind).forEach(function (name) { form.appendChild(field(step, name)); });
}

// ---- the preview: the step as it was last saved, as a phone and as the projector show it ----

function previewRow(step) {
  const row = el('div', 'preview-row');
  if (step.ref === undefined) {
    row.appendChild(el('p', 'muted', t('console.agenda.preview_new')));
    return row;
  }
  [['phone', 'console.agenda.preview_phone'], ['projector', 'console.agenda.preview_projector']].forEach(function (v) {
    const b = el('button', 'secondary preview-' + v[0], t(v[1]));
    b.type = 'button';
    b.addEventListener('click', function () { openPreview(step, v[0]); });
    row.appendChild(b);
  });
  if (dirty) { row.appendChild(el('p', 'muted small', t('console.agenda.preview_unsaved'))); }
  return row;
}

// The frame is drawn at the viewer's own size (390x844, 1920x1080) and scaled to fit the dialog.
const SIZES = { phone: [390, 844], projector: [1920, 1080] };
const TITLES = { phone: 'console.agenda.preview_title_phone', projector: 'console.agenda.preview_title_projector' };

function openPreview(step, viewer) {
  const dialog = document.getElementById('preview');
  const frame = document.getElementById('preview-frame');
  const box = document.getElementById('preview-box');
  const size = SIZES[viewer];
  const scale = Math.min(1, (window.innerWidth * 0.9) / size[0], (window.innerHeight * 0.78) / size[1]);
  const title = t(TITLES[viewer], step.title);
  document.getElementById('preview-title').textContent = title;
  frame.title = title;
  frame.style.width = size[0] + 'px';
  frame.style.height = size[1] + 'px';
  frame.style.transform = 'scale(' + scale + ')';
  box.style.width = Math.round(size[0] * scale) + 'px';
  box.style.height = Math.round(size[1] * scale) + 'px';
  frame.src = path('/facilitate/' + root.dataset.id + '/preview/' + step.ref + '/' + viewer);
  dialog.showModal();
}

function closePreview() {
  const dialog = document.getElementById('preview');
  dialog.close();
  document.getElementById('preview-frame').src = 'about:blank';
}

function kindField(step) {
  const wrap = el('div', 'field');
  const label = el('label', null, t('console.agenda.field.kind'));
  label.htmlFor = 'f-kind';
  const select = el('select');
  select.id = 'f-kind';
  Object.keys(FIELDS).forEach(function (k) {
    const o = el('option', null, kindLabel(k));
    o.value = k;
    o.selected = k === step.kind;
    select.appendChild(o);
  });
  select.disabled = !!step.begun;
  select.addEventListener('change', function () {
    const fresh = newStep(select.value, steps);
    ['title', 'body', 'notes', 'duration', 'id', 'ref'].forEach(function (k) {
      if (step[k] !== undefined) { fresh[k] = step[k]; }
    });
    if (step.question && fieldsOf(fresh.kind).indexOf('question') >= 0) { fresh.question = step.question; }
    steps[selected] = fresh;
    changed();
    render();
    document.getElementById('f-kind').focus();
  });
  wrap.appendChild(label);
  wrap.appendChild(select);
  if (step.begun) { wrap.appendChild(el('small', null, t('console.agenda.begun_hint'))); }
  addProblems(wrap, step, 'kind', select);
  return wrap;
}

function field(step, name) {
  const def = FIELDS.__types[name];
  const wrap = el('div', def.type === 'flag' ? 'field flag' : 'field');
  const id = 'f-' + name;
  const label = el('label', null, t('console.agenda.field.' + name));
  label.htmlFor = id;
  let input;
  if (def.type === 'long' || def.type === 'list') {
    input = el('textarea');
    input.rows = def.type === 'list' ? 5 : 4;
    input.value = def.type === 'list' ? (step[name] || []).join('\n') : (step[name] || '');
  } else if (def.type === 'flag') {
    input = el('input');
    input.type = 'checkbox';
    input.checked = !!step[name];
  } else {
    input = el('input');
    input.type = def.type === 'text' ? 'text' : 'number';
    if (def.type === 'minutes') {
      input.min = '0'; input.max = '60'; input.step = '0.5';
      input.value = String(Math.round(minutes(step.duration) * 100) / 100);
    } else {
      if (def.type === 'number') { input.step = 'any'; }
      input.value = step[name] === undefined || step[name] === null ? '' : String(step[name]);
    }
  }
  input.id = id;
  input.name = name;
  input.addEventListener(def.type === 'flag' ? 'change' : 'input', function () {
    write(step, name, def.type, input);
    if (step._problems) {
      step._problems = step._problems.filter(function (p) { return p.field !== name; });
    }
    changed();
    renderList();
  });
  if (def.type === 'flag') {
    wrap.appendChild(input);
    wrap.appendChild(label);
  } else {
    wrap.appendChild(label);
    wrap.appendChild(input);
  }
  const hint = t('console.agenda.hint.' + name);
  if (hint !== 'console.agenda.hint.' + name) { wrap.appendChild(hintNode(id, hint, input)); }
  if (step.begun && def.keepsPlaces) { wrap.appendChild(hintNode(id + '-begun', t('console.agenda.keeps_places'), input)); }
  addProblems(wrap, step, name, input);
  return wrap;
}

function hintNode(id, text, input) {
  const small = el('small', null, text);
  small.id = id + '-hint';
  describe(input, small.id);
  return small;
}

function describe(input, id) {
  input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + id).trim());
}

function addProblems(wrap, step, name, input) {
  const mine = (step._problems || []).filter(function (p) { return p.field === name; });
  mine.forEach(function (p, k) {
    const msg = el('p', 'field-problem', p.message);
    msg.id = 'problem-' + name + '-' + k;
    describe(input, msg.id);
    wrap.appendChild(msg);
  });
  if (mine.length) { input.setAttribute('aria-invalid', 'true'); wrap.classList.add('invalid'); }
}

function write(step, name, type, input) {
  if (type === 'list') {
    step[name] = input.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
  } else if (type === 'flag') {
    step[name] = input.checked;
  } else if (type === 'minutes') {
    const total = Math.round(Number(input.value || 0) * 60);
    const m = Math.floor(total / 60), s = total % 60;
    step.duration = (m ? m + 'm' : '') + (s || !m ? s + 's' : '');
  } else if (type === 'whole' || type === 'number') {
    if (input.value.trim() === '') { delete step[name]; } else { step[name] = Number(input.value); }
  } else if (input.value.trim() === '') {
    delete step[name];
  } else {
    step[name] = input.value;
  }
}

// ---- saving ----

function body() {
  return JSON.stringify({ version: version, steps: steps.map(function (s) {
    const out = {};
    Object.keys(s).forEach(function (k) {
      if (k !== 'begun' && k !== 'reached' && k.charAt(0) !== '_' && !(k === 'hideResults' && !s[k])) { out[k] = s[k]; }
    });
    return out;
  }) });
}

let saving = false;

function save() {
  // Ctrl+S while a save is on its way would send the version that save is about to replace.
  if (saving) { return; }
  saving = true;
  const button = document.getElementById('save');
  button.disabled = true;
  say(t('console.agenda.saving'));
  fetch(path('/facilitate/' + root.dataset.id + '/agenda'), {
    method: 'POST', credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: body()
  }).then(function (r) {
    return r.json().then(function (res) { return { status: r.status, res: res }; },
      function () { return { status: r.status, res: { ok: false, error: t('console.server_answered', String(r.status)) } }; });
  }).then(function (answer) {
    saving = false;
    button.disabled = false;
    const res = answer.res;
    if (res.ok) {
      version = res.version;
      steps = res.steps;
      dirty = false;
      topProblems = [];
      render();
      say(t('console.agenda.saved'));
    } else if (res.problems) {
      showProblems(res.problems);
    } else {
      topProblems = [res.error || t('console.did_not_work')];
      render();
      say(res.error || t('console.did_not_work'));
      if (res.stale) { offerReload(); }
    }
  }).catch(function () {
    saving = false;
    button.disabled = false;
    say(t('console.agenda.not_sent'));
  });
}

function showProblems(problems) {
  steps.forEach(function (s) { s._problems = []; });
  topProblems = [];
  let first = null;
  problems.forEach(function (p) {
    const m = /^steps\[(\d+)\](?:\.([A-Za-z]+))?/.exec(p.path);
    if (m && steps[Number(m[1])]) {
      steps[Number(m[1])]._problems.push({ field: m[2] || '', message: p.message });
      if (first === null) { first = Number(m[1]); }
    } else {
      topProblems.push(p.message);
    }
  });
  if (first !== null) { selected = first; }
  render();
  say(t('console.agenda.not_saved', problems.length));
  const invalid = form.querySelector('[aria-invalid=true]');
  if (invalid) { invalid.focus(); }
}

function offerReload() {
  const box = document.getElementById('top-problems');
  const again = el('button', 'secondary', t('console.agenda.reload'));
  again.type = 'button';
  again.addEventListener('click', function () { dirty = false; location.reload(); });
  box.appendChild(again);
}

function render() {
  renderList();
  renderForm();
  const box = document.getElementById('top-problems');
  clear(box);
  topProblems.forEach(function (text) { box.appendChild(el('p', null, text)); });
  box.classList.toggle('hidden', topProblems.length === 0);
}

document.getElementById('save').addEventListener('click', save);
document.getElementById('add-step').addEventListener('click', add);
document.getElementById('undo').addEventListener('click', undo);
document.getElementById('preview-close').addEventListener('click', closePreview);
document.getElementById('preview').addEventListener('close', function () {
  document.getElementById('preview-frame').src = 'about:blank';
  const back = form.querySelector('.preview-row button');
  if (back) { back.focus(); }
});
document.addEventListener('keydown', function (e) {
  if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); save(); }
});
window.addEventListener('beforeunload', function (e) {
  if (dirty) { e.preventDefault(); e.returnValue = ''; }
});
render();
say(t('console.agenda.saved'));
