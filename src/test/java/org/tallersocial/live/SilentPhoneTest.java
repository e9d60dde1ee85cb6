package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A phone that left the Wi-Fi or went to sleep without closing its socket must not be counted
 * as connected for long: the page sends a heartbeat every 20 s, and a phone socket the server
 * has not heard from in 90 s is closed, so the console sees it dropped.
 */
class SilentPhoneTest {

    @Test
    void a_phone_that_goes_quiet_is_dropped_and_one_that_keeps_talking_is_not() {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer server = TestServer.withClock(clock)) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            WsClient console = room.console();
            Phone quiet = room.join("Quiet");
            Phone talking = room.join("Talking");
            console.await(m -> m.at("/presence/connected").asInt() == 2, Duration.ofSeconds(5));

            clock.advance(Duration.ofSeconds(60));
            talking.ws.send("{\"type\":\"ping\"}");
            talking.ws.await("pong");
            clock.advance(Duration.ofSeconds(45));
            console.forget();

            assertThat(quiet.ws.awaitClose(Duration.ofSeconds(10))).as("closed as not heard from").isEqualTo(4000);
            var after = console.await(m -> m.at("/presence/connected").asInt() == 1, Duration.ofSeconds(5));
            assertThat(after.at("/presence/dropped").asInt()).isEqualTo(1);
            assertThat(talking.ws.isClosed()).as("the phone that kept talking stays").isFalse();
            assertThat(console.isClosed()).as("the console is not a phone and stays").isFalse();
            room.close();
        }
    }
}
