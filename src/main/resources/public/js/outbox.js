// The phone's one outbox, for every kind of message (answers, exercise inputs, questions, votes).
// A message waits in localStorage, under its slot (one poll's answer, one network, one vote...), until
// the server acknowledges it or refuses it for good; a newer message for a slot replaces the older.
// It is sent once when made (if the phone is connected), once after each (re)connect, and when the
// server says it could not store it yet (`not_saved`, `busy`) once more at each tick of one retry
// timer, whose pauses grow (with jitter, capped): a fault costs at most one resend per waiting
// message per pause, never a flood.
//
// What each waiting message is doing is always one of: `sending` (sent, no reply yet), `waiting`
// (no connection: it goes when the connection returns) or `retrying` (the server could not store it
// yet). Listeners hear each change, and each reply: listener(slot, status, message, reply).
import { t } from './texts.js';

const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30000;
const RETIRED_KEPT = 50;

export class Outbox {
  // `room`: the page's LiveRoom; `key`: this workshop's storage key; `step()`: the current step's id.
  constructor(room, key, step) {
    this.room = room;
    this.key = 'ts-outbox-' + key;
    // A preview keeps what is tapped in memory: it is sent nowhere, and must not wait for a real phone later.
    this.store = room.preview ? memoryStore() : localStorage;
    this.seqKey = 'ts-seq-' + key;
    this.step = step;
    this.status = {};      // by slot: sending | waiting | retrying
    this.retired = {};     // ids of messages a newer one replaced, by id: slot (their replies are still ours)
    this.listeners = [];
    this.retryTimer = null;
    this.retries = 0;
    this.fresh = false;    // connected again: what waits goes after the next snapshot
    room.on('ack', (msg) => this.reply(msg));
    room.on('error', (msg) => this.reply(msg));
    room.onStatus((state) => this.connection(state));
    window.addEventListener('offline', () => this.connection('offline'));
  }

  listen(listener) {
    this.listeners.push(listener);
  }

  // Sends a message of a slot; returns what it is doing now.
  send(slot, msg) {
    const box = this.read();
    if (box[slot]) { this.retire(box[slot].id, slot); }
    msg.id = 'm' + Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
    msg.seq = this.nextSeq();
    if (msg.step === undefined) { msg.step = this.step(); }
    box[slot] = msg;
    this.write(box);
    this.transmit(slot, msg);
    return this.status[slot];
  }

  // The message waiting in a slot, if any.
  pending(slot) {
    return this.read()[slot] || null;
  }

  statusOf(slot) {
    return this.read()[slot] ? this.status[slot] || 'waiting' : null;
  }

  // After the first snapshot of a (re)connect, once the page has drawn it: everything that waits goes
  // once. Later snapshots (the room moving on) send nothing again.
  afterSnapshot() {
    if (!this.fresh) { return; }
    this.fresh = false;
    const box = this.read();
    Object.keys(box).forEach((slot) => this.transmit(slot, box[slot]));
  }

  transmit(slot, msg) {
    const sent = this.room.connected() && this.room.send(msg);
    this.set(slot, sent ? 'sending' : 'waiting', msg);
  }

  reply(msg) {
    const box = this.read();
    let slot = Object.keys(box).filter((k) => box[k].id === msg.id)[0];
    if (slot === undefined) {
      // A reply to a message since replaced by a newer one: what it says of the server is still news.
      if (this.retired[msg.id] && msg.type === 'ack') { this.tell(this.retired[msg.id], 'replaced', null, msg); }
      return;
    }
    const sent = box[slot];
    if (msg.type === 'error' && (msg.code === 'not_saved' || msg.code === 'busy')) {
      this.set(slot, 'retrying', sent, msg);
      this.retryLater();
      return;
    }
    delete box[slot];
    delete this.status[slot];
    this.write(box);
    this.tell(slot, msg.type === 'ack' ? 'saved' : 'refused', sent, msg);
    if (msg.type === 'ack') { this.recovered(); }
  }

  // The server stores again: what waits for the retry timer goes now, and the pauses start short again.
  recovered() {
    this.retries = 0;
    if (!this.retryTimer) { return; }
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.resendRetrying();
  }

  // One timer for every message the server could not store: each is sent once more when it fires.
  retryLater() {
    if (this.retryTimer) { return; }
    const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * Math.pow(2, this.retries));
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.resendRetrying();
    }, base / 2 + Math.random() * base / 2);
  }

  resendRetrying() {
    const box = this.read();
    Object.keys(box).filter((slot) => this.status[slot] === 'retrying').forEach((slot) => this.transmit(slot, box[slot]));
  }

  // The connection went or came: what was on its way waits for it, and says so.
  connection(state) {
    if (state === 'connected' && navigator.onLine !== false) {
      // A connection that lived through a blink sends no snapshot: what waited goes shortly anyway.
      this.fresh = true;
      setTimeout(() => this.afterSnapshot(), 1500);
      return;
    }
    const box = this.read();
    Object.keys(box).forEach((slot) => {
      if (this.status[slot] !== 'retrying') { this.set(slot, 'waiting', box[slot]); }
    });
  }

  set(slot, status, msg, reply) {
    const changed = this.status[slot] !== status;
    this.status[slot] = status;
    if (changed || reply) { this.tell(slot, status, msg, reply); }
  }

  tell(slot, status, msg, reply) {
    this.listeners.forEach((l) => l(slot, status, msg, reply || null));
  }

  retire(id, slot) {
    this.retired[id] = slot;
    const ids = Object.keys(this.retired);
    if (ids.length > RETIRED_KEPT) { delete this.retired[ids[0]]; }
  }

  // Grows with every message this phone makes, across reloads: the server keeps a slot's highest.
  nextSeq() {
    const last = parseInt(this.store.getItem(this.seqKey) || '0', 10);
    const seq = Math.max(Date.now(), last + 1);
    this.store.setItem(this.seqKey, String(seq));
    return seq;
  }

  read() {
    try { return JSON.parse(this.store.getItem(this.key) || '{}') || {}; } catch (e) { return {}; }
  }

  write(box) {
    if (Object.keys(box).length) { this.store.setItem(this.key, JSON.stringify(box)); } else { this.store.removeItem(this.key); }
  }
}

function memoryStore() {
  const items = {};
  return {
    getItem: (k) => (Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null),
    setItem: (k, v) => { items[k] = String(v); },
    removeItem: (k) => { delete items[k]; }
  };
}

// Words for what a waiting message is doing, the same on every part of the phone.
export function statusText(status) {
  return status === 'sending' ? t('sending') : status === 'retrying' ? t('retrying') : t('not_sent_yet');
}
