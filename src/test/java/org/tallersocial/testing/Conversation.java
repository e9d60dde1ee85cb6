package org.tallersocial.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
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

    /**
     * The ideas list as a phone holds it, once it matches: its last whole picture with every change
     * the server sent since folded in (phones get only the lines that changed), read from everything
     * the socket received so far, in order, as the phone's page does.
     */
    public static JsonNode ideasOnPhone(WsClient ws, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode folded = null;
        while (System.nanoTime() < deadline) {
            folded = foldIdeas(ws.transcript());
            if (folded != null && match.test(folded)) {
                return folded;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the phone's ideas never matched; last: " + folded);
    }

    private static JsonNode foldIdeas(String transcript) {
        java.util.Map<Long, JsonNode> lines = null;
        for (String text : transcript.split("\n")) {
            JsonNode m;
            try {
                m = JSON.readTree(text);
            } catch (java.io.IOException e) {
                continue;
            }
            if (m.path("picture").path("kind").asText().equals("ideas")) {
                lines = new java.util.LinkedHashMap<>();
                for (JsonNode idea : m.at("/picture/ideas")) {
                    lines.put(idea.path("id").asLong(), idea);
                }
            } else if (lines != null && m.path("changes").path("kind").asText().equals("ideas")) {
                for (JsonNode idea : m.at("/changes/ideas")) {
                    lines.put(idea.path("id").asLong(), idea);
                }
                for (JsonNode gone : m.at("/changes/gone")) {
                    lines.remove(gone.asLong());
                }
            }
        }
        if (lines == null) {
            return null;
        }
        List<JsonNode> sorted = new java.util.ArrayList<>(lines.values());
        sorted.sort(java.util.Comparator.comparingInt((JsonNode i) -> -i.path("votes").asInt())
                .thenComparingLong(i -> i.path("id").asLong()));
        com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
        out.putArray("ideas").addAll(sorted);
        return out;
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
