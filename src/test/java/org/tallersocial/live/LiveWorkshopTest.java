package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

class LiveWorkshopTest {

    private TestServer server;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start();
        room = LiveRoom.live(server, Facilitators.first(server));
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    @Test
    void advancing_a_step_moves_every_phone_and_the_projector() {
        List<Phone> phones = List.of(room.join("Ana"), room.join(""), room.join("Luis"));
        WsClient projector = room.projector();
        phones.forEach(p -> p.ws.awaitStep(0));
        projector.awaitStep(0);

        room.goTo(1);

        for (Phone p : phones) {
            JsonNode state = p.ws.awaitStep(1);
            assertThat(state.at("/step/kind").asText()).isEqualTo("single");
            assertThat(state.at("/step/pollState").asText()).isEqualTo("open");
            assertThat(state.at("/step/options/1").asText()).isEqualTo("Everyone");
        }
        assertThat(projector.awaitStep(1).at("/step/question").asText()).isEqualTo("Who should speak for us?");
    }

    @Test
    void a_vote_is_acknowledged_and_the_projector_and_console_see_the_count() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        room.goTo(1);
        long step = ana.ws.awaitStep(1).at("/step/id").asLong();

        JsonNode ack = ana.answerAndWait(step, 1);
        bo.answerAndWait(step, 1);

        assertThat(ack.path("type").asText()).isEqualTo("ack");
        assertThat(ack.path("value").asInt()).isEqualTo(1);
        JsonNode results = projector.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/voters").asInt() == 2, Duration.ofSeconds(5));
        assertThat(results.at("/results/options/1/count").asInt()).isEqualTo(2);
        console.await(m -> m.path("type").asText().equals("results") && m.at("/results/voters").asInt() == 2,
                Duration.ofSeconds(5));
    }

    @Test
    void a_poll_revealed_while_open_shows_the_phones_the_live_count() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        Phone cy = room.join("Cy");
        room.goTo(1);
        long step = cy.ws.awaitStep(1).at("/step/id").asLong();
        room.poll(step, "reveal");
        cy.ws.await(m -> m.path("type").asText().equals("state") && m.at("/step/revealed").asBoolean(),
                Duration.ofSeconds(5));

        ana.answerAndWait(step, 1);
        bo.answerAndWait(step, 2);

        JsonNode seen = cy.ws.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/voters").asInt() == 2, Duration.ofSeconds(5));
        assertThat(seen.at("/results/options/1/count").asInt()).isEqualTo(1);
        assertThat(seen.at("/results/options/2/count").asInt()).isEqualTo(1);
    }

    @Test
    void a_phone_that_reconnects_sees_its_own_answer() {
        Phone ana = room.join("Ana");
        room.goTo(2);
        long step = ana.ws.awaitStep(2).at("/step/id").asLong();
        ana.answerAndWait(step, List.of(0, 3));

        ana.reconnect(server.wsUrl(), room.code);

        JsonNode state = ana.ws.await("state");
        assertThat(state.at("/step/index").asInt()).isEqualTo(2);
        assertThat(state.at("/mine/value").toString()).isEqualTo("[0,3]");
    }

    @Test
    void a_retried_vote_is_not_counted_twice_and_a_changed_vote_replaces_the_old_one() {
        WsClient console = room.console();
        Phone ana = room.join("Ana");
        room.goTo(1);
        long step = ana.ws.awaitStep(1).at("/step/id").asLong();

        ana.reply(ana.answer(step, 0, 100));
        JsonNode retry = ana.reply(ana.answer(step, 0, 100));
        assertThat(retry.path("duplicate").asBoolean()).isTrue();

        ana.reply(ana.answer(step, 2, 200));
        JsonNode late = ana.reply(ana.answer(step, 0, 150));
        assertThat(late.path("duplicate").asBoolean()).as("an older retry arriving late changes nothing").isTrue();
        assertThat(late.path("value").asInt()).isEqualTo(2);

        JsonNode results = console.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/options/2/count").asInt() == 1, Duration.ofSeconds(5));
        assertThat(results.at("/results/voters").asInt()).isEqualTo(1);
        assertThat(results.at("/results/options/0/count").asInt()).isZero();
    }

    @Test
    void hidden_results_reach_the_projector_only_after_the_reveal() {
        WsClient projector = room.projector();
        Phone ana = room.join("Ana");
        room.goTo(6);
        long step = ana.ws.awaitStep(6).at("/step/id").asLong();
        JsonNode before = projector.awaitStep(6);
        assertThat(before.has("results")).isFalse();
        assertThat(before.at("/step/truth").isMissingNode()).as("the true value stays secret").isTrue();

        ana.answerAndWait(step, 30);
        room.poll(step, "close");
        room.poll(step, "reveal");

        JsonNode after = projector.await(m -> m.path("type").asText().equals("state")
                && m.at("/step/revealed").asBoolean(), Duration.ofSeconds(5));
        assertThat(after.at("/results/truth").asDouble()).isEqualTo(44.0);
        assertThat(after.at("/results/median").asDouble()).isEqualTo(30.0);
        assertThat(after.at("/results/source").asText()).contains("Gartner");
        JsonNode phoneView = ana.ws.await(m -> m.path("type").asText().equals("state")
                && m.at("/step/revealed").asBoolean(), Duration.ofSeconds(5));
        assertThat(phoneView.at("/results/truth").asDouble()).isEqualTo(44.0);
    }

    @Test
    void facilitator_notes_reach_only_the_console() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        Phone ana = room.join("Ana");

        assertThat(console.awaitStep(0).at("/step/notes").asText()).isEqualTo("Secret facilitator note");
        assertThat(projector.awaitStep(0).toString()).doesNotContain("Secret facilitator note");
        assertThat(ana.ws.awaitStep(0).toString()).doesNotContain("Secret facilitator note");
    }

    @Test
    void the_projector_and_console_count_who_joined_and_who_is_connected() {
        WsClient projector = room.projector();
        projector.await("state");
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");

        projector.await(m -> m.at("/presence/joined").asInt() == 2 && m.at("/presence/connected").asInt() == 2,
                Duration.ofSeconds(5));
        bo.close();
        projector.await(m -> m.at("/presence/joined").asInt() == 2 && m.at("/presence/connected").asInt() == 1,
                Duration.ofSeconds(5));
        assertThat(ana.ws.isClosed()).isFalse();
    }

    @Test
    void a_text_answer_hidden_by_the_facilitator_leaves_the_projector() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        Phone ana = room.join("Ana");
        room.goTo(5);
        long step = ana.ws.awaitStep(5).at("/step/id").asLong();
        ana.answerAndWait(step, "<b>rude</b> words");

        JsonNode seen = console.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/voters").asInt() == 1, Duration.ofSeconds(5));
        long answerId = seen.at("/results/answers/0/id").asLong();
        projector.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/answers/0/text").asText().equals("<b>rude</b> words"), Duration.ofSeconds(5));

        room.act("/steps/" + step + "/answers/" + answerId, "action", "hide");

        JsonNode after = projector.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/hiddenCount").asInt() == 1, Duration.ofSeconds(5));
        assertThat(after.at("/results/answers").size()).isZero();
        assertThat(after.toString()).doesNotContain("rude");
    }

    @Test
    void the_timer_is_shared_by_every_screen() {
        Phone ana = room.join("Ana");
        ana.ws.awaitStep(0);
        room.act("/timer", "seconds", "90");
        JsonNode state = ana.ws.await(m -> m.at("/step/timerEndsAt").isNumber(), Duration.ofSeconds(5));
        long left = state.at("/step/timerEndsAt").asLong() - state.path("now").asLong();
        assertThat(left).isBetween(85_000L, 90_000L);
        room.act("/timer", "seconds", "stop");
        ana.ws.await(m -> m.path("type").asText().equals("state") && m.at("/step/timerEndsAt").isMissingNode(),
                Duration.ofSeconds(5));
    }

    @Test
    void the_console_gets_the_clock_to_compare_time_spent_with_time_planned() {
        WsClient console = room.console();
        JsonNode first = console.awaitStep(0);
        assertThat(first.at("/clock/plannedTotalSeconds").asInt()).isEqualTo(8 * 60);
        assertThat(first.at("/clock/workshopStartedAt").asLong()).isPositive();

        room.goTo(3);

        JsonNode third = console.awaitStep(3);
        assertThat(third.at("/clock/plannedBeforeStepSeconds").asInt()).isEqualTo(3 * 60);
        assertThat(third.at("/clock/stepStartedAt").asLong())
                .isGreaterThanOrEqualTo(first.at("/clock/stepStartedAt").asLong());
        assertThat(room.projector().await("state").has("clock")).as("only the console").isFalse();
    }
}
