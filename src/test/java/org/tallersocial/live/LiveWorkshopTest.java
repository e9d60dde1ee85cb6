package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveWorkshop;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.WsClient;

class LiveWorkshopTest {

    @RegisterExtension
    final LiveWorkshop live = new LiveWorkshop();

    /** A code typed in lower case or with a dash opens the same room on every route, as /j/ takes it. */
    @Test
    void sockets_take_the_join_code_as_a_person_types_it() {
        Phone ana = live.room.join("Ana");
        String typed = live.room.code.substring(0, 3).toLowerCase(java.util.Locale.ROOT) + "-"
                + live.room.code.substring(3).toLowerCase(java.util.Locale.ROOT);
        try (WsClient phone = WsClient.connect(live.room.server.wsUrl() + "/ws/phone/" + typed, ana.browser.cookieHeader());
             WsClient projector = WsClient.connect(live.room.server.wsUrl() + "/ws/screen/" + typed, null)) {
            assertThat(phone.await("state").at("/workshop/code").asText()).isEqualTo(live.room.code);
            assertThat(projector.await("state").at("/workshop/code").asText()).isEqualTo(live.room.code);
        }
    }

    @Test
    void advancing_a_step_moves_every_phone_and_the_projector() {
        List<Phone> phones = List.of(live.room.join("Ana"), live.room.join(""), live.room.join("Luis"));
        WsClient projector = live.room.projector();
        phones.forEach(p -> p.ws.awaitStep(0));
        projector.awaitStep(0);

        live.room.goTo(1);

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
        WsClient projector = live.room.projector();
        WsClient console = live.room.console();
        Phone ana = live.room.join("Ana");
        Phone bo = live.room.join("Bo");
        live.room.goTo(1);
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
        Phone ana = live.room.join("Ana");
        Phone bo = live.room.join("Bo");
        Phone cy = live.room.join("Cy");
        live.room.goTo(1);
        long step = cy.ws.awaitStep(1).at("/step/id").asLong();
        live.room.poll(step, "reveal");
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
        Phone ana = live.room.join("Ana");
        live.room.goTo(2);
        long step = ana.ws.awaitStep(2).at("/step/id").asLong();
        ana.answerAndWait(step, List.of(0, 3));

        ana.reconnect(live.server.wsUrl(), live.room.code);

        JsonNode state = ana.ws.await("state");
        assertThat(state.at("/step/index").asInt()).isEqualTo(2);
        assertThat(state.at("/mine/value").toString()).isEqualTo("[0,3]");
    }

    @Test
    void a_retried_vote_is_not_counted_twice_and_a_changed_vote_replaces_the_old_one() {
        WsClient console = live.room.console();
        Phone ana = live.room.join("Ana");
        live.room.goTo(1);
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
        WsClient projector = live.room.projector();
        Phone ana = live.room.join("Ana");
        live.room.goTo(6);
        long step = ana.ws.awaitStep(6).at("/step/id").asLong();
        JsonNode before = projector.awaitStep(6);
        assertThat(before.has("results")).isFalse();
        assertThat(before.at("/step/truth").isMissingNode()).as("the true value stays secret").isTrue();

        ana.answerAndWait(step, 30);
        live.room.poll(step, "close");
        live.room.poll(step, "reveal");

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
        WsClient projector = live.room.projector();
        WsClient console = live.room.console();
        Phone ana = live.room.join("Ana");

        assertThat(console.awaitStep(0).at("/step/notes").asText()).isEqualTo("Secret facilitator note");
        assertThat(projector.awaitStep(0).toString()).doesNotContain("Secret facilitator note");
        assertThat(ana.ws.awaitStep(0).toString()).doesNotContain("Secret facilitator note");
    }

    @Test
    void the_projector_and_console_count_who_joined_and_who_is_connected() {
        WsClient projector = live.room.projector();
        projector.await("state");
        Phone ana = live.room.join("Ana");
        Phone bo = live.room.join("Bo");

        projector.await(m -> m.at("/presence/joined").asInt() == 2 && m.at("/presence/connected").asInt() == 2,
                Duration.ofSeconds(5));
        bo.close();
        projector.await(m -> m.at("/presence/joined").asInt() == 2 && m.at("/presence/connected").asInt() == 1,
                Duration.ofSeconds(5));
        assertThat(ana.ws.isClosed()).isFalse();
    }

    @Test
    void a_text_answer_hidden_by_the_facilitator_leaves_the_projector() {
        WsClient projector = live.room.projector();
        WsClient console = live.room.console();
        Phone ana = live.room.join("Ana");
        live.room.goTo(5);
        long step = ana.ws.awaitStep(5).at("/step/id").asLong();
        ana.answerAndWait(step, "<b>rude</b> words");

        JsonNode seen = console.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/voters").asInt() == 1, Duration.ofSeconds(5));
        long answerId = seen.at("/results/answers/0/id").asLong();
        projector.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/answers/0/text").asText().equals("<b>rude</b> words"), Duration.ofSeconds(5));

        live.room.act("/steps/" + step + "/answers/" + answerId, "action", "hide");

        JsonNode after = projector.await(m -> m.path("type").asText().equals("results")
                && m.at("/results/hiddenCount").asInt() == 1, Duration.ofSeconds(5));
        assertThat(after.at("/results/answers").size()).isZero();
        assertThat(after.toString()).doesNotContain("rude");
    }

    @Test
    void the_timer_is_shared_by_every_screen() {
        Phone ana = live.room.join("Ana");
        ana.ws.awaitStep(0);
        live.room.act("/timer", "seconds", "90");
        JsonNode state = ana.ws.await(m -> m.at("/step/timerEndsAt").isNumber(), Duration.ofSeconds(5));
        long left = state.at("/step/timerEndsAt").asLong() - state.path("now").asLong();
        assertThat(left).isBetween(85_000L, 90_000L);
        live.room.act("/timer", "seconds", "stop");
        ana.ws.await(m -> m.path("type").asText().equals("state") && m.at("/step/timerEndsAt").isMissingNode(),
                Duration.ofSeconds(5));
    }

    @Test
    void the_console_gets_the_clock_to_compare_time_spent_with_time_planned() {
        WsClient console = live.room.console();
        JsonNode first = console.awaitStep(0);
        assertThat(first.at("/clock/plannedTotalSeconds").asInt()).isEqualTo(8 * 60);
        assertThat(first.at("/clock/workshopStartedAt").asLong()).isPositive();

        live.room.goTo(3);

        JsonNode third = console.awaitStep(3);
        assertThat(third.at("/clock/plannedBeforeStepSeconds").asInt()).isEqualTo(3 * 60);
        assertThat(third.at("/clock/stepStartedAt").asLong())
                .isGreaterThanOrEqualTo(first.at("/clock/stepStartedAt").asLong());
        assertThat(live.room.projector().await("state").has("clock")).as("only the console").isFalse();
    }
}
