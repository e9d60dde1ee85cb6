package org.tallersocial.live;

import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tallersocial.web.Limits;

/**
 * The three WebSocket endpoints. Who may connect is decided before the
 * upgrade ({@link Admission}); after that every frame goes through
 * {@link LiveMessages}, and its reply comes back on the same socket.
 */
final class LiveSockets {

    private final Hub hub;
    private final Admission admission;
    private final LiveMessages messages;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();

    private final Limits limits;

    LiveSockets(Hub hub, Admission admission, LiveMessages messages, Limits limits) {
        this.limits = limits;
        this.hub = hub;
        this.admission = admission;
        this.messages = messages;
    }

    void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade("/ws/phone/{code}", admission::phone);
        routes.wsBeforeUpgrade("/ws/screen/{code}", admission::screen);
        routes.wsBeforeUpgrade("/ws/console/{id}", admission::console);
        routes.wsBeforeUpgrade("/ws/later/{id}", admission::later);
        routes.ws("/ws/phone/{code}", ws -> handlers(ws, Viewer.PHONE));
        routes.ws("/ws/screen/{code}", ws -> handlers(ws, Viewer.PROJECTOR));
        routes.ws("/ws/console/{id}", ws -> handlers(ws, Viewer.CONSOLE));
        // Someone answering later is a phone like any other: the same messages, the same one pipeline.
        routes.ws("/ws/later/{id}", ws -> handlers(ws, Viewer.PHONE));
    }

    private void handlers(WsConfig ws, Viewer viewer) {
        ws.onConnect(ctx -> {
            ctx.enableAutomaticPings();
            Room room = ctx.attribute(Admission.ROOM);
            Long participant = ctx.attribute(Admission.PARTICIPANT);
            Socket socket = hub.attach(room, new WsOutbound(ctx), viewer, participant == null ? 0 : participant);
            sockets.put(ctx.sessionId(), socket);
            if (viewer == Viewer.PROJECTOR) {
                limits.projectorOpened(ctx.attribute(Admission.ADDRESS));
            }
        });
        ws.onMessage(ctx -> {
            Socket socket = sockets.get(ctx.sessionId());
            Room room = ctx.attribute(Admission.ROOM);
            if (socket != null && room != null) {
                hub.heardFrom(socket);
                messages.take(room, socket, ctx.message(), ctx.attribute(Admission.LOCALE),
                        ctx.attribute(Admission.ADDRESS));
            }
        });
        ws.onClose(this::drop);
        ws.onError(this::drop);
    }

    private void drop(WsContext ctx) {
        Socket socket = sockets.remove(ctx.sessionId());
        Room room = ctx.attribute(Admission.ROOM);
        if (socket != null && room != null) {
            hub.detach(room, socket);
        }
        if (socket != null && socket.viewer() == Viewer.PROJECTOR) {
            limits.projectorClosed(ctx.attribute(Admission.ADDRESS));
        }
    }
}
