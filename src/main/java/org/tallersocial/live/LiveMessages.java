package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Locale;
import org.tallersocial.web.Limits;
import org.tallersocial.workshop.Step;

/**
 * Every message a screen sends, whatever carried it (a WebSocket frame, or a phone's post on the
 * fallback), on the thread that received it: parsed, rate-limited, its envelope checked, read by the
 * feature that takes its type against the step it names, and handed to the {@link Writer}. Each gets
 * exactly one reply on the sender's {@link Socket}; a bad message gets an error while the room carries on.
 */
final class LiveMessages {

    static final int MAX_MESSAGE_CHARS = 8_192;

    private final Hub hub;
    private final Writer writer;
    private final Replies replies;
    private final ObjectMapper json;
    private final Features features;
    private final Limits limits;
    private final Clock clock;

    LiveMessages(Hub hub, Writer writer, Replies replies, ObjectMapper json, Features features, Limits limits,
                 Clock clock) {
        this.clock = clock;
        this.hub = hub;
        this.writer = writer;
        this.replies = replies;
        this.json = json;
        this.features = features;
        this.limits = limits;
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
            if (!limits.mayReceive(socket.sender(), address)) {
                // "busy" makes the phone keep what it sent and send it again a little later; a projector
                // asking for snapshot after snapshot gets no more than its share.
                throw new Refused("busy", "too_fast");
            }
            String type = msg.path("type").asText("");
            switch (type) {
                case "hello" -> hub.resend(room, socket);
                case "ping" -> hub.send(socket, Hub.pong());
                default -> {
                    Feature<?> asked = features.forQuery(type).orElse(null);
                    if (asked != null) {
                        answerQuery(room, socket, asked, msg, id);
                    } else {
                        deliver(room, socket, msg, type, locale);
                    }
                }
            }
        } catch (Refused e) {
            hub.send(socket, replies.error(id, e, locale));
        }
    }

    /** A question that changes nothing is answered on the spot, from the room's memory. */
    private void answerQuery(Room room, Socket socket, Feature<?> feature, JsonNode msg, String id) {
        var reply = feature.query(room, socket.viewer(), socket.participantId(), msg);
        if (id != null) {
            reply.put("id", id);
        }
        hub.send(socket, reply);
    }

    private void deliver(Room room, Socket socket, JsonNode msg, String type, Locale locale) {
        Feature<?> feature = features.forType(type)
                .orElseThrow(() -> new Refused("unknown_type", "unknown_type", clip(type)));
        deliver(room, socket, feature, msg, type, locale);
    }

    private <I> void deliver(Room room, Socket socket, Feature<I> feature, JsonNode msg, String type, Locale locale) {
        boolean forStep = !feature.stepKinds().isEmpty();
        if (socket.viewer() != Viewer.PHONE) {
            throw new Refused("not_allowed", feature.refusals().phonesOnly());
        }
        Message message = Message.read(type, msg, forStep);
        Step step = forStep ? stepOf(room, feature, message, socket.participantId()) : null;
        I input = feature.read(room, step, socket.participantId(), message);
        writer.submit(new Delivery<>(feature, new Sent<>(room, step, socket.participantId(), message, input),
                socket, locale, reply -> hub.send(socket, reply), clock));
    }

    /**
     * The step a message names, when it is one of the feature's. A message for a step that is not
     * (any more) the current one still goes on: if it was stored before, its retry is acknowledged.
     * Someone answering later has no current step: only the step's kind matters (the rest is Delivery's).
     */
    private static Step stepOf(Room room, Feature<?> feature, Message message, long participantId) {
        Step step = room.step(message.step()).orElse(null);
        if (step != null && feature.stepKinds().contains(step.kind())) {
            return step;
        }
        if (room.isLate(participantId)) {
            throw new Refused(step == null ? "wrong_step" : feature.refusals().notThisStepCode(),
                    step == null ? "wrong_step" : feature.refusals().notThisStep());
        }
        if (!room.workshop().isLive()) {
            throw new Refused("not_live", "not_live");
        }
        if (step == null || step.id() != room.current().id()) {
            throw new Refused("wrong_step", "wrong_step");
        }
        Refusals words = feature.refusals();
        throw new Refused(words.notThisStepCode(), words.notThisStep());
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

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
