// The quiz on every screen. Phones pick once, against the clock, and choose a nickname for the
// leaderboard or stay off it; when the time is up they learn whether they were right, their points
// and their place. The projector shows the question, then the right option and how the room picked,
// and the leaderboard when the facilitator shows it. Which option is right is never sent before.
import { num, t } from './texts.js';
import { clear, el, statusLine, typedLimit } from './dom.js';
import { statusText } from './outbox.js';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const MAX_NICKNAME = 20;

function kicker(picture) {
  return t('quiz.question_of', picture.number, picture.questions);
}

// The leaderboard as a list: place, nickname, points; equal points share a place.
function boardList(lines, finalBoard) {
  const box = el('div', 'quiz-board');
  box.appendChild(el('h2', null, finalBoard ? t('quiz.final_board') : t('quiz.board')));
  const list = el('ol', 'quiz-lines');
  if (!lines.length) { list.appendChild(el('li', 'muted', t('quiz.board_empty'))); }
  lines.forEach((l, i) => {
    const li = el('li', 'quiz-line' + (l.rank === 1 ? ' first' : ''));
    const tied = (i > 0 && lines[i - 1].rank === l.rank) || (i + 1 < lines.length && lines[i + 1].rank === l.rank);
    li.appendChild(el('span', 'place', num(l.rank) + (tied ? '=' : '')));
    li.appendChild(el('span', 'who', l.nickname));
    li.appendChild(el('span', 'points', t('quiz.points', l.points)));
    list.appendChild(li);
  });
  box.appendChild(list);
  return box;
}

export function quizPhone(root, api, mine) {
  const step = api.state().step, open = step.pollState === 'open';
  let picture = api.state().picture || { number: 1, questions: 1 };
  let own = mine || { chosen: false };
  let naming = false, shown = JSON.stringify(picture);
  // The nickname box is drawn apart from the rest, so that what the room does meanwhile never wipes
  // a nickname half typed.
  const nameWrap = el('div');
  const body = el('div', 'quiz-phone');
  root.appendChild(el('p', 'kicker', kicker(picture)));
  root.appendChild(el('h1', 'question', step.exercise.question));
  root.appendChild(nameWrap);
  root.appendChild(body);
  const setStatus = statusLine(root);
  drawName();
  draw();

  function drawName() {
    clear(nameWrap);
    if (open) { nameWrap.appendChild(nameBox()); }
  }

  function draw() {
    clear(body);
    const waiting = api.pending('quiz:' + step.id);
    const picked = own.option !== undefined ? own.option : waiting ? waiting.option : null;
    const options = el('div', 'quiz-options');
    step.exercise.options.forEach((label, i) => {
      const b = el('button', 'quiz-option');
      b.type = 'button';
      b.appendChild(el('span', 'letter', LETTERS[i]));
      b.appendChild(el('span', 'label', label));
      const mark = picture.options ? picture.options[i] : null;
      if (mark && mark.correct) { b.classList.add('right'); b.appendChild(el('span', 'verdict', t('quiz.right_option'))); }
      if (picked === i) { b.classList.add('picked'); b.setAttribute('aria-pressed', 'true'); }
      if (!open || picked !== null) { b.disabled = true; } else {
        b.addEventListener('click', () => {
          setStatus(statusText(api.send('quiz:' + step.id, { type: 'quizAnswer', option: i })), 'wait');
          draw();
        });
      }
      options.appendChild(b);
    });
    body.appendChild(options);
    if (open && picked !== null) { body.appendChild(el('p', 'waiting', t('quiz.locked_in'))); }
    if (!open) { body.appendChild(outcome(picked)); }
    if (picture.board) { body.appendChild(boardList(picture.board, picture.last)); }
  }

  function outcome(picked) {
    const box = el('div', 'quiz-outcome');
    if (picked === null) {
      box.appendChild(el('p', 'lead', t('quiz.no_answer')));
    } else if (own.points > 0) {
      box.appendChild(el('p', 'lead good', t('quiz.you_were_right', own.points)));
    } else {
      box.appendChild(el('p', 'lead bad', t('quiz.not_this_time')));
    }
    if (own.total !== undefined) {
      box.appendChild(el('p', null, t('quiz.your_total', own.total, own.rank, own.players)));
    }
    return box;
  }

  // A nickname for the board, or staying off it: asked once, shown after, changeable while a question is open.
  function nameBox() {
    const box = el('div', 'quiz-name');
    if (own.chosen && !naming) {
      box.appendChild(el('p', 'muted', own.nickname ? t('quiz.on_board_as', own.nickname) : t('quiz.off_board')));
      const change = el('button', 'secondary small', t('quiz.change_nickname'));
      change.type = 'button';
      change.addEventListener('click', () => { naming = true; drawName(); });
      box.appendChild(change);
      return box;
    }
    const form = el('form');
    const label = el('label', 'field');
    label.appendChild(el('span', null, t('quiz.nickname')));
    const input = el('input');
    input.type = 'text';
    input.autocomplete = 'nickname';
    typedLimit(input, MAX_NICKNAME);
    if (own.nickname) { input.value = own.nickname; }
    label.appendChild(input);
    form.appendChild(label);
    const row = el('div', 'quiz-name-row');
    const join = el('button', null, t('quiz.join_board'));
    join.type = 'submit';
    const off = el('button', 'secondary', t('quiz.stay_off'));
    off.type = 'button';
    row.appendChild(join);
    row.appendChild(off);
    form.appendChild(row);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!input.value.trim()) { setStatus(t('quiz.write_nickname'), 'bad'); return; }
      setStatus(statusText(api.send('quizName', { type: 'quizName', nickname: input.value.trim() })), 'wait');
    });
    off.addEventListener('click', () => {
      setStatus(statusText(api.send('quizName', { type: 'quizName', nickname: null })), 'wait');
    });
    box.appendChild(form);
    return box;
  }

  return {
    picture: (p) => {
      const key = JSON.stringify(p);
      if (key === shown) { return; }
      shown = key;
      picture = p;
      draw();
    },
    update: (fresh) => {
      const named = fresh && (fresh.chosen !== own.chosen || fresh.nickname !== own.nickname);
      if (fresh) { own = fresh; }
      if (named && !naming) { drawName(); }
      draw();
    },
    sent: (slot, status, reply) => {
      if (status === 'replaced') { return; }
      if (status !== 'saved' && status !== 'refused') { setStatus(statusText(status), 'wait'); return; }
      if (status === 'refused') { setStatus(reply.message, 'bad'); draw(); return; }
      if (slot === 'quizName') {
        own = Object.assign({}, own, { chosen: true, nickname: reply.nickname });
        naming = false;
        drawName();
        setStatus(reply.nickname ? t('quiz.on_board_as', reply.nickname) : t('quiz.off_board'), 'ok');
      } else {
        own = Object.assign({}, own, { option: reply.option });
        setStatus(t('quiz.saved'), 'ok');
      }
      draw();
    }
  };
}

export function quizProjector(stage, state) {
  const step = state.step;
  const head = el('p', 'kicker');
  const question = el('h1', 'question', step.exercise.question);
  const body = el('div', 'quiz-screen');
  stage.appendChild(head);
  stage.appendChild(question);
  stage.appendChild(body);
  draw(state.picture);

  function draw(p) {
    if (!p) { return; }
    head.textContent = kicker(p);
    clear(body);
    if (p.board) {
      body.appendChild(boardList(p.board, p.last));
      return;
    }
    const most = p.options ? Math.max(1, ...p.options.map((o) => o.count)) : 1;
    const grid = el('ol', 'quiz-tiles');
    step.exercise.options.forEach((label, i) => {
      const li = el('li', 'quiz-tile tile-' + i);
      li.appendChild(el('span', 'letter', LETTERS[i]));
      li.appendChild(el('span', 'label', label));
      if (p.options) {
        const o = p.options[i];
        li.classList.add(o.correct ? 'right' : 'wrong');
        if (o.correct) { li.appendChild(el('span', 'verdict', t('quiz.right_option'))); }
        const bar = el('span', 'tile-bar');
        bar.style.width = Math.round(100 * o.count / most) + '%';
        li.appendChild(bar);
        li.appendChild(el('span', 'count', num(o.count)));
      }
      grid.appendChild(li);
    });
    body.appendChild(grid);
    body.appendChild(el('p', 'screen-note big', p.over ? t('quiz.time_up') : t('quiz.answered', p.respondents)));
  }

  return { picture: draw };
}

export function quizConsole(box, state, tools) {
  const step = state.step;
  const wrap = el('div', 'quiz-console');
  box.appendChild(wrap);
  draw(state.picture, state);

  function draw(p) {
    if (!p) { return; }
    clear(wrap);
    wrap.appendChild(el('p', 'muted', kicker(p) + ' · ' + t('quiz.seconds', step.exercise.seconds)));
    const list = el('ol', 'quiz-tally');
    step.exercise.options.forEach((label, i) => {
      const o = p.options[i];
      const li = el('li', o.correct ? 'right' : '');
      li.appendChild(el('span', 'label', LETTERS[i] + '. ' + label + (o.correct ? ' ✓' : '')));
      li.appendChild(el('strong', null, num(o.count)));
      list.appendChild(li);
    });
    wrap.appendChild(list);
    wrap.appendChild(el('p', null, t('quiz.console_counts', p.respondents, p.named)));
    const show = el('button', p.boardShown ? 'secondary' : '',
      p.boardShown ? t('quiz.hide_board') : p.last ? t('quiz.show_final_board') : t('quiz.show_board'));
    show.type = 'button';
    show.addEventListener('click', () => {
      tools.post('/facilitate/' + tools.workshop + '/steps/' + step.id + '/quiz', 'board=' + (p.boardShown ? 'hide' : 'show'));
    });
    wrap.appendChild(show);
    wrap.appendChild(boardList(p.board || [], p.last));
  }

  return { picture: (p) => draw(p), note: t('quiz.console_note') };
}
