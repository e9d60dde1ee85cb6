package org.tallersocial.testing;

import static org.tallersocial.testing.ProfileAnswers.answer;
import static org.tallersocial.testing.ProfileAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.tallersocial.testing.LiveRoom.Phone;

/** The default workshop run from start to close by four phones, for the tests of what it leaves behind. */
public final class DefaultRun {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The review link as the links page shows it once: the full URL and its token. */
    public static final Pattern REVIEW_LINK = Pattern.compile("value=\"(http://[^\"]+/r/([^\"]+))\"");
    public static final List<String> NAMES = List.of("Zuriñe", "Bartolo", "Casilda", "Domitila");

    private DefaultRun() {
    }

    /**
     * The room proposes for the first activity (three say the owner answers for it, one the community
     * manager), the facilitator takes the room's majority and settles anyway, with a reason.
     */
    private static void raci(LiveRoom room, List<Phone> phones, long stepId) {
        room.act("/steps/" + stepId + "/raci/open", "activities", "all");
        JsonNode picture = phones.get(0).ws.await(m -> m.has("picture")
                && m.at("/picture/activities/0/open").asBoolean(), java.time.Duration.ofSeconds(5)).get("picture");
        long activity = picture.at("/activities/0/id").asLong();
        long owner = picture.at("/roles/0/id").asLong();
        long manager = picture.at("/roles/1/id").asLong();
        for (int p = 0; p < phones.size(); p++) {
            ObjectNode msg = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("type", "raci.propose").put("id", "raci-" + p).put("step", stepId).put("seq", 10 + p)
                    .put("activity", activity).put("accountable", p < 3 ? owner : manager);
            msg.putArray("responsible").add(manager);
            phones.get(p).ws.send(msg);
            String id = "raci-" + p;
            phones.get(p).ws.await(m -> id.equals(m.path("id").asText()), java.time.Duration.ofSeconds(10));
        }
        room.act("/steps/" + stepId + "/raci/majority");
        room.act("/steps/" + stepId + "/raci/settle", "anyway", "true", "reason", "The rest is settled next week");
    }

    /** Every inside scale, one survey guess, an open text and the profile exercise; then closed. */
    public static LiveRoom closed(TestServer server, Browser facilitator, String company) {
        return closed(server, facilitator, company, 0);
    }

    /** @param better how many points higher every inside scale but the first is answered (0 to 2) */
    public static LiveRoom closed(TestServer server, Browser facilitator, String company, int better) {
        LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/en", "All hands " + company, company);
        room.act("/live");
        List<Phone> phones = NAMES.stream().map(room::join).toList();
        WsClient console = room.console();
        int count = console.await("state").at("/step/count").asInt();
        for (int i = 0; i < count; i++) {
            room.goTo(i);
            JsonNode step = console.awaitStep(i).get("step");
            String key = step.path("key").asText();
            long stepId = step.path("id").asLong();
            if (step.path("kind").asText().equals("raci")) {
                raci(room, phones, stepId);
                continue;
            }
            if (step.path("kind").asText().equals("ideas")) {
                for (int p = 0; p < 2; p++) {
                    Phone phone = phones.get(p);
                    String id = "idea-" + p;
                    ObjectNode idea = JSON.createObjectNode().put("type", "idea").put("id", id)
                            .put("step", stepId).put("seq", 100 + p).put("text", p == 0
                                    ? "A photo of the bakery every morning" : "Answer every review within a day");
                    phone.ws.send(idea);
                    phone.ws.await(m -> id.equals(m.path("id").asText()), java.time.Duration.ofSeconds(10));
                }
                continue;
            }
            for (int p = 0; p < phones.size(); p++) {
                Phone phone = phones.get(p);
                if (key.equals("inside-organisation")) {
                    phone.answerAndWait(stepId, 1 + p % 2);
                } else if (key.startsWith("inside-")) {
                    phone.answerAndWait(stepId, Math.min(5, 3 + p % 3 + better));
                } else if (key.equals("guess-why-adopt")) {
                    phone.answerAndWait(stepId, 20 + p * 10);
                } else if (key.equals("social-impact")) {
                    phone.answerAndWait(stepId, "Answer from phone " + p);
                } else if (step.path("kind").asText().equals("profiles")) {
                    ObjectNode a = answer("yes", 0, List.of("time", "other"), List.of("training"));
                    a.put("obstacleOther", "private words of " + NAMES.get(p));
                    send(phone.ws, stepId, "LinkedIn", a);
                }
            }
        }
        // Questions from the room: one answered, one still open; and a commitment, done.
        for (int p = 0; p < 2; p++) {
            String id = "question-" + p;
            phones.get(p).ws.send(JSON.createObjectNode().put("type", "question").put("id", id).put("seq", 200 + p).put("anonymous", true)
                    .put("text", p == 0 ? "Who answers the reviews on Google?" : "Can we post during working hours?"));
            phones.get(p).ws.await(m -> id.equals(m.path("id").asText()), java.time.Duration.ofSeconds(10));
        }
        room.act("/commitments", "action", "Photo of the day on Instagram", "role", "Community manager",
                "due", java.time.LocalDate.now().plusDays(30).toString());
        room.act("/close");
        return room;
    }

}
