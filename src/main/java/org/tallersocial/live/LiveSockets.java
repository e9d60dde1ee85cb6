package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tallersocial.auth.AuthModule;
import org.tallersocial.poll.AnswerWriter;
import org.tallersocial.poll.PollService;
import org.tallersocial.poll.RefusedAnswer;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Origins;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.Participant;
import org.tallersocial.workshop.ParticipantCookie;
import org.tallersocial.workshop.WorkshopService;

/**
 * The three WebSocket endpoints. Who may connect is decided before the
 * upgrade (Origin, participant cookie, facilitator session); after that
 * every message is parsed and checked, and a bad one gets an error reply
 * on its own socket while the room carries on.
 */
public final class LiveSockets {

    public static final int MAX_MESSAGE_CHARS = 8_192;
    private static final String ROOM = "room";
    private static final String PARTICIPANT = "participant";
    private static final String LOCALE = "locale";
    private static final String ADDRESS = "address";

    private final Hub hub;
    private final WorkshopService workshops;
    private final PollService polls;
    private final AuthModule auth;
    private final Texts texts;
    private final ObjectMapper json;
    private final Exercises exercises;
    private final Origins origins;
    private final Limits limits;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();

    public LiveSockets(Hub hub, WorkshopService workshops, PollService polls, AuthModule auth, Texts texts,
                       ObjectMapper json, Exercises exercises, Origins origins, Limits limits) {
        this.limits = limits;
        this.exercises = exercises;
        this.origins = origins;
        this.hub = hub;
        this.workshops = workshops;
        this.polls = polls;
        this.auth = auth;
        this.texts = texts;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade("/ws/phone/{code}", this::admitPhone);
        routes.wsBeforeUpgrade("/ws/screen/{code}", this::admitScreen);
        routes.wsBeforeUpgrade("/ws/console/{id}", this::admitConsole);
        routes.ws("/ws/phone/{code}", ws -> handlers(ws, Viewer.PHONE));
        routes.ws("/ws/screen/{code}", ws -> handlers(ws, Viewer.SCREEN));
        routes.ws("/ws/console/{id}", ws -> handlers(ws, Viewer.CONSOLE));
    }

    private void admitPhone(Context ctx) {
        checkOrigin(ctx);
        Room room = hub.rooms().byOpenCode(ctx.pathParam("code"))
                .orElseThrow(() -> new NotFoundResponse("no_open_workshop"));
        Participant p = workshops.participant(room, ctx.cookie(ParticipantCookie.name(room.workshop().id())))
                .orElseThrow(() -> new UnauthorizedResponse("join_first"));
        ctx.attribute(ROOM, room);
        ctx.attribute(PARTICIPANT, p.id());
        ctx.attribute(ADDRESS, ctx.ip());
        ctx.attribute(LOCALE, language(ctx, room.workshop().language()));
    }

    private void admitScreen(Context ctx) {
        checkOrigin(ctx);
        Room room = hub.rooms().byOpenCode(ctx.pathParam("code"))
                .orElseThrow(() -> new NotFoundResponse("no_open_workshop"));
        ctx.attribute(ROOM, room);
        ctx.attribute(LOCALE, language(ctx, room.workshop().language()));
    }

    private void admitConsole(Context ctx) {
        checkOrigin(ctx);
        var facilitator = auth.current(ctx).orElseThrow(() -> new UnauthorizedResponse("login_first"));
        long id = ctx.pathParamAsClass("id", Long.class).getOrThrow(e -> new NotFoundResponse("no_workshop"));
        Room room = hub.rooms().get(id).orElseThrow(() -> new NotFoundResponse("no_workshop"));
        if (room.workshop().ownerId() != facilitator.id()) {
            throw new ForbiddenResponse("not_your_workshop");
        }
        ctx.attribute(ROOM, room);
        ctx.attribute(LOCALE, language(ctx, LanguageChoice.of(ctx).getLanguage()));
    }

    /** The language the page asked for (`?lang=`), else the given default. */
    private static Locale language(Context ctx, String fallback) {
        String asked = ctx.queryParam("lang");
        return Texts.locale(Texts.supports(asked) ? asked : fallback);
    }

    private void checkOrigin(Context ctx) {
        if (!origins.allows(ctx.header("Origin"), ctx.header("Host"))) {
            throw new ForbiddenResponse("foreign_socket");
        }
    }

    private void handlers(WsConfig ws, Viewer viewer) {
        ws.onConnect(ctx -> {
            ctx.enableAutomaticPings();
            Room room = ctx.attribute(ROOM);
            Long participant = ctx.attribute(PARTICIPANT);
            Socket socket = hub.attach(room, ctx, viewer, participant == null ? 0 : participant);
            sockets.put(ctx.sessionId(), socket);
        });
        ws.onMessage(ctx -> onMessage(ctx, viewer));
        ws.onClose(this::drop);
        ws.onError(this::drop);
    }

    private void drop(WsContext ctx) {
        Socket socket = sockets.remove(ctx.sessionId());
        Room room = ctx.attribute(ROOM);
        if (socket != null && room != null) {
            hub.detach(room, socket);
        }
    }

    private void onMessage(WsMessageContext ctx, Viewer viewer) {
        Socket socket = sockets.get(ctx.sessionId());
        Room room = ctx.attribute(ROOM);
        if (socket == null || room == null) {
            return;
        }
        String id = null;
        try {
            if (ctx.message().length() > MAX_MESSAGE_CHARS) {
                throw new RefusedAnswer("too_large", "too_large");
            }
            JsonNode msg = parse(ctx.message());
            id = msg.path("id").isTextual() ? msg.get("id").asText() : null;
            if (viewer == Viewer.PHONE && !limits.mayReceive(socket.participantId(), ctx.attribute(ADDRESS))) {
                // "busy" makes the phone keep what it sent and send it again a little later.
                throw new RefusedAnswer("busy", "too_fast");
            }
            String type = msg.path("type").asText("");
            switch (type) {
                case "hello" -> hub.resend(room, socket);
                case "ping" -> hub.send(socket, JsonNodeFactory.instance.objectNode().put("type", "pong"));
                case "answer" -> answer(ctx, room, socket, viewer, msg, id);
                default -> exercise(ctx, room, socket, msg, type, id);
            }
        } catch (RefusedAnswer e) {
            hub.send(socket, error(id, e, ctx.attribute(LOCALE)));
        }
    }

    private void answer(WsMessageContext ctx, Room room, Socket socket, Viewer viewer, JsonNode msg, String id) {
        if (viewer != Viewer.PHONE) {
            throw new RefusedAnswer("not_allowed", "not_allowed");
        }
        if (id == null || id.length() > 64) {
            throw new RefusedAnswer("invalid_message", "bad_id");
        }
        if (!whole(msg.path("step")) || !whole(msg.path("seq"))) {
            throw new RefusedAnswer("invalid_message", "no_step");
        }
        String messageId = id;
        long stepId = msg.get("step").asLong();
        Locale locale = ctx.attribute(LOCALE);
        polls.submit(room, socket.participantId(), stepId, msg.get("value"), msg.get("seq").asLong(),
                outcome -> hub.send(socket, reply(messageId, stepId, outcome, locale)));
    }

    private void exercise(WsMessageContext ctx, Room room, Socket socket, JsonNode msg, String type, String id) {
        MessageHandler handler = exercises.forMessage(type)
                .orElseThrow(() -> new RefusedAnswer("unknown_type", "unknown_type", clip(type)));
        if (id == null || id.length() > 64) {
            throw new RefusedAnswer("invalid_message", "bad_id");
        }
        ObjectNode reply = handler.handle(room, socket, msg, ctx.attribute(LOCALE));
        hub.send(socket, reply.put("id", id));
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new RefusedAnswer("bad_json", "not_object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RefusedAnswer("bad_json", "bad_json");
        }
    }

    private ObjectNode reply(String id, long stepId, AnswerWriter.Outcome outcome, Locale locale) {
        if (!outcome.accepted()) {
            return error(id, outcome.refusal(), locale);
        }
        ObjectNode ack = JsonNodeFactory.instance.objectNode().put("type", "ack").put("id", id)
                .put("step", stepId).put("seq", outcome.seq()).put("duplicate", outcome.duplicate());
        ack.set("value", outcome.value());
        return ack;
    }

    private ObjectNode error(String id, RefusedAnswer why, Locale locale) {
        ObjectNode err = JsonNodeFactory.instance.objectNode().put("type", "error");
        if (id != null) {
            err.put("id", id);
        }
        return err.put("code", why.code()).put("message", texts.get(locale, why.textKey(), why.args()));
    }

    /** A whole number that fits a long: 3.9 is not step 3, and 2^70 is not any step. */
    private static boolean whole(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
