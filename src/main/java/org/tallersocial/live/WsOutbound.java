package org.tallersocial.live;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

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
    public void send(Text message, Runnable done) {
        // Straight to the core session with bytes shared by every socket it goes to: the API session
        // would encode the same text to UTF-8 again for each.
        if (ctx.session instanceof WebSocketSession session) {
            session.getCoreSession().sendFrame(new Frame(OpCode.TEXT, message.bytes()),
                    org.eclipse.jetty.util.Callback.from(done, failure -> done.run()), false);
        } else {
            ctx.session.sendText(message.string(), Callback.from(done, failure -> done.run()));
        }
    }

    @Override
    public void close(int code, String reason) {
        if (ctx.session.isOpen()) {
            ctx.closeSession(code, reason);
        }
    }
}
