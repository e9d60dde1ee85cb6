package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.EventStreamClient;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * Someone guessing join codes from the office's network: every route that could tell an open code from an
 * unknown one spends the same budget, the guesser is stopped, and yet the workshop goes on for everyone who
 * was given the code (the phones already in, the QR code, the projector), while the console hears of the
 * colleagues turned away. A draft cannot be found at all without its key. Every request of a test comes from
 * 127.0.0.1, as every phone behind one router (or the documented nginx) comes from one address.
 */
class JoinCodeGuessingTest {

    private static final Pattern STATUS = Pattern.compile("status code (\\d{3})");

    private TestServer server;
    private Browser marta;

    @BeforeEach
    void start() {
        // The clock stands still, so the budget does not refill in the middle of a test.
        server = TestServer.withClock(new MutableClock(Instant.parse("2026-12-03T09:00:00Z")));
        marta = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_guesser_on_the_office_network_does_not_stop_the_workshop_of_those_given_the_code() {
        LiveRoom room = LiveRoom.live(server, marta);
        try (room) {
            LiveRoom.Phone ana = room.join("Ana");
            WsClient console = room.console();
            spendTheBudget(server.browser());

            Browser guesser = server.browser();
            assertThat(guesser.get("/j/" + room.code).status()).as("the right code, typed").isEqualTo(429);
            assertThat(guesser.post("/j/" + room.code, "name", "Eve").status()).isEqualTo(429);
            Browser.Response typed = server.browser().get("/j/" + room.code);
            assertThat(typed.status()).as("a colleague who types the code").isEqualTo(429);
            assertThat(typed.body()).contains("Scan the QR code on the projector");
            console.await(m -> m.at("/presence/turnedAway").asInt() == 3, Duration.ofSeconds(5));

            assertThat(ana.browser.get("/j/" + room.code).status()).as("a phone already in reloads").isEqualTo(200);
            ana.reconnect(server.wsUrl(), room.code);
            assertThat(ana.ws.await("state").at("/workshop/code").asText()).isEqualTo(room.code);
            try (EventStreamClient stream = EventStreamClient.open(ana.browser, "/sse/phone/" + room.code,
                    "Origin", server.baseUrl())) {
                assertThat(stream.status()).as("and its fallback").isEqualTo(200);
            }

            Browser scanned = server.browser();
            Browser.Response form = scanned.get("/j/" + room.code + "?k=" + room.key);
            assertThat(form.status()).as("a colleague who scans the QR code").isEqualTo(200);
            assertThat(form.body()).contains("name=\"k\" value=\"" + room.key + "\"");
            assertThat(scanned.post("/j/" + room.code, "name", "Luis", "k", room.key).status()).isEqualTo(303);
            assertThat(scanned.get("/j/" + room.code).status()).as("then in like any phone").isEqualTo(200);
            console.await(m -> m.at("/presence/joined").asInt() == 2, Duration.ofSeconds(5));

            assertThat(server.browser().get(room.projectorPath()).status()).as("the projector by its link").isEqualTo(200);
            assertThat(server.browser().get("/w/" + room.code + "/qr.svg?k=" + room.key).status()).isEqualTo(200);
            room.projector().await("state");
            assertThat(server.browser().get("/w/" + room.code + "/screen").status()).as("but not by a typed address")
                    .isEqualTo(429);
            assertThat(server.browser().get("/j/" + room.code + "?k=wrongkey").status()).isEqualTo(429);
        }
    }

    @Test
    void every_route_that_reveals_a_code_spends_one_budget_of_wrong_guesses() {
        LiveRoom room = LiveRoom.live(server, marta);
        try (room) {
            Browser guesser = server.browser();
            List<IntSupplier> routes = List.of(
                    () -> guesser.get("/j/" + guess()).status(),
                    () -> guesser.get("/w/" + guess() + "/screen").status(),
                    () -> guesser.get("/w/" + guess() + "/qr.svg").status(),
                    () -> upgrade("/ws/screen/" + guess(), null),
                    () -> upgrade("/ws/phone/" + guess(), null),
                    () -> stream(guesser, "/sse/phone/" + guess()));
            for (int round = 0; round < 5; round++) {
                for (IntSupplier route : routes) {
                    assertThat(route.getAsInt()).as("an unknown code").isEqualTo(404);
                }
            }
            // 30 wrong guesses, six on each route: now the right code is refused on every one of them.
            assertThat(guesser.get("/j/" + room.code).status()).isEqualTo(429);
            assertThat(guesser.get("/w/" + room.code + "/screen").status()).isEqualTo(429);
            assertThat(guesser.get("/w/" + room.code + "/qr.svg").status()).isEqualTo(429);
            assertThat(upgrade("/ws/screen/" + room.code, null)).isEqualTo(429);
            assertThat(upgrade("/ws/phone/" + room.code, null)).isEqualTo(429);
            assertThat(stream(guesser, "/sse/phone/" + room.code)).isEqualTo(429);
        }
    }

    @Test
    void a_draft_answers_like_an_unknown_code_everywhere_and_looking_for_it_costs_no_guess() {
        LiveRoom draft = LiveRoom.draft(server, marta, "poll-kinds/en");
        LiveRoom live = LiveRoom.live(server, marta);
        try (draft; live) {
            Browser outsider = server.browser();
            String unknown = guess();
            assertThat(outsider.get("/j/" + draft.code).body()).isEqualTo(outsider.get("/j/" + unknown).body());
            assertThat(outsider.get("/w/" + draft.code + "/screen").body())
                    .isEqualTo(outsider.get("/w/" + unknown + "/screen").body());
            for (String path : List.of("/j/", "/w/%s/screen", "/w/%s/qr.svg")) {
                String url = path.contains("%s") ? path.formatted(draft.code) : path + draft.code;
                assertThat(outsider.get(url).status()).as(url).isEqualTo(404);
            }
            assertThat(upgrade("/ws/screen/" + draft.code, null)).isEqualTo(404);
            assertThat(upgrade("/ws/phone/" + draft.code, null)).isEqualTo(404);
            assertThat(stream(outsider, "/sse/phone/" + draft.code)).isEqualTo(404);

            for (int i = 0; i < 40; i++) {
                outsider.get("/j/" + draft.code);
            }
            assertThat(outsider.get("/j/" + live.code).status()).as("phones that typed the draft's code too early")
                    .isEqualTo(200);

            Browser.Response scanned = outsider.get("/j/" + draft.code + "?k=" + draft.key);
            assertThat(scanned.status()).as("the QR code of a draft").isEqualTo(200);
            assertThat(scanned.body()).contains("has not started yet");
            assertThat(outsider.get(draft.projectorPath()).status()).as("its projector, from the console").isEqualTo(200);
            assertThat(draft.projector().await("state").at("/workshop/state").asText()).isEqualTo("draft");
        }
    }

    /** 30 unknown codes from this address, the budget of a burst. */
    private static void spendTheBudget(Browser guesser) {
        for (int i = 0; i < 30; i++) {
            assertThat(guesser.get("/j/" + guess()).status()).isEqualTo(404);
        }
    }

    private static int counter;

    /** A well-formed code no workshop has: the letters A, C, D... are all valid, and no test room gets one of these. */
    private static String guess() {
        counter++;
        String letters = "ACDEFHJKMNPQRTUVWXY";
        StringBuilder code = new StringBuilder("WW");
        int n = counter;
        for (int i = 0; i < 4; i++) {
            code.append(letters.charAt(n % letters.length()));
            n /= letters.length();
        }
        return code.toString();
    }

    private int upgrade(String path, String cookie) {
        try (WsClient ws = WsClient.connect(server.wsUrl() + path, cookie, server.baseUrl())) {
            return 101;
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t != null) {
                Matcher m = STATUS.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                t = t.getCause();
            }
            throw e;
        }
    }

    private int stream(Browser browser, String path) {
        try (EventStreamClient stream = EventStreamClient.open(browser, path, "Origin", server.baseUrl())) {
            return stream.status();
        }
    }
}
