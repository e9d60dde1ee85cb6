package org.tallersocial.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.ProfileAnswers.answer;
import static org.tallersocial.testing.ProfileAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** A small company raises the smallest count shown: every screen and the CSV hide what falls under it. */
class ProfileThresholdTest {

    private TestServer server;
    private Browser facilitator;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        facilitator = Facilitators.first(server);
        room = LiveRoom.draft(server, facilitator, "profiles/en");
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    @Test
    void a_raised_threshold_hides_four_of_the_same_answer_everywhere_and_is_fixed_once_the_exercise_opened() {
        WsClient console = room.console();
        room.goTo(1);
        JsonNode draft = console.awaitStep(1).get("step");
        assertThat(draft.path("pollState").asText()).isEqualTo("pending");
        assertThat(draft.at("/exercise/threshold").asInt()).as("three unless raised").isEqualTo(3);
        String path = "/steps/" + draft.path("id").asLong() + "/threshold";
        for (String wrong : List.of("2", "11", "five", "")) {
            Browser.Response r = room.actRaw(path, "threshold", wrong);
            assertThat(r.status()).as(wrong).isEqualTo(409);
            assertThat(r.body()).as(wrong).contains("a whole number from 3 to 10");
        }
        room.act(path, "threshold", "5");

        room.act("/live");
        List<Phone> phones = List.of(room.join("Ana"), room.join("Bo"), room.join("Cris"), room.join("Dani"));
        long step = 0;
        for (Phone p : phones) {
            JsonNode state = p.ws.awaitStep(1);
            assertThat(state.at("/step/exercise/threshold").asInt()).as("the phone says so").isEqualTo(5);
            step = state.at("/step/id").asLong();
        }
        for (Phone p : phones) {
            assertThat(send(p.ws, step, "LinkedIn", answer("yes", 2, List.of("time"), List.of())).path("type").asText())
                    .isEqualTo("ack");
        }
        JsonNode picture = console.await(m -> m.has("picture") && m.at("/picture/networks/0/answered").asInt() == 4,
                Duration.ofSeconds(5)).get("picture");
        assertThat(picture.path("threshold").asInt()).isEqualTo(5);
        assertThat(picture.at("/networks/0/presence").toString()).as("four people are under five").isEqualTo(
                "[null,null,null]");
        assertThat(picture.at("/obstacles").findValues("count").toString()).doesNotContain("4");
        String csv = facilitator.get("/facilitate/" + room.id + "/steps/" + step + "/profiles.csv").body();
        assertThat(csv).contains("<5").doesNotContain("<3");

        Browser.Response late = room.actRaw(path, "threshold", "6");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("has been open");
    }
}
