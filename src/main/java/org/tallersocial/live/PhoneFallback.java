package org.tallersocial.live;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The phone's way in when a proxy strips the WebSocket upgrade: what the
 * server says comes down a server-sent event stream, exactly as it would
 * come over the socket (a snapshot first, then everything the hub sends), and
 * what the phone says goes up as one HTTP post per message, answered with the
 * reply the socket would have carried. Admission and checks are the socket's.
 */
final class PhoneFallback {

    static final String STREAM = "/sse/phone/{code}";
    static final String SEND = "/sse/phone/{code}/send";
    /** Longer than any commit takes; a reply that never comes must not hold the phone's post for ever. */
    private static final long REPLY_SECONDS = 20;

    private final Hub hub;
    private final Admission admission;
    private final LiveMessages messages;
    private final EventStreams streams;
    private final SseHandler handler = new SseHandler(this::open);

    PhoneFallback(Hub hub, Admission admission, LiveMessages messages, EventStreams streams) {
        this.hub = hub;
        this.admission = admission;
        this.messages = messages;
        this.streams = streams;
    }

    void register(RoutesConfig routes) {
        routes.get(STREAM, this::stream);
        routes.post(SEND, this::post);
    }

    private void stream(Context ctx) {
        admission.phone(ctx);
        if (!String.valueOf(ctx.header("Accept")).contains("text/event-stream")) {
            throw new BadRequestResponse("event_stream_only");
        }
        handler.handle(ctx);
    }

    private void open(SseClient client) {
        client.keepAlive();
        Room room = client.ctx().attribute(Admission.ROOM);
        long participant = client.ctx().attribute(Admission.PARTICIPANT);
        AtomicReference<Socket> attached = new AtomicReference<>();
        EventStream stream = streams.open(client, () -> {
            Socket socket = attached.get();
            if (socket != null) {
                hub.detach(room, socket);
            }
        });
        attached.set(hub.attach(room, stream, Viewer.PHONE, participant));
        if (!stream.isOpen()) {
            // It ended while being attached: detaching twice is harmless, staying attached is not.
            hub.detach(room, attached.get());
        }
    }

    private void post(Context ctx) {
        admission.phone(ctx);
        Room room = ctx.attribute(Admission.ROOM);
        long participant = ctx.attribute(Admission.PARTICIPANT);
        PostReply reply = new PostReply();
        messages.take(room, new Socket(reply, Viewer.PHONE, room.workshop().id(), participant), ctx.body(),
                ctx.attribute(Admission.LOCALE), ctx.ip());
        ctx.future(() -> reply.text().completeOnTimeout(null, REPLY_SECONDS, TimeUnit.SECONDS).thenAccept(text -> {
            if (text == null) {
                throw new HttpResponseException(503, "server_error");
            }
            ctx.contentType("application/json").result(text);
        }));
    }
}
