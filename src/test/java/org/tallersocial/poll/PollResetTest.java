package org.tallersocial.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** A single poll is taken again during the session: its answers go, phones answer anew, the report says so. */
class PollResetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private Browser marta;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        marta = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_reset_poll_loses_its_answers_asks_the_phones_again_and_is_noted_in_the_report() throws Exception {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
            room.act("/live");
            room.goTo(1);
            LiveRoom.Phone ana = room.join("Ana");
            LiveRoom.Phone luis = room.join("Luis");
            long single = ana.ws.awaitStep(1).at("/step/id").asLong();
            luis.ws.awaitStep(1);
            assertThat(ana.answerAndWait(single, 0).path("type").asText()).isEqualTo("ack");
            assertThat(luis.answerAndWait(single, 1).path("type").asText()).isEqualTo("ack");
            WsClient console = room.console();
            console.await(m -> m.at("/results/voters").asInt() == 2, Duration.ofSeconds(5));
            ana.ws.forget();

            room.act("/steps/" + single + "/poll", "action", "reset");

            JsonNode again = ana.ws.await("state");
            assertThat(again.at("/step/resetAt").isIntegralNumber()).as("the phone hears the poll was reset").isTrue();
            assertThat(again.has("mine")).as("its old answer is gone").isFalse();
            console.await(m -> m.at("/results/voters").asInt() == 0 && m.has("results"), Duration.ofSeconds(5));
            assertThat(ana.answerAndWait(single, 2).path("type").asText()).as("answered again").isEqualTo("ack");
            console.await(m -> m.at("/results/voters").asInt() == 1, Duration.ofSeconds(5));

            room.act("/close");
            JsonNode report = JSON.readTree(marta.get("/facilitate/" + room.id + "/report/report.json").body());
            JsonNode poll = report.at("/polls/0");
            assertThat(poll.path("key").asText()).isEqualTo("single");
            assertThat(poll.path("resetAt").asText()).isNotBlank();
            assertThat(poll.at("/results/voters").asInt()).as("only what came after the reset").isEqualTo(1);
            assertThat(report.at("/polls/1/resetAt").isNull()).isTrue();
            assertThat(marta.get("/facilitate/" + room.id + "/report").body()).contains("Reset by the facilitator");
        }
    }

    @Test
    void only_an_opened_poll_of_a_live_workshop_is_reset() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
            JsonNode state = room.console().awaitStep(0);
            long single = state.at("/step/id").asLong() + 1;
            assertThat(room.actRaw("/steps/" + single + "/poll", "action", "reset").status()).as("a draft").isEqualTo(409);
            room.act("/live");
            assertThat(room.actRaw("/steps/" + single + "/poll", "action", "reset").status()).as("not opened yet")
                    .isEqualTo(409);
        }
    }
}
