package org.tallersocial.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.message;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.questionsWith;
import static org.tallersocial.testing.Conversation.send;
import static org.tallersocial.testing.Conversation.upvote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Limits and bad input: each gets its own error, nothing is stored, and the socket carries on. */
class QuestionRefusalsTest {

    private TestServer server;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        Browser facilitator = Facilitators.first(server);
        room = LiveRoom.draft(server, facilitator, "conversation/en");
        room.act("/live");
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    private static String code(JsonNode reply) {
        return reply.path("type").asText() + ":" + reply.path("code").asText();
    }

    @Test
    void a_phone_asks_at_most_three_questions_a_minute() {
        Phone ana = room.join("Ana");
        for (int i = 1; i <= Questions.PER_MINUTE; i++) {
            assertThat(code(send(ana.ws, question("Question number " + i + "?", true)))).isEqualTo("ack:");
        }
        JsonNode refused = send(ana.ws, question("One more?", true));
        assertThat(code(refused)).isEqualTo("error:too_fast");
        assertThat(refused.path("message").asText()).isEqualTo("At most 3 a minute: wait a moment and send it again.");
        Phone bo = room.join("Bo");
        assertThat(code(send(bo.ws, question("One more?", true)))).as("the limit is per phone").isEqualTo("ack:");
    }

    @Test
    void the_same_question_twice_from_one_phone_is_refused_but_a_resent_message_is_acknowledged() {
        Phone ana = room.join("Ana");
        ObjectNode first = question("Do we have a budget?", true);
        JsonNode ack = send(ana.ws, first);
        JsonNode again = send(ana.ws, first);
        assertThat(again.path("duplicate").asBoolean()).as("a resend after a lost ack").isTrue();
        assertThat(again.at("/asked/id").asLong()).isEqualTo(ack.at("/asked/id").asLong());
        assertThat(code(send(ana.ws, question("  do we have a BUDGET ", true)))).isEqualTo("error:duplicate");
        Phone bo = room.join("Bo");
        assertThat(code(send(bo.ws, question("Do we have a budget?", true)))).isEqualTo("ack:");
        assertThat(questionsWith(bo.ws, q -> q.get("list").size() == 2).get("list").size()).isEqualTo(2);
    }

    @Test
    void bad_questions_and_upvotes_are_refused_and_the_socket_goes_on() {
        Phone ana = room.join("Ana");
        assertThat(code(send(ana.ws, question("   ", true)))).isEqualTo("error:invalid_answer");
        assertThat(code(send(ana.ws, question("x".repeat(Questions.MAX_CHARS + 1), true)))).isEqualTo("error:too_long");
        assertThat(code(send(ana.ws, message("question")))).isEqualTo("error:invalid_message");
        assertThat(code(send(ana.ws, message("question").put("text", 42)))).isEqualTo("error:invalid_message");
        assertThat(code(send(ana.ws, upvote(123456, true)))).isEqualTo("error:unknown_question");
        assertThat(code(send(ana.ws, message("upvote").put("question", "one").put("up", true))))
                .isEqualTo("error:invalid_message");
        long id = send(ana.ws, question("A fine question", true)).at("/asked/id").asLong();
        assertThat(code(send(ana.ws, message("upvote").put("question", id).put("up", "yes"))))
                .isEqualTo("error:invalid_message");
        assertThat(code(send(ana.ws, question("<script>alert(1)</script>", true)))).as("stored as text").isEqualTo("ack:");

        WsClient projector = room.projector();
        projector.await("state");
        assertThat(code(send(projector, question("From the projector?", true)))).isEqualTo("error:not_allowed");
        WsClient console = room.console();
        console.await("state");
        assertThat(code(send(console, upvote(id, true)))).isEqualTo("error:not_allowed");
        assertThat(questionsWith(ana.ws, q -> q.get("list").size() == 2).get("list").size()).isEqualTo(2);
    }

    @Test
    void a_closed_workshop_takes_no_more_questions() {
        Phone ana = room.join("Ana");
        room.act("/close");
        assertThat(code(send(ana.ws, question("Still there?", true)))).isEqualTo("error:not_live");
    }
}
