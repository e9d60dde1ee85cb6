// The profile-linking exercise on a phone: one network at a time, saved as the
// person goes. Every change that makes a complete answer is sent through the
// page's outbox, which keeps it until the server acknowledges it, so a locked
// screen or a lost Wi-Fi never loses it. Answers are private to this phone.
import { t } from './texts.js';
import { clear, el, typedLimit } from './dom.js';
import * as V from './profiles-vocabulary.js';
import { statusText } from './outbox.js';

var PRESENCE = V.PRESENCE, LADDER = V.LADDER, OBSTACLES = V.OBSTACLES, HELPS = V.HELPS, LABEL = V.LABEL;
var counter = 0;

function phone(root, api, mine) {
  var step = api.state().step;
  var networks = step.exercise.networks || [];
  var saved = (mine && mine.answers) || {};
  var joinedName = mine && mine.name ? mine.name : '';
  var POS_KEY = 'ts-profiles-pos-' + step.id;
  var index = startIndex();
  var draft = null, statusNode = null, body = null, textTimer = null;

  var head = el('div', 'profiles-head');
  head.appendChild(el('h1', null, step.title));
  if (step.body) { head.appendChild(el('p', 'poll-body', step.body)); }
  head.appendChild(el('p', 'privacy-note', t('profiles.private_note', step.exercise.threshold || 3)));
  root.appendChild(head);
  var tabs = el('nav', 'network-tabs');
  tabs.setAttribute('aria-label', t('profiles.networks_nav'));
  root.appendChild(tabs);
  body = el('div', 'profile-form');
  root.appendChild(body);
  show();

  function slot(network) { return 'net:' + network; }

  function startIndex() {
    var kept = parseInt(sessionStorage.getItem(POS_KEY) || '', 10);
    if (kept >= 0 && kept <= networks.length) { return kept; }
    for (var i = 0; i < networks.length; i++) { if (!saved[networks[i]]) { return i; } }
    return networks.length;
  }

  // The answer being edited: what waits in the outbox, else what the server holds, else blank.
  function draftFor(network) {
    var waiting = api.pending(slot(network));
    var base = waiting ? waiting.answer : saved[network];
    return {
      profile: base ? base.profile : null,
      ladder: base && base.ladder !== undefined ? base.ladder : null,
      obstacles: base && base.obstacles ? base.obstacles.slice() : [],
      obstacleOther: base && base.obstacleOther ? base.obstacleOther : '',
      helps: base && base.helps ? base.helps.slice() : [],
      helpOther: base && base.helpOther ? base.helpOther : '',
      ambassador: !!(base && base.ambassador),
      ambassadorName: base && base.ambassadorName ? base.ambassadorName : ''
    };
  }

  function drawTabs() {
    clear(tabs);
    networks.forEach(function (network, i) {
      var b = el('button', 'network-tab' + (i === index ? ' is-current' : '') + (saved[network] ? ' is-done' : ''));
      b.type = 'button';
      b.appendChild(el('span', null, network));
      if (saved[network]) { b.appendChild(el('span', 'visually-hidden', ' · ' + t('profiles.answered'))); }
      if (i === index) { b.setAttribute('aria-current', 'step'); }
      b.addEventListener('click', function () { go(i); });
      tabs.appendChild(b);
    });
    var done = el('button', 'network-tab summary-tab' + (index === networks.length ? ' is-current' : ''), t('profiles.summary_tab'));
    done.type = 'button';
    done.addEventListener('click', function () { go(networks.length); });
    tabs.appendChild(done);
  }

  function go(i) {
    flushText();
    index = Math.max(0, Math.min(networks.length, i));
    sessionStorage.setItem(POS_KEY, String(index));
    show();
    root.scrollIntoView({ block: 'start' });
  }

  function show() {
    drawTabs();
    clear(body);
    statusNode = null;
    if (step.pollState === 'pending') { body.appendChild(el('p', 'waiting', t('profiles.opens_soon'))); return; }
    if (index >= networks.length || step.pollState !== 'open') { summary(); return; }
    var network = networks[index];
    draft = draftFor(network);
    body.appendChild(el('p', 'kicker', t('profiles.network_of', index + 1, networks.length)));
    body.appendChild(el('h2', 'network-name', network));
    var ladderBox = el('div'), ambassadorBox = el('div');
    body.appendChild(radios(t('profiles.ask_presence', network), PRESENCE, LABEL.presence, draft.profile, function (v) {
      draft.profile = v;
      if (v !== 'yes') { draft.ladder = null; draft.ambassador = false; }
      ladderBox.classList.toggle('hidden', v !== 'yes');
      ambassadorBox.classList.toggle('hidden', v !== 'yes');
      changed();
    }));
    ladderBox.appendChild(radios(t('profiles.ask_ladder'), LADDER.map(function (k, i) { return i; }),
      LADDER.map(function (k) { return LABEL.ladder[k]; }), draft.ladder, function (v) { draft.ladder = v; changed(); }, true));
    ladderBox.classList.toggle('hidden', draft.profile !== 'yes');
    body.appendChild(ladderBox);
    body.appendChild(checks(t('profiles.ask_obstacles'), OBSTACLES, LABEL.obstacle, 'obstacles', 'obstacleOther'));
    body.appendChild(checks(t('profiles.ask_helps'), HELPS, LABEL.help, 'helps', 'helpOther'));
    ambassador(ambassadorBox, network);
    ambassadorBox.classList.toggle('hidden', draft.profile !== 'yes');
    body.appendChild(ambassadorBox);
    statusNode = el('p', 'status');
    statusNode.setAttribute('role', 'status');
    statusNode.setAttribute('aria-live', 'polite');
    body.appendChild(statusNode);
    describe(network);
    var nav = el('div', 'send-row profile-nav');
    var prev = el('button', 'secondary', t('profiles.previous'));
    prev.type = 'button';
    prev.disabled = index === 0;
    prev.addEventListener('click', function () { go(index - 1); });
    var next = el('button', null, index === networks.length - 1 ? t('profiles.finish') : t('profiles.next'));
    next.type = 'button';
    next.addEventListener('click', function () { go(index + 1); });
    nav.appendChild(prev);
    nav.appendChild(next);
    body.appendChild(nav);
  }

  function group(legend) {
    var fs = el('fieldset', 'profile-q');
    fs.appendChild(el('legend', null, legend));
    return fs;
  }

  function radios(legend, values, labels, selected, onPick, indexed) {
    var fs = group(legend), list = el('div', 'choices');
    var name = 'p' + (++counter);
    values.forEach(function (value, i) {
      var row = el('label', 'choice' + (selected === value ? ' is-selected' : ''));
      var input = el('input');
      input.type = 'radio';
      input.name = name;
      input.checked = selected === value;
      input.addEventListener('change', function () {
        list.querySelectorAll('.choice').forEach(function (c) { c.classList.remove('is-selected'); });
        row.classList.add('is-selected');
        onPick(value);
      });
      row.appendChild(input);
      row.appendChild(el('span', null, indexed ? labels[i] : labels[value]));
      list.appendChild(row);
    });
    fs.appendChild(list);
    return fs;
  }

  function checks(legend, keys, labels, field, otherField) {
    var fs = group(legend), list = el('div', 'choices');
    var other = el('input', 'other-text');
    other.type = 'text';
    typedLimit(other, 80);
    other.value = draft[otherField];
    other.setAttribute('aria-label', t('profiles.other_words'));
    other.placeholder = t('profiles.other_words');
    keys.forEach(function (key) {
      var on = draft[field].indexOf(key) >= 0;
      var row = el('label', 'choice' + (on ? ' is-selected' : ''));
      var input = el('input');
      input.type = 'checkbox';
      input.checked = on;
      input.addEventListener('change', function () {
        var list2 = draft[field].filter(function (k) { return k !== key; });
        if (input.checked) { list2.push(key); }
        draft[field] = keys.filter(function (k) { return list2.indexOf(k) >= 0; });
        row.classList.toggle('is-selected', input.checked);
        if (key === 'other') {
          other.classList.toggle('hidden', !input.checked);
          if (!input.checked) { draft[otherField] = ''; other.value = ''; }
        }
        changed();
      });
      row.appendChild(input);
      row.appendChild(el('span', null, labels[key]));
      list.appendChild(row);
    });
    other.classList.toggle('hidden', draft[field].indexOf('other') < 0);
    other.addEventListener('input', function () { draft[otherField] = other.value; typed(); });
    other.addEventListener('change', flushText);
    fs.appendChild(list);
    fs.appendChild(other);
    return fs;
  }

  function ambassador(box, network) {
    var row = el('label', 'choice' + (draft.ambassador ? ' is-selected' : ''));
    var input = el('input');
    input.type = 'checkbox';
    input.checked = draft.ambassador;
    var name = el('input', 'other-text');
    name.type = 'text';
    typedLimit(name, 40);
    name.value = draft.ambassadorName || joinedName;
    name.setAttribute('aria-label', t('profiles.ambassador_name'));
    name.placeholder = t('profiles.ambassador_name');
    name.classList.toggle('hidden', !draft.ambassador);
    input.addEventListener('change', function () {
      draft.ambassador = input.checked;
      draft.ambassadorName = input.checked ? name.value.trim() : '';
      row.classList.toggle('is-selected', input.checked);
      name.classList.toggle('hidden', !input.checked);
      if (input.checked && !name.value.trim()) { name.focus(); }
      changed();
    });
    name.addEventListener('input', function () { draft.ambassadorName = name.value; typed(); });
    name.addEventListener('change', flushText);
    row.appendChild(input);
    row.appendChild(el('span', null, t('profiles.ambassador_offer', network)));
    var fs = group(t('profiles.ambassador_legend'));
    fs.appendChild(el('p', 'hint', t('profiles.ambassador_hint')));
    fs.appendChild(row);
    fs.appendChild(name);
    box.appendChild(fs);
  }

  // Typing waits for a pause, so that each word is not a message of its own.
  function typed() {
    clearTimeout(textTimer);
    textTimer = setTimeout(changed, 800);
  }

  function flushText() {
    if (textTimer) { clearTimeout(textTimer); textTimer = null; changed(); }
  }

  function complete() {
    return draft.profile && (draft.profile !== 'yes' || draft.ladder !== null)
      && !(draft.ambassador && !draft.ambassadorName.trim());
  }

  function changed() {
    textTimer = null;
    var network = networks[index];
    if (!draft || !network) { return; }
    if (!complete()) {
      setStatus(!draft.profile ? '' : draft.ambassador && !draft.ambassadorName.trim()
        ? t('profiles.give_name') : t('profiles.choose_ladder'), 'wait');
      return;
    }
    var answer = {
      profile: draft.profile, ladder: draft.profile === 'yes' ? draft.ladder : null,
      obstacles: draft.obstacles, obstacleOther: draft.obstacleOther.trim(),
      helps: draft.helps, helpOther: draft.helpOther.trim(),
      ambassador: draft.ambassador, ambassadorName: draft.ambassador ? draft.ambassadorName.trim() : ''
    };
    setStatus(statusText(api.send(slot(network), { type: 'profile', network: network, answer: answer })), 'wait');
  }

  function describe(network) {
    if (api.pending(slot(network))) { setStatus(statusText(api.status(slot(network))), 'wait'); } else if (saved[network]) { setStatus(t('profiles.saved'), 'ok'); }
  }

  function setStatus(text, kind) {
    if (!statusNode) { return; }
    statusNode.textContent = text;
    statusNode.className = 'status ' + (kind || '');
  }

  function summary() {
    var open = step.pollState === 'open';
    body.appendChild(el('h2', null, open ? t('profiles.summary_heading') : t('profiles.closed_heading')));
    body.appendChild(el('p', 'hint', open ? t('profiles.summary_hint') : t('profiles.closed_hint')));
    var list = el('ul', 'profile-summary');
    networks.forEach(function (network, i) {
      var a = saved[network], waiting = api.pending(slot(network));
      var li = el('li', a ? 'is-done' : '');
      li.appendChild(el('strong', null, network));
      var what = !a ? (waiting ? t('not_sent_yet') : t('profiles.not_answered'))
        : a.profile === 'yes' ? LABEL.ladder[LADDER[a.ladder]] : LABEL.presence[a.profile];
      li.appendChild(el('span', 'muted', what));
      if (open) {
        var change = el('button', 'secondary', a ? t('profiles.change') : t('profiles.answer_now'));
        change.type = 'button';
        change.setAttribute('aria-label', (a ? t('profiles.change') : t('profiles.answer_now')) + ': ' + network);
        change.addEventListener('click', function () { go(i); });
        li.appendChild(change);
      }
      list.appendChild(li);
    });
    body.appendChild(list);
  }

  return {
    update: function (fresh) {
      saved = (fresh && fresh.answers) || {};
      if (fresh && fresh.name) { joinedName = fresh.name; }
      drawTabs();
      if (index >= networks.length) { clear(body); summary(); }
    },
    // What became of a network's answer: still on its way (and how), saved, or refused.
    sent: function (slotName, status, reply) {
      var network = slotName.slice(4);
      if (reply && reply.type === 'ack') { saved[network] = reply.value; drawTabs(); }
      if (network !== networks[index] || status === 'replaced') { return; }
      if (status === 'saved') { setStatus(t('profiles.saved'), 'ok'); } else if (status === 'refused') { setStatus(reply.message, 'bad'); } else { setStatus(statusText(status), 'wait'); }
    }
  };
}

export { phone };
