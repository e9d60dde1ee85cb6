// The ideas and commitments steps on a phone. Ideas: send short ones, upvote
// the room's (anonymous everywhere). Commitments: take one on, by name. Every
// message goes through the page's outbox, so nothing is lost to a bad Wi-Fi.
import { lang, num, t } from './texts.js';
import { clear, el, statusLine, typedLimit, voteButton } from './dom.js';
import { statusText } from './outbox.js';
import { pagedList, voteRow } from './pages.js';

var MAX_IDEA = 140;

function head(root, step) {
  root.appendChild(el('h1', null, step.title));
  if (step.body) { root.appendChild(el('p', 'poll-body', step.body)); }
  if (step.exercise && step.exercise.prompt) { root.appendChild(el('p', 'question', step.exercise.prompt)); }
}

function ideasPhone(root, api, mine) {
  var step = api.state().step, open = step.pollState === 'open';
  var picture = api.state().picture || { ideas: [] };
  var voted = (mine && mine.voted) || [], own = (mine && mine.own) || [];
  head(root, step);
  var textarea = null, setStatus;
  if (open) {
    var form = el('form', 'idea-form');
    textarea = el('textarea');
    typedLimit(textarea, MAX_IDEA);
    textarea.rows = 2;
    textarea.setAttribute('aria-label', t('ideas.your_idea'));
    textarea.placeholder = t('ideas.your_idea');
    form.appendChild(textarea);
    var send = el('button', null, t('ideas.send'));
    send.type = 'submit';
    form.appendChild(send);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = textarea.value.trim();
      if (!text) { setStatus(t('questions.write_first'), 'bad'); return; }
      var status = api.send('idea:' + Date.now(), { type: 'idea', text: text });
      textarea.value = '';
      setStatus(statusText(status), 'wait');
    });
    root.appendChild(form);
  } else {
    root.appendChild(el('p', 'notice', step.pollState === 'pending' ? t('poll_opens_soon') : t('ideas.closed')));
  }
  setStatus = statusLine(root);
  root.appendChild(el('h2', null, t('ideas.from_the_room')));
  var list = pagedList(root, {
    listClass: 'idea-list', empty: t('ideas.none_yet'), row: row, fill: fill,
    ask: function (from) { return api.ask({ type: 'ideasMore', id: 'more-' + Date.now(), step: step.id, from: from }); },
    moreText: function (n) { return t('ideas.more', num(n)); }
  });
  draw();

  function isVoted(id) {
    var waiting = api.pending('vote:' + id);
    return waiting ? waiting.up : voted.indexOf(id) >= 0;
  }

  function draw() { list.show(picture.ideas, picture.total); }

  function row() {
    return voteRow(open ? function (idea) {
      var now = !isVoted(idea.id);
      idea.votes += now ? 1 : -1;
      api.send('vote:' + idea.id, { type: 'idea_vote', idea: idea.id, up: now });
      draw();
    } : null);
  }

  function fill(li, idea) {
    li.firstChild.firstChild.textContent = idea.text;
    li.firstChild.lastChild.textContent = own.indexOf(idea.id) >= 0 ? t('ideas.yours') : '';
    if (open) { voteButton(li.lastChild, isVoted(idea.id), idea.votes); } else { li.lastChild.textContent = '▲ ' + num(idea.votes); }
  }

  return {
    picture: function (p) { picture = p; draw(); },
    // New and changed lines replace theirs, lines gone (hidden, merged) leave; the list keeps the server's order.
    changes: function (c) {
      var byId = {};
      picture.ideas.forEach(function (i) { byId[i.id] = i; });
      c.ideas.forEach(function (i) { byId[i.id] = i; });
      c.gone.forEach(function (id) { delete byId[id]; });
      var ideas = Object.keys(byId).map(function (k) { return byId[k]; });
      ideas.sort(function (a, b) { return b.votes - a.votes || a.id - b.id; });
      picture = { kind: picture.kind, respondents: c.respondents, total: c.total, ideas: ideas };
      draw();
      return picture;
    },
    page: function (p) { list.page(p.ideas); },
    update: function (fresh) { voted = (fresh && fresh.voted) || voted; own = (fresh && fresh.own) || own; draw(); },
    sent: function (slot, status, reply, message) {
      if (status === 'replaced') { return; }
      if (status !== 'saved' && status !== 'refused') { setStatus(statusText(status), 'wait'); return; }
      if (status === 'refused') {
        setStatus(reply.message, 'bad');
        // A refused idea goes back into the box, so its words are not lost.
        if (slot.indexOf('idea:') === 0 && textarea && !textarea.value) { textarea.value = message.text; }
        draw();
        return;
      }
      if (slot.indexOf('idea:') === 0) {
        own.push(reply.idea);
        setStatus(reply.held ? t('word_filter.saved_waiting') : t('ideas.sent'), 'ok');
      } else {
        voted = voted.filter(function (id) { return id !== reply.idea; });
        if (reply.up) { voted.push(reply.idea); }
        list.counted(reply.idea, reply.votes);
        setStatus('', '');
      }
      draw();
    }
  };
}

var STATUS = { planned: t('commitments.status.planned'), in_progress: t('commitments.status.in_progress'),
  done: t('commitments.status.done'), dropped: t('commitments.status.dropped') };

function date(iso) {
  var d = new Date(iso + 'T12:00:00');
  return isNaN(d) ? iso : d.toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

function commitmentsPhone(root, api, mine) {
  var step = api.state().step, open = step.pollState === 'open';
  var picture = api.state().picture || { commitments: [] };
  var taken = (mine && mine.volunteered) || [], name = mine && mine.name;
  head(root, step);
  var nameInput = null;
  if (open && !name) {
    var label = el('label', 'field');
    label.appendChild(el('span', null, t('commitments.your_name')));
    nameInput = el('input');
    nameInput.type = 'text';
    typedLimit(nameInput, 40);
    nameInput.autocomplete = 'name';
    label.appendChild(nameInput);
    root.appendChild(label);
  }
  var setStatus = statusLine(root);
  var list = el('ul', 'commitment-list');
  root.appendChild(list);
  draw();

  function isTaken(id) {
    var waiting = api.pending('take:' + id);
    return waiting ? waiting.on : taken.indexOf(id) >= 0;
  }

  function draw() {
    clear(list);
    if (!picture.commitments.length) { list.appendChild(el('li', 'muted', t('commitments.none_yet'))); }
    picture.commitments.forEach(function (c) {
      var li = el('li', 'commitment status-' + c.status);
      li.appendChild(el('p', 'q-text', c.action));
      li.appendChild(el('p', 'muted', t('commitments.who_when', c.role, date(c.due)) + ' · ' + STATUS[c.status]));
      if (c.volunteers.length) { li.appendChild(el('p', 'volunteers', t('commitments.volunteers', c.volunteers.join(', ')))); }
      var takes = c.status === 'planned' || c.status === 'in_progress';
      if (open && (takes || isTaken(c.id))) {
        var on = isTaken(c.id);
        var b = el('button', on ? 'secondary' : '', on ? t('commitments.step_back') : t('commitments.take_on'));
        b.type = 'button';
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        b.addEventListener('click', function () {
          var msg = { type: 'volunteer', commitment: c.id, on: !isTaken(c.id) };
          if (nameInput && nameInput.value.trim()) { msg.name = nameInput.value.trim(); }
          setStatus(statusText(api.send('take:' + c.id, msg)), 'wait');
          draw();
        });
        li.appendChild(b);
      }
      list.appendChild(li);
    });
  }

  return {
    picture: function (p) { picture = p; draw(); },
    update: function (fresh) { taken = (fresh && fresh.volunteered) || taken; draw(); },
    sent: function (slot, status, reply) {
      if (status === 'replaced') { return; }
      if (status !== 'saved' && status !== 'refused') { setStatus(statusText(status), 'wait'); return; }
      if (status === 'refused') { setStatus(reply.message, 'bad'); draw(); return; }
      taken = taken.filter(function (id) { return id !== reply.commitment; });
      if (reply.on) { taken.push(reply.commitment); }
      setStatus(reply.on ? t('commitments.taken') : t('commitments.stepped_back'), 'ok');
      draw();
    }
  };
}

export { ideasPhone, commitmentsPhone };
