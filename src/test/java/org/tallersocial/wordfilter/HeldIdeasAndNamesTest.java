package org.tallersocial.wordfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.hasText;
import static org.tallersocial.testing.Conversation.idea;
import static org.tallersocial.testing.Conversation.ideasOnPhone;
import static org.tallersocial.testing.Conversation.pictureWith;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.questionsWith;
import static org.tallersocial.testing.Conversation.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Ideas and the names people join with pass the word filter too, on a real server. */
class HeldIdeasAndNamesTest {

    private static final int IDEAS = 2;

    private TestServer server;
    private LiveRoom room;
    private WsClient console;
    private WsClient projector;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        room = LiveRoom.draft(server, Facilitators.first(server), "conversation/en");
        room.act("/live");
        console = room.console();
        projector = room.projector();
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    private JsonNode filterWith(Predicate<JsonNode> match) {
        return console.await(m -> (m.path("type").asText().equals("wordFilter") || m.path("type").asText().equals("state"))
                && match.test(m.get("wordFilter")), Duration.ofSeconds(5)).get("wordFilter");
    }

    @Test
    void a_caught_idea_waits_off_every_list_and_joins_them_once_approved() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        room.goTo(IDEAS);
        long step = ana.ws.awaitStep(IDEAS).at("/step/id").asLong();
        bo.ws.awaitStep(IDEAS);
        JsonNode ack = send(ana.ws, idea(step, "Fire that gilipollas in marketing"));
        assertThat(ack.path("held").asBoolean()).isTrue();
        assertThat(send(ana.ws, idea(step, "A photo every morning")).has("held")).isFalse();
        JsonNode waiting = filterWith(f -> f.path("waiting").size() == 1).at("/waiting/0");
        assertThat(waiting.path("kind").asText()).isEqualTo("idea");
        assertThat(waiting.path("step").asLong()).isEqualTo(step);
        JsonNode onConsole = pictureWith(console, p -> hasText(p.get("ideas"), "A photo every morning"));
        assertThat(onConsole.path("ideas").size()).as("held, on no list, the console's included").isEqualTo(1);
        pictureWith(projector, p -> hasText(p.get("ideas"), "A photo every morning"));
        ideasOnPhone(bo.ws, p -> hasText(p.get("ideas"), "A photo every morning"));
        assertThat(send(bo.ws, org.tallersocial.testing.Conversation.ideaVote(step, ack.path("idea").asLong(), true))
                .path("code").asText()).as("nobody can vote for what they cannot see").isEqualTo("unknown_idea");

        room.act("/waiting/idea/" + waiting.path("id").asLong(), "action", "approve");
        pictureWith(projector, p -> hasText(p.get("ideas"), "Fire that gilipollas in marketing"));
        ideasOnPhone(bo.ws, p -> hasText(p.get("ideas"), "Fire that gilipollas in marketing"));
        filterWith(f -> f.path("waiting").isEmpty());

        long rude = send(bo.ws, idea(step, "Culo")).path("idea").asLong();
        filterWith(f -> f.path("waiting").size() == 1);
        room.act("/waiting/idea/" + rude, "action", "reject");
        pictureWith(console, p -> p.path("ideas").toString().contains("\"hidden\":true"));
        assertThat(projector.transcript()).doesNotContain("Culo");
        assertThat(ana.ws.transcript()).doesNotContain("Culo");
    }

    @Test
    void a_caught_name_is_a_placeholder_everywhere_until_approved() {
        Phone rude = room.join("Pedro Gilipollas");
        Phone bo = room.join("Bo");
        JsonNode waiting = filterWith(f -> f.path("waiting").size() == 1).at("/waiting/0");
        assertThat(waiting.path("kind").asText()).isEqualTo("name");
        assertThat(waiting.path("text").asText()).isEqualTo("Pedro Gilipollas");
        long id = waiting.path("id").asLong();
        assertThat(waiting.path("shownAs").asText()).isEqualTo("Participant " + id);
        assertThat(rude.browser.get("/j/" + room.code).body()).as("the person is told")
                .contains("Your name waits for the facilitator’s approval").contains("Participant " + id);
        assertThat(bo.browser.get("/j/" + room.code).body()).doesNotContain("name-waits");

        send(rude.ws, question("Who answers the reviews?", false));
        questionsWith(projector, q -> hasText(q.get("list"), "Who answers the reviews?"));
        JsonNode onBo = questionsWith(bo.ws, q -> hasText(q.get("list"), "Who answers the reviews?"));
        assertThat(onBo.at("/list/0/name").asText()).isEqualTo("Participant " + id);
        assertThat(projector.transcript()).doesNotContain("Gilipollas");
        assertThat(bo.ws.transcript()).doesNotContain("Gilipollas");

        room.act("/waiting/name/" + id, "action", "approve");
        filterWith(f -> f.path("waiting").isEmpty());
        send(rude.ws, question("And who answers on Instagram?", false));
        JsonNode after = questionsWith(projector, q -> hasText(q.get("list"), "And who answers on Instagram?"));
        assertThat(after.toString()).as("approved, the name is shown from then on").contains("Pedro Gilipollas");

        Phone other = room.join("Cabrón");
        long otherId = filterWith(f -> f.path("waiting").size() == 1).at("/waiting/0/id").asLong();
        room.act("/waiting/name/" + otherId, "action", "reject");
        filterWith(f -> f.path("waiting").isEmpty());
        send(other.ws, question("Is there coffee?", false));
        JsonNode rejected = questionsWith(projector, q -> hasText(q.get("list"), "Is there coffee?"));
        assertThat(rejected.toString()).doesNotContain("Cabr").contains("Participant " + otherId);
    }
}
