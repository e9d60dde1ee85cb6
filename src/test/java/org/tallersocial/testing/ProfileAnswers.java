package org.tallersocial.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A phone's messages of the profile-linking exercise, as profiles-phone.js sends them. */
public final class ProfileAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();
    private static final AtomicLong SEQ = new AtomicLong(1);

    private ProfileAnswers() {
    }

    /** An answer: has a profile ("yes", "no", "private"), ladder (null unless "yes"), obstacles, helps. */
    public static ObjectNode answer(String profile, Integer ladder, List<String> obstacles, List<String> helps) {
        ObjectNode a = JSON.createObjectNode().put("profile", profile);
        if (ladder == null) {
            a.putNull("ladder");
        } else {
            a.put("ladder", ladder);
        }
        obstacles.forEach(a.putArray("obstacles")::add);
        helps.forEach(a.putArray("helps")::add);
        return a;
    }

    public static ObjectNode message(long step, String network, JsonNode answer, long seq) {
        ObjectNode msg = JSON.createObjectNode().put("type", "profile").put("id", "p" + IDS.incrementAndGet())
                .put("step", step).put("network", network).put("seq", seq);
        msg.set("answer", answer);
        return msg;
    }

    /** Sends and waits for the reply (ack or error) to that message. */
    public static JsonNode send(WsClient ws, ObjectNode message) {
        ws.send(message);
        String id = message.get("id").asText();
        return ws.await(m -> id.equals(m.path("id").asText()), Duration.ofSeconds(10));
    }

    public static JsonNode send(WsClient ws, long step, String network, JsonNode answer) {
        return send(ws, message(step, network, answer, SEQ.incrementAndGet()));
    }
}
