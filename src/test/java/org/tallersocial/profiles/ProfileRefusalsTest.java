package org.tallersocial.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.ProfileAnswers.answer;
import static org.tallersocial.testing.ProfileAnswers.message;
import static org.tallersocial.testing.ProfileAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Every bad answer gets a clear error on its own socket, stores nothing, and the room goes on. */
class ProfileRefusalsTest {

    private TestServer server;
    private LiveRoom room;
    private Phone ana;
    private long step;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        room = LiveRoom.draft(server, Facilitators.first(server), "profiles/en");
        room.act("/live");
        ana = room.join("");
        room.goTo(1);
        step = ana.ws.awaitStep(1).at("/step/id").asLong();
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    private JsonNode refused(ObjectNode answer, String network, String code) {
        JsonNode reply = send(ana.ws, step, network, answer);
        assertThat(reply.path("type").asText()).as("reply: %s", reply).isEqualTo("error");
        assertThat(reply.path("code").asText()).isEqualTo(code);
        assertThat(reply.path("message").asText()).isNotBlank().doesNotContain("error.");
        return reply;
    }

    private void nothingStored() {
        WsClient console = room.console();
        JsonNode state = console.await("state");
        assertThat(state.at("/picture/respondents").asInt()).isZero();
        assertThat(state.at("/picture/networks/0/answered").asInt()).isZero();
        JsonNode ok = send(ana.ws, step, "LinkedIn", answer("no", null, List.of(), List.of()));
        assertThat(ok.path("type").asText()).as("the socket still works").isEqualTo("ack");
    }

    @Test
    void an_unknown_network_is_refused() {
        refused(answer("yes", 1, List.of(), List.of()), "MySpace", "unknown_network");
        nothingStored();
    }

    @Test
    void a_ladder_value_out_of_range_is_refused() {
        refused(answer("yes", 5, List.of(), List.of()), "LinkedIn", "invalid_answer");
        refused(answer("yes", -1, List.of(), List.of()), "LinkedIn", "invalid_answer");
        ObjectNode fractional = answer("yes", 1, List.of(), List.of());
        fractional.put("ladder", 1.5);
        refused(fractional, "LinkedIn", "invalid_answer");
        refused(answer("yes", null, List.of(), List.of()), "LinkedIn", "invalid_answer");
        assertThat(refused(answer("no", 2, List.of(), List.of()), "LinkedIn", "invalid_answer")
                .path("message").asText()).contains("only of those who have one");
        nothingStored();
    }

    @Test
    void unknown_or_repeated_choices_and_a_missing_presence_are_refused() {
        refused(answer("maybe", null, List.of(), List.of()), "LinkedIn", "invalid_answer");
        refused(answer("no", null, List.of("laziness"), List.of()), "LinkedIn", "invalid_answer");
        refused(answer("no", null, List.of("time", "time"), List.of()), "LinkedIn", "invalid_answer");
        refused(answer("no", null, List.of(), List.of("money")), "LinkedIn", "invalid_answer");
        ObjectNode notAList = answer("no", null, List.of(), List.of());
        notAList.put("helps", "training");
        refused(notAList, "LinkedIn", "invalid_answer");
        nothingStored();
    }

    @Test
    void oversize_or_unticked_free_text_is_refused() {
        ObjectNode tooLong = answer("no", null, List.of("other"), List.of());
        tooLong.put("obstacleOther", "x".repeat(81));
        assertThat(refused(tooLong, "LinkedIn", "too_long").path("message").asText()).contains("80");
        ObjectNode unticked = answer("no", null, List.of("time"), List.of());
        unticked.put("helpOther", "a coffee");
        refused(unticked, "LinkedIn", "invalid_answer");
        nothingStored();
    }

    @Test
    void volunteering_needs_a_profile_and_a_name() {
        ObjectNode noProfile = answer("no", null, List.of(), List.of());
        noProfile.put("ambassador", true).put("ambassadorName", "Ana");
        refused(noProfile, "LinkedIn", "invalid_answer");
        ObjectNode nameless = answer("yes", 4, List.of(), List.of());
        nameless.put("ambassador", true);
        assertThat(refused(nameless, "LinkedIn", "invalid_answer").path("message").asText()).contains("name");
        nothingStored();
    }

    @Test
    void a_message_without_answer_seq_or_step_is_refused() {
        ObjectNode msg = message(step, "LinkedIn", null, 10);
        msg.remove("answer");
        assertThat(send(ana.ws, msg).path("code").asText()).isEqualTo("invalid_message");
        ObjectNode noSeq = message(step, "LinkedIn", answer("no", null, List.of(), List.of()), 10);
        noSeq.remove("seq");
        assertThat(send(ana.ws, noSeq).path("code").asText()).isEqualTo("invalid_message");
        assertThat(send(ana.ws, message(step + 1000, "LinkedIn", answer("no", null, List.of(), List.of()), 11))
                .path("code").asText()).isEqualTo("wrong_step");
        nothingStored();
    }

    @Test
    void the_projector_and_the_console_cannot_answer() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        ObjectNode msg = message(step, "LinkedIn", answer("yes", 1, List.of(), List.of()), 20);
        assertThat(send(projector, msg).path("code").asText()).isEqualTo("not_allowed");
        assertThat(send(console, message(step, "LinkedIn", answer("yes", 1, List.of(), List.of()), 21))
                .path("code").asText()).isEqualTo("not_allowed");
        nothingStored();
    }

    @Test
    void an_answer_before_the_room_reaches_the_exercise_is_refused() {
        room.goTo(0);
        ana.ws.awaitStep(0);
        JsonNode reply = send(ana.ws, step, "LinkedIn", answer("yes", 1, List.of(), List.of()));
        assertThat(reply.path("code").asText()).isEqualTo("wrong_step");
    }
}
