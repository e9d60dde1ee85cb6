// Every button on the console is a POST: sent with fetch (the CSRF token in a header), answered with
// JSON; what the action changed comes back over the console's live connection, like every screen.
import { t } from './texts.js';
import { path } from './dom.js';

const csrf = document.querySelector('meta[name=csrf]').content;

export const workshop = document.getElementById('console').dataset.id;

// A path of the kit ('/facilitate/...'); a form's action already carries the base.
export function post(kitPath, body) {
  return send(path(kitPath), body);
}

export function send(url, body) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
    body: body
  }).then(function (r) {
    return r.json().catch(function () { return { ok: false, error: t('console.server_answered', String(r.status)) }; });
  }).then(function (res) {
    if (!res.ok) { toast(res.error || t('console.did_not_work')); }
    return res;
  }).catch(function () { toast(t('console.no_connection')); });
}

export function toast(text) {
  const node = document.getElementById('toast');
  node.textContent = text;
  node.classList.remove('hidden');
  clearTimeout(node._hide);
  node._hide = setTimeout(function () { node.classList.add('hidden'); }, 5000);
}
