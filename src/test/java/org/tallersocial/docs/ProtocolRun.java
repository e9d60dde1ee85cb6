package org.tallersocial.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.WsClient;

/**
 * The shipped workshop run through every step, with every kind of phone message, a refusal of each
 * common kind and the console's moderation, so that every message the protocol documents is sent and
 * received at least once. What the phones sent is kept for the check, beside what every socket got.
 */
final class ProtocolRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    final LiveRoom room;
    final WsClient projector;
    final WsClient console;
    final Phone ana;
    final Phone anonymous;
    /** Joined through the catch-up link after the close. */
    Phone late;
    final List<JsonNode> sent = new ArrayList<>();
    private final AtomicLong seq = new AtomicLong(1_764_044_412_345L);
    private int ids;

    ProtocolRun(LiveRoom room) {
        this.room = room;
        this.projector = room.projector();
        this.console = room.console();
        room.act("/live");
        this.ana = room.join("Ana");
        this.anonymous = room.join("");
    }

    void run() {
        questions();
        int count = console.await("state").at("/step/count").asInt();
        for (int i = 0; i < count; i++) {
            room.goTo(i);
            JsonNode step = console.awaitStep(i).get("step");
            JsonNode seen = ana.ws.awaitStep(i);
            anonymous.ws.awaitStep(i);
            long id = step.path("id").asLong();
            if (i == 0) {
                reactions(id);
            }
            switch (step.path("kind").asText()) {
                case "slide" -> { }
                case "profiles" -> profiles(step, id);
                case "raci" -> raci(id, seen.get("picture"));
                case "ideas" -> ideas(id);
                case "commitments" -> commitments(id);
                case "quiz" -> quiz(id);
                default -> poll(step, id);
            }
        }
        reply(ana, message("hello"));
        reply(ana, message("ping"));
        room.act("/close");
        console.await(m -> m.at("/workshop/state").asText().equals("closed"), WAIT);
        later();
    }

    /** Answering later: the window opened, a late phone answering a poll and a profile, refused a quiz. */
    private void later() {
        room.act("/catch-up", "until", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(3)
                .withNano(0).toString(), "zone", "UTC");
        late = room.joinLater("Lena");
        JsonNode steps = late.ws.await("state").at("/catchUp/steps");
        for (JsonNode step : steps) {
            long id = step.path("id").asLong();
            switch (step.path("kind").asText()) {
                case "single" -> reply(late, withStep(message("answer"), id).put("value", 0));
                case "profiles" -> reply(late, withStep(message("profile"), id)
                        .put("network", step.at("/exercise/networks/0").asText())
                        .set("answer", ProfileAnswers.answer("yes", 1, List.of("time"), List.of("training"))));
                case "quiz" -> reply(late, withStep(message("quizAnswer"), id).put("option", 0));
                default -> { }
            }
        }
        reply(late, message("hello"));
    }

    private void questions() {
        room.act("/questions/settings", "needsApproval", "on");
        JsonNode asked = reply(ana, withSeq(message("question")).put("text", "Who answers the reviews on Google?")
                .put("anonymous", false));
        long question = asked.at("/asked/id").asLong();
        room.act("/questions/" + question, "action", "approve");
        ana.ws.await(m -> m.path("type").asText().equals("questionsMine"), WAIT);
        reply(anonymous, withSeq(message("question")).put("text", "Can we post during working hours?")
                .put("anonymous", true));
        room.act("/questions/settings", "needsApproval", "off");
        reply(anonymous, withSeq(message("upvote")).put("question", question).put("up", true));
        reply(anonymous, message("questionsMore").put("from", 0));
        reply(anonymous, withSeq(message("upvote")).put("question", 999_999).put("up", true));
        room.act("/questions/" + question, "action", "pin");
        room.act("/questions/" + question, "action", "answered");
    }

    /** A nickname and staying off the board, a pick, one pick too many, and the question closed. */
    private void quiz(long step) {
        reply(ana, withStep(message("quizName"), step).put("nickname", "Ana"));
        reply(anonymous, withStep(message("quizName"), step).putNull("nickname"));
        reply(ana, withStep(message("quizAnswer"), step).put("option", 0));
        reply(anonymous, withStep(message("quizAnswer"), step).put("option", 1));
        reply(ana, withStep(message("quizAnswer"), step).put("option", 1));
        room.poll(step, "close");
        room.act("/steps/" + step + "/quiz", "board", "show");
        projector.await(m -> m.path("type").asText().equals("picture") && m.at("/picture/board").isArray(), WAIT);
    }

    /** A reaction, a choice of what phones offer, and one that is not offered any more. */
    private void reactions(long step) {
        reply(ana, withStep(message("reaction"), step).put("reaction", "clap"));
        reply(anonymous, withStep(message("reaction"), step).put("reaction", "idea"));
        projector.await(m -> m.path("type").asText().equals("reactionBurst"), WAIT);
        console.await(m -> m.path("type").asText().equals("reactions"), WAIT);
        room.act("/reactions", "offered", "", "offered", "clap");
        ana.ws.await(m -> m.path("type").asText().equals("reactions"), WAIT);
        reply(ana, withStep(message("reaction"), step).put("reaction", "idea"));
    }

    private void poll(JsonNode step, long id) {
        reply(ana, answer(id, value(step, 0)));
        reply(anonymous, answer(id, value(step, 1)));
        reply(ana, answer(id, JSON.getNodeFactory().textNode("not an answer")));
        if (step.path("kind").asText().equals("text")) {
            JsonNode results = console.await(m -> m.path("type").asText().equals("results")
                    && m.at("/results/answers").size() == 2, WAIT);
            room.act("/steps/" + id + "/answers/" + results.at("/results/answers/0/id").asLong(), "action", "hide");
        }
        room.poll(id, "reveal");
        ana.ws.await(m -> m.path("type").asText().equals("state") && m.at("/step/revealed").asBoolean(), WAIT);
        room.poll(id, "close");
        reply(ana, answer(id, value(step, 0)));
    }

    private void profiles(JsonNode step, long id) {
        String network = step.at("/exercise/networks/0").asText();
        ObjectNode mine = ProfileAnswers.answer("yes", 3, List.of("time", "other"), List.of("training"));
        mine.put("obstacleOther", "no idea what to post").put("ambassador", true);
        reply(ana, withStep(message("profile"), id).put("network", network).set("answer", mine));
        reply(anonymous, withStep(message("profile"), id).put("network", network)
                .set("answer", ProfileAnswers.answer("private", null, List.of(), List.of())));
        reply(anonymous, withStep(message("profile"), id).put("network", "Myspace")
                .set("answer", ProfileAnswers.answer("no", null, List.of(), List.of())));
    }

    private void raci(long id, JsonNode closed) {
        long activity = closed.at("/activities/0/id").asLong();
        long owner = closed.at("/roles/0/id").asLong();
        long manager = closed.at("/roles/1/id").asLong();
        ObjectNode early = withStep(message("raci.propose"), id).put("activity", activity).put("accountable", owner);
        early.putArray("responsible").add(manager);
        reply(ana, early);
        room.act("/steps/" + id + "/raci/open", "activities", "all");
        ana.ws.await(m -> m.at("/picture/activities/0/open").asBoolean(), WAIT);
        for (Phone phone : List.of(ana, anonymous)) {
            ObjectNode p = withStep(message("raci.propose"), id).put("activity", activity).put("accountable", owner);
            p.putArray("responsible").add(manager);
            reply(phone, p);
        }
        room.act("/steps/" + id + "/raci/cells", "activity", String.valueOf(activity), "role", String.valueOf(manager),
                "letter", "C", "version", "0");
        room.act("/steps/" + id + "/raci/majority");
        room.act("/steps/" + id + "/raci/settle", "anyway", "true", "reason", "The rest next week");
    }

    private void ideas(long id) {
        JsonNode first = reply(ana, withStep(message("idea"), id).put("text", "A photo of the bakery every morning"));
        JsonNode second = reply(anonymous, withStep(message("idea"), id).put("text", "Answer every review within a day"));
        reply(anonymous, withStep(message("idea"), id).put("text", "Reply to reviews on the same day"));
        reply(anonymous, withStep(message("idea_vote"), id).put("idea", first.path("idea").asLong()).put("up", true));
        reply(ana, withStep(message("idea_vote"), id).put("idea", 999_999).put("up", true));
        reply(ana, message("ideasMore").put("step", id).put("from", 0));
        JsonNode third = console.await(m -> m.at("/picture/ideas").size() == 3, WAIT);
        long merged = third.at("/picture/ideas/2/id").asLong();
        room.act("/steps/" + id + "/ideas/" + merged, "action", "merge", "into",
                String.valueOf(second.path("idea").asLong()));
        anonymous.ws.await(m -> m.has("changes") && m.at("/changes/ideas").findValues("merged").stream().anyMatch(l -> l.size() > 0), WAIT);
    }

    private void commitments(long id) {
        room.act("/commitments", "action", "Photo of the day on Instagram", "role", "Community manager",
                "due", LocalDate.now().plusDays(30).toString());
        JsonNode picture = ana.ws.await(m -> m.at("/picture/commitments").size() == 1, WAIT);
        long commitment = picture.at("/picture/commitments/0/id").asLong();
        reply(ana, withStep(message("volunteer"), id).put("commitment", commitment).put("on", true));
        reply(anonymous, withStep(message("volunteer"), id).put("commitment", commitment).put("on", true)
                .put("name", "Bo"));
        room.act("/commitments/" + commitment, "status", "in_progress");
    }

    /** A valid answer for the step as the phone sees it; {@code who} varies it between the two phones. */
    private static JsonNode value(JsonNode step, int who) {
        int options = step.path("options").size();
        return switch (step.path("kind").asText()) {
            case "single" -> JSON.getNodeFactory().numberNode(who % options);
            case "multiple" -> JSON.createArrayNode().add(0).add(1 + who % (options - 1));
            case "scale" -> JSON.getNodeFactory().numberNode(step.path("min").asInt() + who);
            case "wordcloud" -> {
                ArrayNode words = JSON.createArrayNode().add(who == 0 ? "Trust" : "trust");
                yield step.path("maxWords").asInt() > 1 ? words.add("time") : words;
            }
            case "text" -> JSON.getNodeFactory().textNode(who == 0 ? "We never hear back" : "More training");
            case "guess" -> JSON.getNodeFactory().numberNode(step.path("min").asDouble() + 10 + who);
            case "ranking" -> {
                ArrayNode order = JSON.createArrayNode();
                for (int o = 0; o < options; o++) {
                    order.add(who == 0 ? o : options - 1 - o);
                }
                yield order;
            }
            default -> throw new AssertionError("a step kind this run does not answer: " + step);
        };
    }

    private ObjectNode answer(long step, JsonNode value) {
        return (ObjectNode) withStep(message("answer"), step).set("value", value);
    }

    private ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type).put("id", "m" + (++ids));
    }

    private ObjectNode withSeq(ObjectNode message) {
        return message.put("seq", seq.incrementAndGet());
    }

    private ObjectNode withStep(ObjectNode message, long step) {
        return withSeq(message).put("step", step);
    }

    /** Sends as the phone's page would and waits for the reply with the message's id (a pong has none). */
    private JsonNode reply(Phone phone, ObjectNode message) {
        sent.add(message);
        phone.ws.send(message);
        if (message.path("type").asText().equals("ping")) {
            return phone.ws.await("pong");
        }
        if (message.path("type").asText().equals("hello")) {
            return phone.ws.await("state");
        }
        String id = message.path("id").asText();
        JsonNode reply = phone.ws.await(m -> id.equals(m.path("id").asText()), WAIT);
        assertThat(reply.path("type").asText()).as("reply to %s", message).isNotBlank();
        return reply;
    }
}
