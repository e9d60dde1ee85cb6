// Questions from the room, on the phone, whatever the step: a panel opened from the phone bar to ask
// (anonymously or by name) and to upvote the room's questions. Every question and vote goes through
// the phone's outbox, as answers do.
import { t } from './texts.js';
import { clear, el, typedLimit, voteButton, statusLine } from './dom.js';
import { statusText } from './outbox.js';
import { pagedList, voteRow } from './pages.js';

const MAX = 280;

// `room`: the page's LiveRoom; `outbox`: the phone's one outbox.
export function questionsPanel(room, outbox) {
  const panel = document.getElementById('questions');
  const toggle = document.getElementById('ask-toggle');
  const main = document.getElementById('phone');
  if (!panel || !toggle) { return; }
  let shared = { list: [], needsApproval: false }, mine = { voted: [], asked: [] };
  let textarea, named, namedLabel, setStatus, approvalNote, ownList, list, countNode;
  build();
  draw();

  room.on('state', (msg) => {
    // An ended workshop takes no more questions.
    const ended = msg.workshop.state === 'closed';
    toggle.classList.toggle('hidden', ended);
    if (ended) { open(false); }
    if (msg.questions) { shared = msg.questions; }
    if (msg.questionsMine) { mine = msg.questionsMine; }
    draw();
  });
  room.on('questions', (msg) => { shared = msg.questions; draw(); });
  room.on('questionsPage', (msg) => list.page(msg.list));
  // The facilitator acted on one of this person's questions.
  room.on('questionsMine', (msg) => { mine = msg.questionsMine; draw(); });
  outbox.listen((slot, status, message, reply) => {
    if (slot.indexOf('ask:') === 0 || slot.indexOf('up:') === 0) { sent(slot, status, message, reply); }
  });

  function build() {
    toggle.addEventListener('click', () => open(panel.classList.contains('hidden')));
    const head = el('div', 'questions-head');
    head.appendChild(el('h1', null, t('questions.heading')));
    const back = el('button', 'secondary', t('questions.back'));
    back.type = 'button';
    back.addEventListener('click', () => open(false));
    head.appendChild(back);
    panel.appendChild(head);
    const form = el('form', 'question-form');
    const label = el('label', 'field');
    label.appendChild(el('span', null, t('questions.your_question')));
    textarea = el('textarea');
    typedLimit(textarea, MAX);
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
    const submit = el('button', null, t('questions.send'));
    submit.type = 'submit';
    form.appendChild(submit);
    setStatus = statusLine(form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = textarea.value.trim();
      if (!text) { setStatus(t('questions.write_first'), 'bad'); return; }
      // Each question its own slot: a second one asked offline never replaces the first.
      const status = outbox.send('ask:' + Date.now(), { type: 'question', text: text, anonymous: !named.checked });
      textarea.value = '';
      setStatus(statusText(status), 'wait');
    });
    panel.appendChild(form);
    ownList = el('ul', 'own-questions');
    panel.appendChild(ownList);
    panel.appendChild(el('h2', null, t('questions.from_the_room')));
    list = pagedList(panel, {
      listClass: 'question-list', empty: t('questions.none_yet'), row: row, fill: fill,
      ask: (from) => room.send({ type: 'questionsMore', id: 'more-' + Date.now(), from: from }),
      moreText: (n) => t('questions.more', n)
    });
    countNode = el('span', 'count');
    toggle.appendChild(countNode);
  }

  function open(yes) {
    panel.classList.toggle('hidden', !yes);
    main.classList.toggle('hidden', yes);
    toggle.setAttribute('aria-expanded', yes ? 'true' : 'false');
    if (yes) { window.scrollTo(0, 0); }
  }

  function voted(id) {
    const waiting = outbox.pending('up:' + id);
    return waiting ? waiting.up : mine.voted.indexOf(id) >= 0;
  }

  function draw() {
    const total = shared.total === undefined ? shared.list.length : shared.total;
    countNode.textContent = total ? String(total) : '';
    approvalNote.classList.toggle('hidden', !shared.needsApproval);
    namedLabel.classList.toggle('hidden', !mine.name);
    if (mine.name) { namedLabel.lastChild.textContent = t('questions.ask_as', mine.name); }
    clear(ownList);
    mine.asked.forEach((q) => {
      // Approved since: it is in the room's list now.
      const shown = shared.list.some((x) => x.id === q.id);
      if (q.status === 'visible' || shown) { return; }
      const li = el('li');
      li.appendChild(el('span', null, q.text));
      li.appendChild(el('span', 'muted', q.status === 'pending' ? t('questions.waiting') : t('questions.not_shown')));
      ownList.appendChild(li);
    });
    list.show(shared.list, shared.total);
  }

  function row() {
    return voteRow((q) => {
      const now = !voted(q.id);
      q.votes += now ? 1 : -1;
      outbox.send('up:' + q.id, { type: 'upvote', question: q.id, up: now });
      draw();
    });
  }

  function fill(li, q) {
    li.className = q.answered ? 'is-answered' : '';
    let who = q.name || t('questions.anonymous');
    if (q.answered) { who += ' · ' + t('questions.answered'); }
    if (q.pinned) { who += ' · ' + t('questions.on_projector'); }
    li.firstChild.firstChild.textContent = q.text;
    li.firstChild.lastChild.textContent = who;
    voteButton(li.lastChild, voted(q.id), q.votes);
  }

  function sent(slot, status, message, reply) {
    const asking = slot.indexOf('ask:') === 0;
    if (status === 'replaced') { return; }
    if (status !== 'saved' && status !== 'refused') {
      if (asking) { setStatus(statusText(status), 'wait'); }
      return;
    }
    if (asking && status === 'saved') {
      mine.asked = mine.asked.filter((q) => q.id !== reply.asked.id).concat([reply.asked]);
      setStatus(reply.asked.status === 'pending' ? t('questions.sent_for_approval') : t('questions.sent'), 'ok');
    } else if (asking) {
      // Refused: the words go back into the box, so nothing typed is lost.
      if (!textarea.value) { textarea.value = message.text; }
      setStatus(reply.message, 'bad');
    } else if (status === 'saved') {
      mine.voted = mine.voted.filter((id) => id !== reply.question);
      if (reply.up) { mine.voted.push(reply.question); }
      list.counted(reply.question, reply.votes);
    } else {
      setStatus(reply.message, 'bad');
    }
    draw();
  }
}
