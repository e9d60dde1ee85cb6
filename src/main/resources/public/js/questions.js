// Questions from the room, on the phone, whatever the step: a panel opened from
// the phone bar to ask (anonymously or by name) and to upvote the room's
// questions. Like answers, every question and vote waits in localStorage until
// the server acknowledges it, and is sent again after a reconnect.
(function () {
  'use strict';
  var L = window.Live, el = L.el, t = L.t;
  var panel = document.getElementById('questions');
  var toggle = document.getElementById('ask-toggle');
  var main = document.getElementById('phone');
  if (!panel || !toggle) { return; }
  var BOX = 'ts-qbox-' + main.dataset.code;
  var MAX = 280;
  var socket = null, room = { list: [], needsApproval: false }, mine = { voted: [], asked: [] };
  var textarea, named, namedLabel, statusNode, approvalNote, ownList, list, countNode;

  function box() {
    try { return JSON.parse(localStorage.getItem(BOX) || '{}') || {}; } catch (e) { return {}; }
  }

  function save(b) {
    if (Object.keys(b).length) { localStorage.setItem(BOX, JSON.stringify(b)); } else { localStorage.removeItem(BOX); }
  }

  function send(slot, msg) {
    var b = box();
    msg.id = 'q' + Math.random().toString(36).slice(2) + Date.now().toString(36);
    b[slot] = msg;
    save(b);
    return socket && socket.send(msg);
  }

  function flush() {
    var b = box();
    Object.keys(b).forEach(function (slot) { socket.send(b[slot]); });
  }

  function build() {
    toggle.addEventListener('click', function () { open(panel.classList.contains('hidden')); });
    var head = el('div', 'questions-head');
    head.appendChild(el('h1', null, t('questions.heading')));
    var back = el('button', 'secondary', t('questions.back'));
    back.type = 'button';
    back.addEventListener('click', function () { open(false); });
    head.appendChild(back);
    panel.appendChild(head);
    var form = el('form', 'question-form');
    var label = el('label', 'field');
    label.appendChild(el('span', null, t('questions.your_question')));
    textarea = el('textarea');
    textarea.maxLength = MAX;
    textarea.rows = 3;
    textarea.name = 'question';
    label.appendChild(textarea);
    form.appendChild(label);
    namedLabel = el('label', 'choice compact hidden');
    named = el('input');
    named.type = 'checkbox';
    namedLabel.appendChild(named);
    namedLabel.appendChild(el('span'));
    form.appendChild(namedLabel);
    approvalNote = el('p', 'hint hidden', t('questions.approval_note'));
    form.appendChild(approvalNote);
    var submit = el('button', null, t('questions.send'));
    submit.type = 'submit';
    form.appendChild(submit);
    statusNode = el('p', 'status');
    statusNode.setAttribute('role', 'status');
    form.appendChild(statusNode);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = textarea.value.trim();
      if (!text) { setStatus(t('questions.write_first'), 'bad'); return; }
      var sent = send('ask', { type: 'question', text: text, anonymous: !named.checked });
      textarea.value = '';
      setStatus(sent ? t('sending') : t('not_sent_yet'), 'wait');
    });
    panel.appendChild(form);
    ownList = el('ul', 'own-questions');
    panel.appendChild(ownList);
    panel.appendChild(el('h2', null, t('questions.from_the_room')));
    list = el('ul', 'question-list');
    panel.appendChild(list);
    countNode = el('span', 'count');
    toggle.appendChild(countNode);
  }

  function open(yes) {
    panel.classList.toggle('hidden', !yes);
    main.classList.toggle('hidden', yes);
    toggle.setAttribute('aria-expanded', yes ? 'true' : 'false');
    if (yes) { window.scrollTo(0, 0); }
  }

  function setStatus(text, kind) {
    statusNode.textContent = text;
    statusNode.className = 'status ' + (kind || '');
  }

  function voted(id) {
    var waiting = box()['up:' + id];
    return waiting ? waiting.up : mine.voted.indexOf(id) >= 0;
  }

  function draw() {
    countNode.textContent = room.list.length ? String(room.list.length) : '';
    approvalNote.classList.toggle('hidden', !room.needsApproval);
    namedLabel.classList.toggle('hidden', !mine.name);
    if (mine.name) { namedLabel.lastChild.textContent = t('questions.ask_as', mine.name); }
    L.clear(ownList);
    mine.asked.forEach(function (q) {
      // Approved since the last snapshot: it is in the room's list now.
      var shown = room.list.some(function (x) { return x.id === q.id; });
      if (q.status === 'visible' || shown) { return; }
      var li = el('li');
      li.appendChild(el('span', null, q.text));
      li.appendChild(el('span', 'muted', q.status === 'pending' ? t('questions.waiting') : t('questions.not_shown')));
      ownList.appendChild(li);
    });
    keyed(list, room.list, t('questions.none_yet'), function () {
      var li = el('li');
      var words = el('div', 'q-words');
      words.appendChild(el('p', 'q-text'));
      words.appendChild(el('p', 'muted'));
      li.appendChild(words);
      var up = el('button');
      up.type = 'button';
      up.addEventListener('click', function () {
        var q = li._item, now = !voted(q.id);
        q.votes += now ? 1 : -1;
        send('up:' + q.id, { type: 'upvote', question: q.id, up: now });
        draw();
      });
      li.appendChild(up);
      return li;
    }, function (li, q) {
      li.className = q.answered ? 'is-answered' : '';
      var who = q.name || t('questions.anonymous');
      if (q.answered) { who += ' · ' + t('questions.answered'); }
      if (q.pinned) { who += ' · ' + t('questions.on_projector'); }
      li.firstChild.firstChild.textContent = q.text;
      li.firstChild.lastChild.textContent = who;
      voteButton(li.lastChild, voted(q.id), q.votes);
    });
  }

  function voteButton(b, on, votes) {
    b.className = 'upvote' + (on ? '' : ' secondary');
    b.textContent = '▲ ' + L.num(votes);
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
    b.setAttribute('aria-label', t('questions.upvote', votes));
  }

  // Lists that change ten times a second in a busy room keep their rows (a row
  // per id, updated in place) so that a thumb on a button never loses it.
  function keyed(list, items, empty, build, refresh) {
    var rows = list._rows || {}, next = {};
    if (!items.length) { L.clear(list).appendChild(el('li', 'muted', empty)); list._rows = {}; return; }
    if (list.firstChild && !list.firstChild._item) { list.removeChild(list.firstChild); }
    items.forEach(function (item, i) {
      var row = rows[item.id] || build();
      row._item = item;
      refresh(row, item);
      next[item.id] = row;
      if (list.children[i] !== row) { list.insertBefore(row, list.children[i] || null); }
    });
    Object.keys(rows).forEach(function (k) { if (!next[k] && rows[k].parentNode === list) { list.removeChild(rows[k]); } });
    list._rows = next;
  }

  function reply(slot, msg) {
    var b = box(), retry = msg.type === 'error' && (msg.code === 'not_saved' || msg.code === 'busy');
    var sent = b[slot];
    if (retry) { setTimeout(flush, 2000); return; }
    delete b[slot];
    save(b);
    if (slot === 'ask') {
      if (msg.type === 'ack') {
        mine.asked = mine.asked.filter(function (q) { return q.id !== msg.asked.id; }).concat([msg.asked]);
        setStatus(msg.asked.status === 'pending' ? t('questions.sent_for_approval') : t('questions.sent'), 'ok');
      } else {
        if (!textarea.value) { textarea.value = sent.text; }
        setStatus(msg.message, 'bad');
      }
    } else if (msg.type === 'ack') {
      mine.voted = mine.voted.filter(function (id) { return id !== msg.question; });
      if (msg.up) { mine.voted.push(msg.question); }
    } else {
      setStatus(msg.message, 'bad');
    }
    draw();
  }

  window.KeyedList = { keyed: keyed, voteButton: voteButton };

  window.PhoneQuestions = {
    init: function (s) { socket = s; build(); draw(); },
    // Takes the messages meant for questions; a state snapshot is also the page's.
    message: function (msg) {
      if (msg.type === 'state') {
        // An ended workshop takes no more questions.
        var ended = msg.workshop.state === 'closed';
        toggle.classList.toggle('hidden', ended);
        if (ended) { open(false); }
        if (msg.questions) { room = msg.questions; }
        if (msg.questionsMine) { mine = msg.questionsMine; }
        draw();
        flush();
        return false;
      }
      if (msg.type === 'questions') { room = msg.questions; draw(); return true; }
      if (msg.type !== 'ack' && msg.type !== 'error') { return false; }
      var b = box();
      var slot = Object.keys(b).filter(function (k) { return b[k].id === msg.id; })[0];
      if (slot !== undefined) { reply(slot, msg); }
      // A reply to a question or vote since replaced by a newer one is still ours.
      return slot !== undefined || String(msg.id || '').charAt(0) === 'q';
    }
  };
})();
