package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

class RestartTest {

    @Test
    void a_server_restart_in_the_middle_of_an_open_poll_loses_no_answer_and_phones_resume() {
        TestServer server = TestServer.start();
        Browser facilitator = Facilitators.first(server);
        LiveRoom room = LiveRoom.live(server, facilitator);
        List<Phone> phones = List.of(room.join("Ana"), room.join("Bo"), room.join("Cai"));
        room.goTo(1);
        long step = phones.get(0).ws.awaitStep(1).at("/step/id").asLong();
        phones.get(0).answerAndWait(step, 0);
        phones.get(1).answerAndWait(step, 2);
        phones.get(2).answerAndWait(step, 2);

        server = server.restart();

        for (Phone p : phones) {
            assertThat(p.ws.awaitClose(Duration.ofSeconds(10))).as("the old socket dropped").isNotNull();
            p.reconnect(server.wsUrl(), room.code);
        }
        JsonNode anaState = phones.get(0).ws.await("state");
        assertThat(anaState.at("/step/index").asInt()).isEqualTo(1);
        assertThat(anaState.at("/step/pollState").asText()).isEqualTo("open");
        assertThat(anaState.at("/mine/value").asInt()).isZero();
        assertThat(phones.get(1).ws.await("state").at("/mine/value").asInt()).isEqualTo(2);

        WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + room.id, facilitator.cookieHeader());
        JsonNode state = console.await("state");
        assertThat(state.at("/results/voters").asInt()).isEqualTo(3);
        assertThat(state.at("/results/options/2/count").asInt()).isEqualTo(2);

        phones.get(0).answerAndWait(step, 1);
        JsonNode changed = console.await(m -> "results".equals(m.path("type").asText())
                && m.at("/results/options/1/count").asInt() == 1, Duration.ofSeconds(5));
        assertThat(changed.at("/results/voters").asInt()).isEqualTo(3);

        console.close();
        room.close();
        server.close();
    }
}
