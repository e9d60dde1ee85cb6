package org.tallersocial.questions;

import static org.assertj.core.api.Assertions.assertThat;
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

/** What moderation keeps from the room: a question waiting for approval or hidden never reaches it. */
class QuestionModerationTest {

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

    @Test
    void with_approval_on_a_question_reaches_the_room_only_once_approved_and_never_once_hidden() {
        room.act("/questions/settings", "needsApproval", "on");
        WsClient projector = room.projector();
        WsClient console = room.console();
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");

        JsonNode asked = send(ana.ws, question("Why is the boss never here?", false));
        assertThat(asked.at("/asked/status").asText()).as("the author sees it waits").isEqualTo("pending");
        long kept = asked.at("/asked/id").asLong();
        long rude = send(ana.ws, question("Rude words about a colleague", true)).at("/asked/id").asLong();
        JsonNode queue = questionsWith(console, q -> q.path("pending").asInt() == 2);
        assertThat(queue.path("list").size()).isEqualTo(2);

        assertThat(send(bo.ws, upvote(rude, true)).path("code").asText())
                .as("an unapproved question cannot be found by id either").isEqualTo("unknown_question");
        assertThat(room.actRaw("/questions/" + rude, "action", "pin").status())
                .as("an unapproved question cannot be pinned").isEqualTo(409);
        room.act("/questions/" + rude, "action", "hide");
        JsonNode told = ana.ws.await(m -> m.path("type").asText().equals("questionsMine")
                && m.at("/questionsMine/asked/1/status").asText().equals("hidden"), java.time.Duration.ofSeconds(5));
        assertThat(told.at("/questionsMine/asked/0/status").asText())
                .as("the author hears at once what became of their questions, without a snapshot").isEqualTo("pending");
        assertThat(bo.ws.transcript()).as("and only the author").doesNotContain("\"type\":\"questionsMine\"");
        room.act("/questions/" + kept, "action", "approve");
        JsonNode onBo = questionsWith(bo.ws, q -> hasText(q.get("list"), "Why is the boss never here?"));
        assertThat(onBo.path("list").size()).isEqualTo(1);
        questionsWith(projector, q -> hasText(q.get("list"), "Why is the boss never here?"));

        room.act("/questions/" + kept, "action", "hide");
        questionsWith(bo.ws, q -> q.get("list").isEmpty());
        questionsWith(projector, q -> q.get("list").isEmpty());
        bo.reconnect(server.wsUrl(), room.code);
        assertThat(bo.ws.await("state").at("/questions/list").isEmpty()).as("nor in a fresh snapshot").isTrue();
        WsClient lateProjector = room.projector();
        assertThat(lateProjector.await("state").at("/questions/list").isEmpty()).isTrue();
        questionsWith(console, q -> q.path("list").size() == 2 && q.at("/list/0/status").asText().equals("hidden")
                && q.at("/list/1/status").asText().equals("hidden"));

        assertThat(bo.ws.transcript()).doesNotContain("Rude words");
        assertThat(projector.transcript()).doesNotContain("Rude words");
        assertThat(lateProjector.transcript()).doesNotContain("Rude words").doesNotContain("boss");
        assertThat(console.transcript()).contains("Rude words");
        ana.reconnect(server.wsUrl(), room.code);
        JsonNode own = ana.ws.await("state").at("/questionsMine/asked");
        assertThat(own.size()).as("the author still sees their own questions").isEqualTo(2);
        assertThat(own.get(0).path("status").asText()).isEqualTo("hidden");
    }

    @Test
    void without_approval_a_hidden_question_leaves_every_phone_and_the_projector() {
        WsClient projector = room.projector();
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        long id = send(ana.ws, question("Something off-topic", true)).at("/asked/id").asLong();
        questionsWith(bo.ws, q -> q.get("list").size() == 1);
        room.act("/questions/" + id, "action", "pin");
        questionsWith(projector, q -> q.at("/list/0/pinned").asBoolean());

        room.act("/questions/" + id, "action", "hide");
        questionsWith(bo.ws, q -> q.get("list").isEmpty());
        questionsWith(projector, q -> q.get("list").isEmpty());
        room.act("/questions/" + id, "action", "approve");
        JsonNode back = questionsWith(projector, q -> q.get("list").size() == 1);
        assertThat(back.at("/list/0/pinned").asBoolean()).as("hiding unpinned it").isFalse();
    }

    @Test
    void one_question_is_pinned_at_a_time_and_the_projector_is_told_to_show_the_list() {
        WsClient projector = room.projector();
        Phone ana = room.join("Ana");
        long a = send(ana.ws, question("Question A?", true)).at("/asked/id").asLong();
        long b = send(ana.ws, question("Question B?", true)).at("/asked/id").asLong();
        room.act("/questions/" + a, "action", "pin");
        room.act("/questions/" + b, "action", "pin");
        JsonNode list = questionsWith(projector, q -> q.at("/list/1/pinned").asBoolean()).get("list");
        assertThat(list.get(0).path("pinned").asBoolean()).as("pinning B unpinned A").isFalse();
        assertThat(projector.transcript()).contains("\"onScreen\":false");
        projector.forget();
        room.act("/questions/" + b, "action", "unpin");
        questionsWith(projector, q -> q.get("list").size() == 2
                && !q.at("/list/0/pinned").asBoolean() && !q.at("/list/1/pinned").asBoolean());

        room.act("/questions/settings", "onScreen", "on");
        questionsWith(projector, q -> q.path("onScreen").asBoolean());
        assertThat(room.actRaw("/questions/settings", "onScreen", "maybe").status()).isEqualTo(409);
        assertThat(room.actRaw("/questions/" + a, "action", "delete").status()).isEqualTo(409);
        assertThat(room.actRaw("/questions/999999", "action", "hide").status()).isEqualTo(409);
    }
}
