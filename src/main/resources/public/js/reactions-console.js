// The console's count of reactions: the current step's, reaction by reaction, and every step's total
// beside it in the agenda, so the facilitator sees which parts of the workshop moved the room.
import { num, t } from './texts.js';
import { clear, el } from './dom.js';

const counts = document.getElementById('reaction-counts');
const total = document.getElementById('reaction-total');
let last = null, step = 0;

// `reactions`: the console's `reactions` (offered, palette, steps); `current`: the current step's id.
export function show(reactions, current) {
  if (reactions) { last = reactions; }
  if (current) { step = current; }
  if (!last || !counts) { return; }
  const emoji = {};
  last.palette.forEach((r) => { emoji[r.key] = r.emoji; });
  const here = last.steps.filter((s) => s.step === step)[0];
  clear(counts);
  if (!here) {
    counts.appendChild(el('span', 'muted', last.offered.length ? t('console.reactions_none_yet') : t('console.reactions_off')));
  } else {
    Object.keys(here.counts).forEach((key) => {
      const item = el('span', 'reaction-count');
      item.title = t('reaction.' + key);
      const glyph = el('span', 'glyph', emoji[key]);
      glyph.setAttribute('aria-hidden', 'true');
      item.appendChild(glyph);
      item.appendChild(el('span', 'visually-hidden', t('reaction.' + key) + ': '));
      item.appendChild(el('strong', null, num(here.counts[key])));
      counts.appendChild(item);
    });
  }
  const all = last.steps.reduce((sum, s) => sum + s.total, 0);
  total.textContent = !all ? '' : t(last.steps.length === 1 ? 'console.reactions_in_all_one' : 'console.reactions_in_all_many',
    all, last.steps.length);
  agenda();
}

// Each step's total in the agenda list, by the step's place in it.
function agenda() {
  const byId = {};
  last.steps.forEach((s) => { byId[s.step] = s.total; });
  document.querySelectorAll('#agenda li').forEach((li) => {
    const id = li.dataset.step;
    let badge = li.querySelector('.reacted');
    if (!byId[id]) { if (badge) { badge.remove(); } return; }
    if (!badge) {
      badge = el('span', 'reacted');
      li.querySelector('.kind').appendChild(badge);
    }
    badge.textContent = ' · ' + t(byId[id] === 1 ? 'console.reactions_one' : 'console.reactions_many', byId[id]);
  });
}
