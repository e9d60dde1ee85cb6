package org.tallersocial.live;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;

/** An open WebSocket: Jetty queues each text frame and calls back once it is written. */
final class WsOutbound implements Outbound {

    private final WsContext ctx;

    WsOutbound(WsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean isOpen() {
        return ctx.session.isOpen();
    }

    @Override
    public void send(String message, Runnable done) {
        ctx.session.sendText(message, Callback.from(done, failure -> done.run()));
    }

    @Override
    public void close(int code, String reason) {
        if (ctx.session.isOpen()) {
            ctx.closeSession(code, reason);
        }
    }
}
