package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.EventStreamClient;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A phone behind a proxy that strips the WebSocket upgrade: it hears the room
 * on a server-sent event stream and speaks by HTTP posts, with the socket's
 * messages and guarantees, over plain HTTP as a browser would send it.
 */
class PhoneFallbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private String stream() {
        return "/sse/phone/" + room.code;
    }

    private String send() {
        return stream() + "/send";
    }

    private static JsonNode json(Browser.Response r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static String answer(String id, long step, long seq, int value) {
        return "{\"type\":\"answer\",\"id\":\"" + id + "\",\"step\":" + step + ",\"seq\":" + seq + ",\"value\":" + value + "}";
    }

    @Test
    void a_phone_on_the_fallback_answers_a_poll_and_the_tally_is_exact() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        Browser ana = room.joinWithoutSocket("Ana");
        Phone bo = room.join("Bo");

        try (EventStreamClient events = EventStreamClient.open(ana, stream())) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(events.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(events.headers().firstValue("X-Accel-Buffering")).as("nginx must not buffer it").contains("no");
            JsonNode first = events.await("state");
            assertThat(first.at("/workshop/code").asText()).isEqualTo(room.code);
            assertThat(first.at("/step/notes").isMissingNode()).as("a phone's snapshot, not the console's").isTrue();
            JsonNode presence = console.await(m -> m.at("/presence/connected").asInt() == 2
                    && m.at("/presence/fallback").asInt() == 1, Duration.ofSeconds(5));
            assertThat(presence.at("/presence/joined").asInt()).isEqualTo(2);
            assertThat(projector.await("state").at("/presence/fallback").isMissingNode())
                    .as("only the console is told about the fallback").isTrue();

            room.goTo(1);
            JsonNode onStream = events.awaitStep(1);
            assertThat(onStream.get("step")).as("the stream carries what the socket carries")
                    .isEqualTo(bo.ws.awaitStep(1).get("step"));
            long step = onStream.at("/step/id").asLong();

            JsonNode ack = json(ana.postJson(send(), answer("f1", step, 100, 1)));
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            assertThat(ack.path("id").asText()).isEqualTo("f1");
            assertThat(ack.path("duplicate").asBoolean()).isFalse();
            assertThat(ack.path("value").asInt()).isEqualTo(1);
            JsonNode again = json(ana.postJson(send(), answer("f1", step, 100, 1)));
            assertThat(again.path("duplicate").asBoolean()).as("a resent answer is not counted twice").isTrue();
            bo.answerAndWait(step, 1);

            for (WsClient screen : java.util.List.of(projector, console)) {
                JsonNode results = screen.await(m -> m.path("type").asText().equals("results")
                        && m.at("/results/voters").asInt() == 2, Duration.ofSeconds(5));
                assertThat(results.at("/results/options/1/count").asInt()).isEqualTo(2);
            }
            assertThat(json(ana.postJson(send(), "{\"type\":\"ping\"}")).path("type").asText()).isEqualTo("pong");
            JsonNode hello = json(ana.postJson(send(), "{\"type\":\"hello\"}"));
            assertThat(hello.path("type").asText()).isEqualTo("state");
            assertThat(hello.at("/mine/value").asInt()).as("the phone's own answer comes back").isEqualTo(1);

            room.poll(step, "reveal");
            JsonNode revealed = events.await(m -> m.path("type").asText().equals("state")
                    && m.at("/step/revealed").asBoolean(), Duration.ofSeconds(5));
            assertThat(revealed.at("/results/voters").asInt()).isEqualTo(2);
        }
    }

    @Test
    void a_phone_whose_stream_is_gone_is_no_longer_counted() {
        WsClient console = room.console();
        Browser ana = room.joinWithoutSocket("Ana");
        EventStreamClient events = EventStreamClient.open(ana, stream());
        events.await("state");
        console.await(m -> m.at("/presence/fallback").asInt() == 1, Duration.ofSeconds(5));
        console.forget();

        events.close();
        // A stream learns that its phone went away when it next writes: move the room until it has.
        JsonNode gone = null;
        for (int i = 0; i < 10 && gone == null; i++) {
            room.goTo(i % 2 + 1);
            try {
                gone = console.await(m -> m.path("type").asText().equals("presence")
                        && m.at("/presence/connected").asInt() == 0, Duration.ofMillis(500));
            } catch (AssertionError notYet) {
                // the first write after a close can still land in the socket's buffer
            }
        }
        assertThat(gone).as("the console saw the phone go").isNotNull();
        assertThat(gone.at("/presence/fallback").asInt()).isZero();
        assertThat(gone.at("/presence/dropped").asInt()).isEqualTo(1);

        console.forget();
        try (EventStreamClient back = EventStreamClient.open(ana, stream())) {
            assertThat(back.await("state").at("/step/index").asInt()).as("a fresh snapshot where the room is")
                    .isBetween(1, 2);
            console.await(m -> m.at("/presence/fallback").asInt() == 1 && m.at("/presence/dropped").asInt() == 0,
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void a_quiet_stream_stays_open_with_keep_alive_comments() {
        Browser ana = room.joinWithoutSocket("Ana");
        try (EventStreamClient events = EventStreamClient.open(ana, stream())) {
            events.await("state");
            // A proxy drops a connection quiet for 60 s; a comment comes every 15 s when nothing else does.
            events.awaitComments(1, Duration.ofSeconds(EventStreams.KEEP_ALIVE_SECONDS + 5));
            assertThat(events.ended()).isFalse();
            room.goTo(1);
            assertThat(events.awaitStep(1).at("/step/kind").asText()).isEqualTo("single");
        }
    }

    @Test
    void a_stream_that_falls_behind_is_cut_and_reopened_with_a_fresh_snapshot() {
        WsClient console = room.console();
        Browser ana = room.joinWithoutSocket("Ana");
        EventStreamClient events = EventStreamClient.open(ana, stream());
        events.await("state");
        console.await(m -> m.at("/presence/fallback").asInt() == 1, Duration.ofSeconds(5));
        Socket stream = server.app().rooms().get(room.id).orElseThrow().sockets().stream()
                .filter(Socket::isFallback).findFirst().orElseThrow();

        // Far more at once than a phone reads: the server does not keep it all waiting for this phone.
        for (int i = 0; i < 20 * Socket.MAX_PENDING_MESSAGES; i++) {
            stream.send("{\"type\":\"pong\"}");
        }
        events.awaitEnd(Duration.ofSeconds(10));
        console.forget();
        console.await(m -> m.at("/presence/fallback").asInt() == 0, Duration.ofSeconds(5));

        try (EventStreamClient again = EventStreamClient.open(ana, stream())) {
            assertThat(again.await("state").at("/workshop/code").asText()).isEqualTo(room.code);
            console.await(m -> m.at("/presence/fallback").asInt() == 1, Duration.ofSeconds(5));
        }
    }

    @Test
    void a_post_from_another_site_or_without_the_token_is_refused_and_stores_nothing() {
        Browser ana = room.joinWithoutSocket("Ana");
        room.goTo(1);
        long step = room.projector().awaitStep(1).at("/step/id").asLong();
        String token = ana.csrfToken();
        String body = answer("x1", step, 100, 1);

        assertThat(ana.postJson(send(), body, "Origin", "https://evil.example", "X-CSRF-Token", token).status())
                .as("a foreign Origin").isEqualTo(403);
        assertThat(ana.postJson(send(), body, "Referer", "https://evil.example/page", "X-CSRF-Token", token).status())
                .as("no Origin, a foreign Referer").isEqualTo(403);
        assertThat(ana.postJson(send(), body, "Origin", server.baseUrl()).status()).as("no token").isEqualTo(403);
        Browser stranger = server.browser();
        assertThat(stranger.postJson(send(), body).status()).as("someone who never joined").isEqualTo(401);
        assertThat(ana.postJson("/sse/phone/ZZZZZZ/send", body).status()).as("no such workshop").isEqualTo(404);

        try (EventStreamClient foreign = openWith(ana, "Origin", "https://evil.example")) {
            assertThat(foreign.status()).as("a stream for another site").isEqualTo(403);
        }
        try (EventStreamClient none = EventStreamClient.open(stranger, stream())) {
            assertThat(none.status()).isEqualTo(401);
        }
        assertNothingStored(ana, step);
    }

    @Test
    void a_malformed_post_gets_a_clear_error_and_stores_nothing() {
        Browser ana = room.joinWithoutSocket("Ana");
        room.goTo(1);
        long step = room.projector().awaitStep(1).at("/step/id").asLong();

        JsonNode notJson = json(ana.postJson(send(), "{\"type\":\"answer\",\"id\":"));
        assertThat(notJson.path("code").asText()).isEqualTo("bad_json");
        assertThat(notJson.path("message").asText()).isEqualTo("That message is not valid JSON.");
        assertThat(json(ana.postJson(send(), "[1, 2]")).path("code").asText()).isEqualTo("bad_json");
        JsonNode big = json(ana.postJson(send(), answer("x2", step, 100, 1).replace("}",
                ",\"pad\":\"" + "a".repeat(9_000) + "\"}")));
        assertThat(big.path("code").asText()).isEqualTo("too_large");
        JsonNode noId = json(ana.postJson(send(), "{\"type\":\"answer\",\"step\":" + step + ",\"seq\":1,\"value\":1}"));
        assertThat(noId.path("code").asText()).isEqualTo("invalid_message");
        JsonNode fraction = json(ana.postJson(send(), "{\"type\":\"answer\",\"id\":\"x3\",\"step\":" + step
                + ".5,\"seq\":1,\"value\":1}"));
        assertThat(fraction.path("code").asText()).isEqualTo("invalid_message");
        assertThat(fraction.path("id").asText()).isEqualTo("x3");
        JsonNode offPoll = json(ana.postJson(send(), answer("x4", step, 100, 7)));
        assertThat(offPoll.path("code").asText()).isEqualTo("unknown_option");
        JsonNode unknown = json(ana.postJson(send(), "{\"type\":\"dance\",\"id\":\"x5\"}"));
        assertThat(unknown.path("code").asText()).isEqualTo("unknown_type");
        JsonNode spanish = json(ana.postJson(send() + "?lang=es", "nope"));
        assertThat(spanish.path("message").asText()).as("in the language the page asked for")
                .isNotEqualTo(notJson.path("message").asText());
        assertNothingStored(ana, step);
    }

    /** The phone's snapshot holds no answer of its own, and the console's tally counts nobody. */
    private void assertNothingStored(Browser phone, long step) {
        try (EventStreamClient events = EventStreamClient.open(phone, stream())) {
            JsonNode state = events.await("state");
            assertThat(state.at("/step/id").asLong()).isEqualTo(step);
            assertThat(state.has("mine")).as("nothing of this phone's is stored").isFalse();
        }
        assertThat(room.console().await("state").at("/results/voters").asInt()).isZero();
    }

    private EventStreamClient openWith(Browser browser, String... headers) {
        return EventStreamClient.open(browser, stream(), headers);
    }
}
