package org.tallersocial.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A phone's conversation messages (questions, ideas, volunteering), as questions.js and ideas-phone.js send them. */
public final class Conversation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private Conversation() {
    }

    public static ObjectNode question(String text, boolean anonymous) {
        return message("question").put("text", text).put("anonymous", anonymous);
    }

    public static ObjectNode upvote(long questionId, boolean up) {
        return message("upvote").put("question", questionId).put("up", up);
    }

    public static ObjectNode idea(long step, String text) {
        return message("idea").put("step", step).put("text", text);
    }

    public static ObjectNode ideaVote(long step, long ideaId, boolean up) {
        return message("idea_vote").put("step", step).put("idea", ideaId).put("up", up);
    }

    public static ObjectNode volunteer(long step, long commitmentId, boolean on, String name) {
        ObjectNode msg = message("volunteer").put("step", step).put("commitment", commitmentId).put("on", on);
        return name == null ? msg : msg.put("name", name);
    }

    public static ObjectNode message(String type) {
        // Every phone message carries a seq that grows; one counter for all phones grows for each of them.
        long n = IDS.incrementAndGet();
        return JSON.createObjectNode().put("type", type).put("id", "c" + n).put("seq", n);
    }

    /** Sends and waits for the reply (ack or error) to that message. */
    public static JsonNode send(WsClient ws, ObjectNode message) {
        ws.send(message);
        String id = message.get("id").asText();
        return ws.await(m -> id.equals(m.path("id").asText()), Duration.ofSeconds(10));
    }

    /** The next questions list (from a snapshot or a coalesced update) that matches. */
    public static JsonNode questionsWith(WsClient ws, Predicate<JsonNode> match) {
        return ws.await(m -> ("questions".equals(m.path("type").asText()) || "state".equals(m.path("type").asText()))
                && m.has("questions") && match.test(m.get("questions")), Duration.ofSeconds(5)).get("questions");
    }

    /** The next exercise picture (snapshot or update) that matches. */
    public static JsonNode pictureWith(WsClient ws, Predicate<JsonNode> match) {
        return ws.await(m -> ("picture".equals(m.path("type").asText()) || "state".equals(m.path("type").asText()))
                && m.has("picture") && match.test(m.get("picture")), Duration.ofSeconds(5)).get("picture");
    }

    /** Whether a list of items ({@code [{text: ...}]}) holds one with this text. */
    public static boolean hasText(JsonNode list, String text) {
        for (JsonNode item : list) {
            if (text.equals(item.path("text").asText())) {
                return true;
            }
        }
        return false;
    }

    public static JsonNode byText(JsonNode list, String text) {
        for (JsonNode item : list) {
            if (text.equals(item.path("text").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item '" + text + "' in " + list);
    }
}
