// Reactions on the projector: what the room taps rises along the right edge and fades. The server
// already sends at most one burst a tenth of a second; the projector gathers those for a little
// longer still and lets each reaction rise once per gathering, its number beside it, so a hundred
// taps make one big emoji marked ×100 and never a hundred animations over the slide.
import { num } from './texts.js';
import { el } from './dom.js';

const GATHER_MS = 400;
const MAX_RISING = 24;
const RISE_MS = 2600;
// Side by side, so that what rises together never covers another's number.
const LANES = 5;

// `layer`: the element they rise in, over the stage and out of the reader's way (aria-hidden).
export function reactionRise(layer) {
  const emoji = {};
  let gathered = {}, timer = null, lane = 0;

  return {
    burst(msg) {
      msg.burst.forEach((r) => {
        emoji[r.key] = r.emoji;
        gathered[r.key] = (gathered[r.key] || 0) + r.count;
      });
      if (!timer) { timer = setTimeout(flush, GATHER_MS); }
    },
    clear() {
      gathered = {};
      while (layer.firstChild) { layer.removeChild(layer.firstChild); }
    }
  };

  function flush() {
    timer = null;
    const now = gathered;
    gathered = {};
    Object.keys(now).forEach((key) => rise(emoji[key], now[key]));
  }

  function rise(glyph, count) {
    while (layer.childElementCount >= MAX_RISING) { layer.removeChild(layer.firstChild); }
    const item = el('div', 'rising');
    item.dataset.count = String(count);
    // Bigger for a bigger burst, up to twice the size of one tap.
    item.style.fontSize = (1 + Math.min(1, Math.log10(count) / 2)) + 'em';
    item.style.right = (6 + (lane++ % LANES) * 17) + '%';
    item.appendChild(el('span', 'glyph', glyph));
    if (count > 1) { item.appendChild(el('span', 'times', '×' + num(count))); }
    layer.appendChild(item);
    setTimeout(() => item.remove(), RISE_MS);
  }
}
