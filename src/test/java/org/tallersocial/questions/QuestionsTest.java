package org.tallersocial.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.byText;
import static org.tallersocial.testing.Conversation.hasText;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.questionsWith;
import static org.tallersocial.testing.Conversation.send;
import static org.tallersocial.testing.Conversation.upvote;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Questions from the room over real sockets: asking on any step, upvoting, the room's list, restarting. */
class QuestionsTest {

    private TestServer server;
    private Browser facilitator;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        facilitator = Facilitators.first(server);
        room = LiveRoom.draft(server, facilitator, "conversation/en");
        room.act("/live");
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    @Test
    void a_question_asked_on_a_slide_reaches_every_phone_the_projector_and_the_console() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");

        JsonNode ack = send(ana.ws, question("  Who answers   reviews on Google? ", false));
        assertThat(ack.path("type").asText()).as("ack: %s", ack).isEqualTo("ack");
        assertThat(ack.at("/asked/text").asText()).as("stored tidied").isEqualTo("Who answers reviews on Google?");
        assertThat(ack.at("/asked/status").asText()).isEqualTo("visible");
        send(bo.ws, question("Can I post on my own account during work?", true));

        JsonNode onBo = questionsWith(bo.ws, q -> q.path("list").size() == 2);
        JsonNode named = byText(onBo.get("list"), "Who answers reviews on Google?");
        assertThat(named.path("name").asText()).isEqualTo("Ana");
        assertThat(byText(onBo.get("list"), "Can I post on my own account during work?").has("name"))
                .as("an anonymous question carries no name").isFalse();
        assertThat(named.has("status")).as("only the console sees moderation status").isFalse();
        questionsWith(projector, q -> q.path("list").size() == 2);
        JsonNode onConsole = questionsWith(console, q -> q.path("list").size() == 2);
        assertThat(onConsole.at("/list/0/status").asText()).isEqualTo("visible");
        assertThat(projector.transcript()).doesNotContain("participant");
    }

    @Test
    void a_phone_asks_for_the_questions_after_its_live_list_a_page_at_a_time() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        send(ana.ws, question("Who answers reviews on Google?", false));
        send(bo.ws, question("Can I post on my own account during work?", true));
        assertThat(questionsWith(bo.ws, q -> q.path("list").size() == 2).path("total").asInt()).isEqualTo(2);

        JsonNode page = send(bo.ws, org.tallersocial.testing.Conversation.message("questionsMore").put("from", 1));
        assertThat(page.path("type").asText()).as("page: %s", page).isEqualTo("questionsPage");
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("list")).hasSize(1);
        assertThat(page.at("/list/0/text").asText()).isEqualTo("Can I post on my own account during work?");
        assertThat(send(bo.ws, org.tallersocial.testing.Conversation.message("questionsMore").put("from", 9))
                .path("list")).as("past the end").isEmpty();

        JsonNode bad = send(bo.ws, org.tallersocial.testing.Conversation.message("questionsMore").put("from", -1));
        assertThat(bad.path("code").asText()).isEqualTo("bad_request");
        assertThat(bad.path("message").asText()).isEqualTo("Ask for a page of questions from 0 on.");
        JsonNode fromConsole = send(room.console(),
                org.tallersocial.testing.Conversation.message("questionsMore").put("from", 0));
        assertThat(fromConsole.path("code").asText()).as("the console has every question already")
                .isEqualTo("bad_request");
    }

    @Test
    void an_upvote_counts_once_per_person_and_can_be_undone() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        Phone cai = room.join("Cai");
        long id = send(ana.ws, question("Will there be training?", true)).at("/asked/id").asLong();

        assertThat(send(bo.ws, upvote(id, true)).path("votes").asInt()).isEqualTo(1);
        assertThat(send(bo.ws, upvote(id, true)).path("votes").asInt()).as("a second upvote is the same").isEqualTo(1);
        assertThat(send(cai.ws, upvote(id, true)).path("votes").asInt()).isEqualTo(2);
        questionsWith(ana.ws, q -> q.at("/list/0/votes").asInt() == 2);

        assertThat(send(bo.ws, upvote(id, false)).path("votes").asInt()).as("undone").isEqualTo(1);
        assertThat(send(bo.ws, upvote(id, false)).path("votes").asInt()).as("undoing twice is the same").isEqualTo(1);
        questionsWith(ana.ws, q -> q.at("/list/0/votes").asInt() == 1);

        bo.reconnect(server.wsUrl(), room.code);
        JsonNode snapshot = bo.ws.await("state");
        assertThat(snapshot.at("/questionsMine/voted").size()).as("Bo's vote is gone").isZero();
        cai.reconnect(server.wsUrl(), room.code);
        assertThat(cai.ws.await("state").at("/questionsMine/voted/0").asLong()).as("Cai's is kept").isEqualTo(id);
    }

    @Test
    void a_burst_of_upvotes_reaches_the_projector_coalesced() {
        WsClient projector = room.projector();
        Phone ana = room.join("Ana");
        long id = send(ana.ws, question("Coffee break soon?", true)).at("/asked/id").asLong();
        java.util.List<Phone> phones = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            phones.add(room.join("P" + i));
        }
        questionsWith(projector, q -> q.at("/list/0/votes").asInt() == 0);
        projector.forget();
        int before = count(projector.transcript());
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (Phone p : phones) {
            var msg = upvote(id, true);
            ids.add(msg.get("id").asText());
            p.ws.send(msg);
        }
        for (int i = 0; i < phones.size(); i++) {
            String msgId = ids.get(i);
            phones.get(i).ws.await(m -> msgId.equals(m.path("id").asText()), java.time.Duration.ofSeconds(10));
        }
        questionsWith(projector, q -> q.at("/list/0/votes").asInt() == 12);
        assertThat(count(projector.transcript()) - before).as("updates for 12 votes sent at once").isLessThan(12);
    }

    private static int count(String transcript) {
        return transcript.split("\"type\":\"questions\"", -1).length - 1;
    }

    @Test
    void the_most_voted_question_comes_first_and_answered_ones_last() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        long first = send(ana.ws, question("First question?", true)).at("/asked/id").asLong();
        long second = send(ana.ws, question("Second question?", true)).at("/asked/id").asLong();
        send(bo.ws, upvote(second, true));
        questionsWith(bo.ws, q -> q.at("/list/0/id").asLong() == second && q.at("/list/0/votes").asInt() == 1);

        room.act("/questions/" + second, "action", "answered");
        JsonNode list = questionsWith(bo.ws, q -> q.at("/list/1/answered").asBoolean()).get("list");
        assertThat(list.get(0).path("id").asLong()).isEqualTo(first);
    }

    @Test
    void questions_and_upvotes_survive_a_restart() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        long id = send(ana.ws, question("Is this recorded?", false)).at("/asked/id").asLong();
        send(bo.ws, upvote(id, true));
        room.act("/questions/" + id, "action", "pin");

        server = server.restart();
        bo.reconnect(server.wsUrl(), room.code);
        JsonNode state = bo.ws.await("state");
        JsonNode q = byText(state.at("/questions/list"), "Is this recorded?");
        assertThat(q.path("votes").asInt()).isEqualTo(1);
        assertThat(q.path("pinned").asBoolean()).isTrue();
        assertThat(state.at("/questionsMine/voted/0").asLong()).isEqualTo(id);
        assertThat(hasText(state.at("/questions/list"), "Is this recorded?")).isTrue();
    }
}
