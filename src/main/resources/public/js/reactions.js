// Reactions on the phone: a row of the emoji the workshop offers, opened from the phone bar on every
// step while the workshop is live; it stays open (for this tab) until the person closes it. It lives in
// the bar rather than over the page, so it never lies on top of what the person came to tap. A tap goes
// through the phone's one outbox like everything else, under one slot per step, so taps made without a
// connection leave one reaction waiting, not a flood.
import { t } from './texts.js';
import { clear, el } from './dom.js';

// A button rests this long after a tap: the server takes a handful every few seconds from one phone.
const REST_MS = 900;

// `room`: the page's LiveRoom; `outbox`: the phone's one outbox.
export function reactionBar(room, outbox) {
  const bar = document.getElementById('reactions');
  const toggle = document.getElementById('react-toggle');
  if (!bar || !toggle) { return; }
  let offered = [], live = false, step = 0, drawn = '';
  let open = sessionStorage.getItem('ts-reacting') === 'open';
  toggle.addEventListener('click', () => {
    open = !open;
    sessionStorage.setItem('ts-reacting', open ? 'open' : 'closed');
    draw();
  });
  const row = el('div', 'reaction-row');
  const note = el('p', 'reaction-note');
  note.setAttribute('role', 'status');
  bar.appendChild(row);
  bar.appendChild(note);

  room.on('state', (msg) => {
    live = msg.workshop.state === 'live';
    step = msg.step.id;
    if (msg.reactions) { offered = msg.reactions.offered; }
    draw();
  });
  room.on('reactions', (msg) => { offered = msg.reactions.offered; draw(); });
  outbox.listen((slot, status, message, reply) => {
    if (slot.indexOf('react:') !== 0) { return; }
    // Only pace is worth a word: a reaction for a step the room has left is simply let go.
    if (status === 'refused' && reply && reply.code === 'too_fast') { say(t('reactions.too_fast')); }
  });

  function draw() {
    const offers = live && offered.length > 0;
    toggle.classList.toggle('hidden', !offers);
    toggle.setAttribute('aria-expanded', offers && open ? 'true' : 'false');
    bar.classList.toggle('hidden', !(offers && open));
    const key = offered.map((r) => r.key).join(',');
    if (key === drawn) { return; }
    drawn = key;
    clear(row);
    offered.forEach((r) => row.appendChild(button(r)));
  }

  function button(reaction) {
    const b = el('button', 'reaction');
    b.type = 'button';
    b.setAttribute('aria-label', t('reaction.' + reaction.key));
    b.title = t('reaction.' + reaction.key);
    const glyph = el('span', 'glyph', reaction.emoji);
    glyph.setAttribute('aria-hidden', 'true');
    b.appendChild(glyph);
    b.addEventListener('click', () => {
      if (b.classList.contains('resting')) { return; }
      outbox.send('react:' + step, { type: 'reaction', reaction: reaction.key });
      rise(b, reaction.emoji);
      b.classList.add('resting');
      setTimeout(() => b.classList.remove('resting'), REST_MS);
      say('');
    });
    return b;
  }

  // The tap is seen at once: a copy of the emoji floats up from the button.
  function rise(b, emoji) {
    const f = el('span', 'reaction-float', emoji);
    f.setAttribute('aria-hidden', 'true');
    b.appendChild(f);
    setTimeout(() => f.remove(), 1000);
  }

  function say(text) {
    note.textContent = text;
    note.classList.toggle('hidden', !text);
  }
  say('');
}
