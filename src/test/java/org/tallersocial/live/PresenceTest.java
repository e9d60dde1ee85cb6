package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** The console sees who is connected, and who dropped lately and has not come back. */
class PresenceTest {

    @Test
    void a_phone_that_drops_is_counted_until_it_comes_back() {
        try (TestServer server = TestServer.start()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            WsClient console = room.console();
            Phone ana = room.join("Ana");
            Phone bo = room.join("Bo");
            console.await(m -> m.at("/presence/connected").asInt() == 2, Duration.ofSeconds(5));

            console.forget();
            bo.ws.close();
            var after = console.await(m -> m.at("/presence/connected").asInt() == 1, Duration.ofSeconds(5));
            assertThat(after.at("/presence/dropped").asInt()).isEqualTo(1);
            assertThat(after.at("/presence/joined").asInt()).isEqualTo(2);

            console.forget();
            bo.reconnect(server.wsUrl(), room.code);
            var back = console.await(m -> m.at("/presence/connected").asInt() == 2, Duration.ofSeconds(5));
            assertThat(back.at("/presence/dropped").asInt()).as("back within the minute").isZero();
            assertThat(ana.ws.isClosed()).isFalse();
            room.close();
        }
    }

    @Test
    void presence_updates_go_to_the_projector_and_console_but_not_to_phones() {
        try (TestServer server = TestServer.start()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            WsClient projector = room.projector();
            WsClient console = room.console();
            Phone ana = room.join("Ana");
            Phone bo = room.join("Bo");
            Phone cy = room.join("Cy");
            projector.await(m -> m.at("/presence/connected").asInt() == 3, Duration.ofSeconds(5));
            console.await(m -> m.at("/presence/connected").asInt() == 3, Duration.ofSeconds(5));
            cy.ws.close();
            projector.await(m -> "presence".equals(m.path("type").asText())
                    && m.at("/presence/connected").asInt() == 2, Duration.ofSeconds(5));

            room.goTo(1);
            ana.ws.awaitStep(1);
            assertThat(ana.ws.transcript()).as("what Ana's phone received").doesNotContain("\"type\":\"presence\"");
            assertThat(bo.ws.transcript()).doesNotContain("\"type\":\"presence\"");
            assertThat(ana.ws.transcript()).as("the snapshot still counts the room").contains("\"presence\":{");
            room.close();
        }
    }
}
