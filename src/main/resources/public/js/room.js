// The one message dispatcher of the phone, the projector and the console: every message the server
// sends goes to the handlers registered for its type, in the order they were registered (a page
// registers its view before the outbox, so a snapshot is drawn before what waits is sent again).
import { Connection } from './connection.js';

export class LiveRoom {
  // `fallback`: the phone's event-stream address, for networks that block WebSockets.
  constructor(where, fallback) {
    this.where = where;
    this.fallback = fallback;
    this.handlers = {};
    this.watchers = [];
    this.connection = null;
  }

  on(type, handler) {
    (this.handlers[type] = this.handlers[type] || []).push(handler);
    return this;
  }

  // `watcher(state)`: connecting, connected, reconnecting, offline.
  onStatus(watcher) {
    this.watchers.push(watcher);
    return this;
  }

  // The agenda editor's preview: the page draws the snapshot the server wrote into it, and connects to nothing.
  get preview() {
    return document.getElementById('preview-state') !== null;
  }

  start(failed) {
    if (this.preview) {
      const msg = JSON.parse(document.getElementById('preview-state').textContent);
      this.watchers.forEach((w) => w('preview'));
      (this.handlers[msg.type] || []).forEach((h) => h(msg));
      return this;
    }
    this.connection = new Connection(this.where, {
      message: (msg) => (this.handlers[msg.type] || []).forEach((h) => h(msg)),
      status: (state) => this.watchers.forEach((w) => w(state)),
      failed: failed
    }, this.fallback);
    return this;
  }

  send(msg) {
    return this.connection !== null && this.connection.send(msg);
  }

  // Connected as far as anyone can tell: the connection is open and the browser has a network.
  connected() {
    return this.connection !== null && this.connection.isOpen() && navigator.onLine !== false;
  }
}
