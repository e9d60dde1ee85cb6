// A long list on the phone (questions, ideas): its top, live from the server, and below it the pages
// after the top this person asked for. A page's lines are a snapshot: one that rises into the live
// list leaves the pages, and an upvote's ack brings its newest count.
import { t } from './texts.js';
import { clear, el, keyed, statusLine } from './dom.js';

// opts: { listClass, empty, row(), fill(li, item), ask(from) -> whether it went, moreText(n) }
export function pagedList(parent, opts) {
  const live = el('ul', opts.listClass);
  const paged = el('ul', opts.listClass);
  const more = el('button', 'secondary more hidden');
  more.type = 'button';
  parent.appendChild(live);
  parent.appendChild(paged);
  parent.appendChild(more);
  const status = statusLine(parent);
  let top = [], total = 0, extras = [];
  more.addEventListener('click', () => {
    const asked = opts.ask(top.length + extras.length);
    status(asked ? '' : t('more_offline'), asked ? 'wait' : 'bad');
  });

  function draw() {
    keyed(live, top, opts.empty, opts.row, opts.fill);
    extras = extras.filter((i) => !top.some((x) => x.id === i.id));
    if (extras.length) { keyed(paged, extras, '', opts.row, opts.fill); } else { clear(paged); }
    const left = total - top.length - extras.length;
    more.classList.toggle('hidden', left <= 0);
    if (left > 0) { more.textContent = opts.moreText(left); }
  }

  return {
    // The live top and how many there are in all.
    show(items, count) { top = items; total = count === undefined ? items.length : count; draw(); },
    redraw: draw,
    page(items) {
      const fresh = items.filter((i) => !extras.some((x) => x.id === i.id));
      extras = extras.map((x) => items.find((i) => i.id === x.id) || x).concat(fresh);
      status('', 'ok');
      draw();
    },
    counted(id, votes) { extras.forEach((i) => { if (i.id === id) { i.votes = votes; } }); }
  };
}

// One line of such a list: its words (text, then who or what), and an upvote button calling
// `tap(item)`, or, with no `tap` (voting closed), the count alone.
export function voteRow(tap) {
  const li = el('li');
  const words = el('div', 'q-words');
  words.appendChild(el('p', 'q-text'));
  words.appendChild(el('p', 'muted'));
  li.appendChild(words);
  const b = el(tap ? 'button' : 'span', 'votes');
  if (tap) {
    b.type = 'button';
    b.addEventListener('click', () => tap(li._item));
  }
  li.appendChild(b);
  return li;
}
