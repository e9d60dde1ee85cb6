package org.tallersocial.live;

import io.javalin.websocket.WsContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * One open WebSocket. Sends never block the sender, and a screen that stops
 * reading is cut off once too much waits for it: it reconnects and gets a
 * fresh snapshot, while the rest of the room goes on unslowed.
 */
public final class Socket {

    static final int MAX_PENDING_MESSAGES = 256;

    private final WsContext ctx;
    private final Viewer viewer;
    private final long workshopId;
    private final long participantId;
    private final AtomicInteger pending = new AtomicInteger();

    Socket(WsContext ctx, Viewer viewer, long workshopId, long participantId) {
        this.ctx = ctx;
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

    /** Tells the screen the server is going away (1012: restarting), so it reconnects at once. */
    void closeForRestart() {
        if (ctx.session.isOpen()) {
            ctx.closeSession(1012, "server restarting");
        }
    }

    public void send(String message) {
        if (!ctx.session.isOpen()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING_MESSAGES) {
            pending.decrementAndGet();
            ctx.closeSession(1013, "too far behind; reconnect for a fresh snapshot");
            return;
        }
        ctx.session.sendText(message, Callback.from(pending::decrementAndGet, failure -> pending.decrementAndGet()));
    }
}
