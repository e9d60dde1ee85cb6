package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.tallersocial.poll.AnswerWriter;
import org.tallersocial.poll.PollService;
import org.tallersocial.live.Refused;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Texts;

/**
 * Every message a screen sends, whatever carried it (a WebSocket frame, or a
 * phone's post on the fallback): parsed, checked, handed to what takes its
 * type, and answered with exactly one reply on the sender's {@link Socket}.
 * A bad message gets an error reply while the room carries on.
 */
final class LiveMessages {

    static final int MAX_MESSAGE_CHARS = 8_192;

    private final Hub hub;
    private final PollService polls;
    private final Texts texts;
    private final ObjectMapper json;
    private final Exercises exercises;
    private final Limits limits;

    LiveMessages(Hub hub, PollService polls, Texts texts, ObjectMapper json, Exercises exercises, Limits limits) {
        this.limits = limits;
        this.hub = hub;
        this.polls = polls;
        this.texts = texts;
        this.json = json;
        this.exercises = exercises;
    }

    /** @param address the network address the message came from, for its rate limit */
    void take(Room room, Socket socket, String text, Locale locale, String address) {
        String id = null;
        try {
            if (text.length() > MAX_MESSAGE_CHARS) {
                throw new Refused("too_large", "too_large");
            }
            JsonNode msg = parse(text);
            id = msg.path("id").isTextual() ? msg.get("id").asText() : null;
            if (socket.viewer() == Viewer.PHONE && !limits.mayReceive(socket.participantId(), address)) {
                // "busy" makes the phone keep what it sent and send it again a little later.
                throw new Refused("busy", "too_fast");
            }
            String type = msg.path("type").asText("");
            switch (type) {
                case "hello" -> hub.resend(room, socket);
                case "ping" -> hub.send(socket, JsonNodeFactory.instance.objectNode().put("type", "pong"));
                case "answer" -> answer(room, socket, msg, id, locale);
                default -> exercise(room, socket, msg, type, id, locale);
            }
        } catch (Refused e) {
            hub.send(socket, error(id, e, locale));
        }
    }

    private void answer(Room room, Socket socket, JsonNode msg, String id, Locale locale) {
        if (socket.viewer() != Viewer.PHONE) {
            throw new Refused("not_allowed", "not_allowed");
        }
        if (id == null || id.length() > 64) {
            throw new Refused("invalid_message", "bad_id");
        }
        if (!whole(msg.path("step")) || !whole(msg.path("seq"))) {
            throw new Refused("invalid_message", "no_step");
        }
        long stepId = msg.get("step").asLong();
        polls.submit(room, socket.participantId(), stepId, msg.get("value"), msg.get("seq").asLong(),
                outcome -> hub.send(socket, reply(id, stepId, outcome, locale)));
    }

    private void exercise(Room room, Socket socket, JsonNode msg, String type, String id, Locale locale) {
        MessageHandler handler = exercises.forMessage(type)
                .orElseThrow(() -> new Refused("unknown_type", "unknown_type", clip(type)));
        if (id == null || id.length() > 64) {
            throw new Refused("invalid_message", "bad_id");
        }
        ObjectNode reply = handler.handle(room, socket, msg, locale);
        hub.send(socket, reply.put("id", id));
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new Refused("bad_json", "not_object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refused("bad_json", "bad_json");
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

    private ObjectNode error(String id, Refused why, Locale locale) {
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
