package org.tallersocial.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.message;
import static org.tallersocial.testing.Conversation.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A quiz of three questions, on the server's clock: points for a right pick, more for a quick one, one
 * pick per question, a question that closes by itself when its time is up, ties that share a place, and
 * a leaderboard of nicknames that leaves out whoever stayed off it.
 */
class QuizTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private MutableClock clock;
    private TestServer server;
    private LiveRoom room;
    private WsClient projector;
    private WsClient console;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        server = TestServer.withClock(clock);
        room = LiveRoom.draft(server, Facilitators.first(server), "quiz/en");
        room.act("/live");
        projector = room.projector();
        console = room.console();
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    private static ObjectNode pick(long step, int option) {
        return message("quizAnswer").put("step", step).put("option", option);
    }

    private static ObjectNode name(long step, String nickname) {
        return message("quizName").put("step", step).put("nickname", nickname);
    }

    /** Moves the room to a question and returns its id, once every screen shows it open. */
    private long question(int position) {
        room.goTo(position);
        JsonNode state = console.awaitStep(position);
        assertThat(state.at("/step/pollState").asText()).isEqualTo("open");
        assertThat(state.at("/step/timerEndsAt").asLong()).as("the question's own clock")
                .isEqualTo(clock.millis() + 10_000);
        return state.at("/step/id").asLong();
    }

    private JsonNode closedState(WsClient ws, long step) {
        return ws.await(m -> m.path("type").asText().equals("state") && m.at("/step/id").asLong() == step
                && m.at("/step/pollState").asText().equals("closed"), WAIT);
    }

    @Test
    void three_questions_with_points_ties_and_a_board_without_those_who_stayed_off() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        Phone cy = room.join("Cy");
        Phone dee = room.join("Dee");

        long q1 = question(1);
        JsonNode seen = ana.ws.awaitStep(1);
        assertThat(seen.at("/step/exercise/options").size()).isEqualTo(3);
        assertThat(seen.toString()).as("the phone is never told which option is right before the time is up")
                .doesNotContain("correct");
        assertThat(send(ana.ws, name(q1, "  Ana   la rápida ")).path("nickname").asText()).isEqualTo("Ana la rápida");
        assertThat(send(bo.ws, name(q1, "Bo")).path("type").asText()).isEqualTo("ack");
        assertThat(send(cy.ws, message("quizName").put("step", q1).putNull("nickname")).path("type").asText())
                .as("Cy stays off the board").isEqualTo("ack");
        assertThat(send(dee.ws, name(q1, "ANA LA RAPIDA")).path("code").asText()).isEqualTo("nickname_taken");

        assertThat(send(ana.ws, pick(q1, 0)).path("option").asInt()).isEqualTo(0);
        clock.advance(Duration.ofSeconds(4));
        send(bo.ws, pick(q1, 0));
        send(cy.ws, pick(q1, 2));
        assertThat(send(ana.ws, pick(q1, 1)).path("code").asText()).as("a pick is final").isEqualTo("already_answered");
        assertThat(send(ana.ws, pick(q1, 7)).path("code").asText()).isEqualTo("unknown_option");
        JsonNode running = projector.await(m -> m.path("type").asText().equals("picture")
                && m.at("/picture/respondents").asInt() == 3, WAIT).get("picture");
        assertThat(running.has("options")).as("no counts, no right answer while the room answers").isFalse();
        assertThat(running.has("board")).isFalse();

        clock.advance(Duration.ofMillis(7_600));
        JsonNode over = closedState(projector, q1).get("picture");
        assertThat(over.path("over").asBoolean()).isTrue();
        assertThat(over.at("/options/0/count").asInt()).isEqualTo(2);
        assertThat(over.at("/options/0/correct").asBoolean()).isTrue();
        assertThat(over.at("/options/2/count").asInt()).isEqualTo(1);
        assertThat(over.at("/options/2/correct").asBoolean()).isFalse();
        JsonNode anaMine = closedState(ana.ws, q1).get("mine");
        assertThat(anaMine.path("points").asInt()).as("right at once").isEqualTo(1000);
        assertThat(closedState(bo.ws, q1).at("/mine/points").asInt()).as("right after 4 of 10 s").isEqualTo(800);
        assertThat(closedState(cy.ws, q1).at("/mine/points").asInt()).as("wrong").isZero();
        assertThat(send(dee.ws, pick(q1, 0)).path("code").asText()).as("too late").isEqualTo("poll_closed");

        // Two right answers on the second: either one counts. Bo is quicker now, and they are level.
        long q2 = question(2);
        send(bo.ws, pick(q2, 2));
        clock.advance(Duration.ofSeconds(4));
        send(ana.ws, pick(q2, 0));
        send(cy.ws, pick(q2, 1));
        clock.advance(Duration.ofMillis(7_600));
        assertThat(closedState(ana.ws, q2).at("/mine/total").asInt()).isEqualTo(1800);
        JsonNode boLevel = closedState(bo.ws, q2).get("mine");
        assertThat(boLevel.path("total").asInt()).isEqualTo(1800);
        assertThat(boLevel.path("rank").asInt()).as("a tie shares the first place").isEqualTo(1);

        long q3 = question(3);
        send(cy.ws, pick(q3, 1));
        send(ana.ws, pick(q3, 0));
        send(bo.ws, pick(q3, 0));
        room.act("/steps/" + q3 + "/poll", "action", "close");
        JsonNode cyFinal = closedState(cy.ws, q3).get("mine");
        assertThat(cyFinal.path("total").asInt()).isEqualTo(1000);
        assertThat(cyFinal.path("rank").asInt()).as("after the two firsts").isEqualTo(3);
        assertThat(cyFinal.path("players").asInt()).isEqualTo(3);

        room.act("/steps/" + q3 + "/quiz", "board", "show");
        JsonNode board = projector.await(m -> m.path("type").asText().equals("picture")
                && m.at("/picture/board").isArray(), WAIT).get("picture");
        assertThat(board.path("last").asBoolean()).as("the quiz's final board").isTrue();
        assertThat(board.get("board").findValuesAsText("nickname")).containsExactly("Ana la rápida", "Bo");
        assertThat(board.get("board").findValuesAsText("rank")).containsExactly("1", "1");
        assertThat(board.get("board").findValuesAsText("points")).containsExactly("1800", "1800");
        assertThat(board.toString()).as("Cy stayed off: not even unnamed").doesNotContain("1000");
        assertThat(room.actRaw("/steps/" + q3 + "/quiz", "board", "maybe").status()).isEqualTo(409);
        assertThat(room.actRaw("/timer", "seconds", "60").status()).as("a question keeps its own clock").isEqualTo(409);
        room.act("/steps/" + q3 + "/quiz", "board", "hide");
        projector.await(m -> m.path("type").asText().equals("picture") && !m.at("/picture/board").isArray(), WAIT);
    }

    @Test
    void a_nickname_the_word_filter_catches_is_refused_in_the_phones_language() {
        Phone ana = room.join("Ana");
        long q1 = question(1);
        JsonNode refused = send(ana.ws, name(q1, "Big Asshole"));
        assertThat(refused.path("code").asText()).isEqualTo("nickname_refused");
        assertThat(refused.path("message").asText()).isEqualTo("That nickname cannot go on the leaderboard: choose another.");
        room.act("/word-filter", "action", "off");
        assertThat(send(ana.ws, name(q1, "Big Asshole")).path("type").asText())
                .as("with the filter off, the facilitator's choice").isEqualTo("ack");
    }

    @Test
    void picks_and_nicknames_outlive_a_restart() {
        Phone ana = room.join("Ana");
        long q1 = question(1);
        send(ana.ws, name(q1, "Ana"));
        ObjectNode first = pick(q1, 0);
        send(ana.ws, first);
        room.close();
        server = server.restart();
        try (WsClient back = WsClient.connect(server.wsUrl() + "/ws/phone/" + room.code, ana.browser.cookieHeader())) {
            JsonNode state = back.await("state");
            assertThat(state.at("/mine/option").asInt()).isZero();
            assertThat(state.at("/mine/nickname").asText()).isEqualTo("Ana");
            JsonNode again = send(back, first);
            assertThat(again.path("duplicate").asBoolean()).as("a resent pick is acknowledged, not refused").isTrue();
        }
    }
}
