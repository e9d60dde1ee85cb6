// The console's "Answering later" card: the end of the catch-up window is typed as the facilitator's clock
// shows it, and goes with the browser's time zone (an IANA name such as Europe/Madrid), so the server knows
// the moment meant; the end on show is written back in that zone. After a change the page is drawn anew
// (the link and its QR code are the server's to make).
import { t } from './texts.js';
import { send } from './console-actions.js';

const card = document.getElementById('catch-up');
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
const until = parseInt(card.dataset.until, 10) || 0;
const lang = document.documentElement.lang || 'en';

card.querySelectorAll('input[name=zone]').forEach((input) => { input.value = zone; });
card.querySelectorAll('time.catch-up-until').forEach((node) => {
  node.textContent = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(until));
  node.dateTime = new Date(until).toISOString();
});
const field = card.querySelector('input[name=until]');
field.min = local(new Date());
field.max = local(new Date(Date.now() + 30 * 24 * 3600 * 1000));
// The end as it stands while the window is open; else a week from now, to be changed.
field.value = local(new Date(until > Date.now() ? until : Date.now() + 7 * 24 * 3600 * 1000));

card.addEventListener('submit', (e) => {
  const form = e.target;
  if (!form.hasAttribute('data-catch-up')) { return; }
  e.preventDefault();
  const error = document.getElementById('catch-up-error');
  send(form.getAttribute('action'), new URLSearchParams(new FormData(form)).toString()).then((res) => {
    if (res && res.ok) { location.reload(); return; }
    error.textContent = res && res.error ? res.error : t('console.did_not_work');
    error.classList.remove('hidden');
  });
});

// A date and time as a datetime-local field holds it, on this computer's clock.
function local(d) {
  const p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
}
