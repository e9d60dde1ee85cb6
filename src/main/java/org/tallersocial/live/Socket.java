package org.tallersocial.live;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One screen's connection, whatever carries it (see {@link Outbound}). Sends
 * never block the sender, and a screen that stops reading is cut off once too
 * much waits for it: it reconnects and gets a fresh snapshot, while the rest
 * of the room goes on unslowed.
 */
public final class Socket {

    static final int MAX_PENDING_MESSAGES = 256;

    private final Outbound out;
    private final Viewer viewer;
    private final long workshopId;
    private final long participantId;
    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();

    private final AtomicInteger pending = new AtomicInteger();
    private final long serial = SERIALS.incrementAndGet();
    private volatile long lastHeard;

    Socket(Outbound out, Viewer viewer, long workshopId, long participantId) {
        this.out = out;
        this.viewer = viewer;
        this.workshopId = workshopId;
        this.participantId = participantId;
    }

    public Viewer viewer() {
        return viewer;
    }

    public long workshopId() {
        return workshopId;
    }

    /** The participant behind a phone; 0 for the projector and the console. */
    public long participantId() {
        return participantId;
    }

    /** Whose pace a message counts against: a phone's participant (all their tabs), else this socket. */
    String sender() {
        return viewer == Viewer.PHONE ? "p" + participantId : "s" + serial;
    }

    /** A phone on the event-stream fallback rather than a WebSocket. */
    boolean isFallback() {
        return out.isFallback();
    }

    /** Something came from the screen (any message, its heartbeat included). */
    void heard(long now) {
        lastHeard = now;
    }

    /**
     * A phone's WebSocket that has said nothing for longer than its heartbeat allows: a phone
     * that left the Wi-Fi or went to sleep without closing. Closed, so the console counts it as
     * gone; if it is still there it reconnects at once. The fallback's stream is watched by its
     * keep-alive writes instead.
     */
    boolean closeIfSilent(long now, long limitMillis) {
        if (viewer != Viewer.PHONE || isFallback() || now - lastHeard <= limitMillis || !out.isOpen()) {
            return false;
        }
        out.close(4000, "not heard from");
        return true;
    }

    /** Tells the screen the server is going away (1012: restarting), so it reconnects at once. */
    void closeForRestart() {
        out.close(1012, "server restarting");
    }

    public void send(String message) {
        send(new Text(message));
    }

    /** The same text to many sockets: it is encoded once for all of them. */
    void send(Text message) {
        if (!out.isOpen()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING_MESSAGES) {
            pending.decrementAndGet();
            out.close(1013, "too far behind; reconnect for a fresh snapshot");
            return;
        }
        out.send(message, pending::decrementAndGet);
    }
}
