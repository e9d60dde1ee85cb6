package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A script posing as projectors: asking for snapshot after snapshot, or opening them by the hundred,
 * gets no more than a real projector needs, and the room's phones go on as before.
 */
class ProjectorLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private TestServer server;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.withClock(clock);
        room = LiveRoom.live(server, Facilitators.first(server));
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    @Test
    void a_projector_that_floods_hello_gets_a_burst_of_snapshots_and_then_is_told_to_wait() {
        LiveRoom.Phone ana = room.join("Ana");
        WsClient flood = room.projector();
        flood.await("state");
        int sent = 2_000;
        for (int i = 1; i <= sent; i++) {
            flood.send("{\"type\":\"hello\",\"id\":\"h" + i + "\"}");
        }
        flood.await(m -> m.path("id").asText().equals("h" + sent), Duration.ofSeconds(20));
        String[] received = flood.transcript().split("\n");
        long snapshots = java.util.Arrays.stream(received).filter(m -> m.startsWith("{\"type\":\"state\"")).count();
        long busy = java.util.Arrays.stream(received).filter(m -> m.contains("\"code\":\"busy\"")).count();
        assertThat(snapshots).as("the first snapshot and a burst of 60").isBetween(2L, 61L);
        assertThat(busy).as("the rest told to wait").isEqualTo(sent - snapshots + 1);

        room.goTo(1);
        assertThat(ana.ws.awaitStep(1).at("/step/index").asInt()).as("the room goes on").isEqualTo(1);
        assertThat(room.projector().awaitStep(1).at("/step/index").asInt()).as("and another projector too").isEqualTo(1);
    }

    @Test
    void one_address_opens_at_most_twenty_projectors_at_once() {
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                WsClient projector = room.projector();
                projector.await("state");
                open.add(projector);
            }
            assertThatThrownBy(room::projector).as("the 21st").hasStackTraceContaining("status code 429");
            open.remove(0).close();
            clock.advance(Duration.ofSeconds(2));
            awaitOpenedAgain();
        } finally {
            open.forEach(WsClient::close);
        }
    }

    /** The server counts a projector gone once its close arrives, a moment after the client sends it. */
    private void awaitOpenedAgain() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                room.projector().await("state");
                return;
            } catch (RuntimeException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.onSpinWait();
            }
        }
    }
}
