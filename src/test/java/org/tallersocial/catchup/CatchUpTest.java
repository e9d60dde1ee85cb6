package org.tallersocial.catchup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * Answering later, over HTTP and real sockets: the window a closed workshop opens (and what it refuses to
 * open), the link and its key, a late phone going through the polls in its own order through the one
 * pipeline, the profile board and its threshold counting late answers, the report counting them apart and
 * together, and the window closing by itself when the server's clock passes its end.
 */
class CatchUpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("/later/(\\d+)\\?k=([A-Za-z0-9_-]+)");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static String field(Instant at) {
        return LocalDateTime.ofInstant(at, MADRID).format(FIELD);
    }

    @Test
    void the_window_opens_only_for_a_closed_workshop_with_an_end_within_thirty_days() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        try (TestServer server = TestServer.withClock(clock)) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            String inTwoDays = field(clock.instant().plus(Duration.ofDays(2)));

            assertRefused(room, "Close the workshop first", "until", inTwoDays, "zone", "Europe/Madrid");
            room.act("/close");
            assertRefused(room, "Give the end as a date and a time.", "until", "next tuesday", "zone", "Europe/Madrid");
            assertRefused(room, "Give the end as a date and a time.", "until", "", "zone", "Europe/Madrid");
            assertRefused(room, "Choose an end in the future.", "until",
                    field(clock.instant().minus(Duration.ofHours(1))), "zone", "Europe/Madrid");
            assertRefused(room, "Choose an end at most 30 days from now.", "until",
                    field(clock.instant().plus(Duration.ofDays(31))), "zone", "Europe/Madrid");
            assertRefused(room, "time zone", "until", inTwoDays, "zone", "Mars/Olympus_Mons");
            String console = room.facilitator.get("/facilitate/" + room.id).body();
            assertThat(LINK.matcher(console).find()).as("nothing refused opened anything").isFalse();
            assertThat(console).contains("Not open.");

            // In Spanish for a facilitator who reads Spanish.
            room.facilitator.post("/language", "lang", "es");
            assertRefused(room, "Elige un final en el futuro.", "until",
                    field(clock.instant().minus(Duration.ofHours(1))), "zone", "Europe/Madrid");
            room.facilitator.post("/language", "lang", "en");

            room.act("/catch-up", "until", inTwoDays, "zone", "Europe/Madrid");
            console = room.facilitator.get("/facilitate/" + room.id).body();
            assertThat(LINK.matcher(console).find()).as("the console shows the link").isTrue();
            assertThat(room.facilitator.get("/facilitate/" + room.id + "/catch-up/qr.svg").body()).contains("<svg");
            // The moment meant is the facilitator's 2 days ahead in Madrid, whatever the server's zone.
            assertThat(console).contains("data-until=\"" + clock.instant().plus(Duration.ofDays(2)).toEpochMilli() + "\"");
            assertThat(server.browser().get("/facilitate/" + room.id + "/catch-up/qr.svg").status())
                    .as("the QR code is the facilitator's").isNotEqualTo(200);

            room.act("/catch-up/end");
            assertThat(room.facilitator.get("/facilitate/" + room.id).body()).contains("The window has ended.");
            assertRefusedAt(room, "/catch-up/end", "The window is not open.");
        }
    }

    @Test
    void a_late_phone_goes_through_the_polls_in_its_own_order_until_the_window_closes_by_itself() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        try (TestServer server = TestServer.withClock(clock)) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            Phone ana = room.join("Ana");
            room.goTo(1);
            long single = ana.ws.awaitStep(1).at("/step/id").asLong();
            assertThat(ana.answerAndWait(single, 0).path("type").asText()).isEqualTo("ack");
            room.goTo(2);
            room.goTo(3);
            long scale = ana.ws.awaitStep(3).at("/step/id").asLong();
            ana.answerAndWait(scale, 4);
            room.act("/close");
            room.act("/catch-up", "until", field(clock.instant().plus(Duration.ofDays(2))), "zone", "Europe/Madrid");
            Matcher link = LINK.matcher(room.facilitator.get("/facilitate/" + room.id).body());
            assertThat(link.find()).isTrue();
            String path = "/later/" + link.group(1);

            // The key is what opens it: a workshop's id alone is easy to guess.
            Browser stranger = server.browser();
            assertThat(stranger.get(path).status()).isEqualTo(404);
            assertThat(stranger.get(path + "?k=wrong-key-000000").status()).isEqualTo(404);
            assertThat(stranger.post(path, "k", "wrong-key-000000", "name", "Eve").status()).isEqualTo(404);
            // Nor does the room's own join key: the day's QR code opens nothing after the close.
            assertThat(stranger.get(path + "?k=" + room.key).status()).isEqualTo(404);

            Browser beaBrowser = server.browser();
            assertThat(beaBrowser.get(path + "?k=" + link.group(2)).body()).contains("name=\"name\"");
            assertThat(beaBrowser.post(path, "k", link.group(2), "name", "Bea").status()).isEqualTo(303);
            assertThat(beaBrowser.get(path).body()).contains("catch-up.js");
            WsClient bea = WsClient.connect(server.wsUrl() + "/ws/later/" + room.id, beaBrowser.cookieHeader());
            JsonNode state = bea.await("state");
            JsonNode steps = state.at("/catchUp/steps");
            assertThat(state.at("/catchUp/open").asBoolean()).isTrue();
            assertThat(steps).extracting(s -> s.path("kind").asText())
                    .as("the steps the room reached, the one it never did left out")
                    .containsExactly("slide", "single", "multiple", "scale");
            assertThat(steps.get(0).path("answerable").asBoolean()).isFalse();
            assertThat(steps.get(1).path("answerable").asBoolean()).isTrue();
            assertThat(state.toString()).doesNotContain("notes");
            long multiple = steps.get(2).path("id").asLong();

            // Its own order: the scale first, then the first poll, then the second.
            assertThat(send(bea, scale, 2, 1).path("type").asText()).isEqualTo("ack");
            assertThat(send(bea, single, 1, 2).path("type").asText()).isEqualTo("ack");
            assertThat(send(bea, multiple, List.of(0, 1), 3).path("type").asText()).isEqualTo("ack");
            JsonNode again = send(bea, single, 1, 2);
            assertThat(again.path("type").asText()).as("a retry of what is stored: %s", again).isEqualTo("ack");
            assertThat(again.path("duplicate").asBoolean()).isTrue();
            JsonNode later = new WsClientState(bea).fresh();
            assertThat(later.at("/catchUp/steps/1/mine/value").asInt()).isEqualTo(1);
            assertThat(later.at("/catchUp/steps/3/mine/value").asInt()).isEqualTo(2);

            // A step the room never began is not for later, nor is the room's own answer to change.
            long never = server.app().rooms().get(room.id).orElseThrow().steps().get(5).id();
            assertThat(send(bea, never, "late words", 4).path("code").asText()).isEqualTo("poll_closed");
            JsonNode refused = ana.answerAndWait(single, 1);
            assertThat(refused.path("code").asText()).as("Ana was in the room: %s", refused).isEqualTo("not_live");
            assertThat(ana.browser.get(path + "?k=" + link.group(2)).body()).contains("You were in the room");

            // The report counts Bea with everyone, and apart.
            JsonNode report = JSON.readTree(room.facilitator.get("/facilitate/" + room.id + "/report/report.json").body());
            assertThat(report.at("/participation/joined").asInt()).isEqualTo(2);
            assertThat(report.at("/participation/joinedLater").asInt()).isEqualTo(1);
            JsonNode first = report.at("/participation/steps/0");
            assertThat(first.path("position").asInt()).isEqualTo(1);
            assertThat(first.path("answered").asInt()).isEqualTo(2);
            assertThat(first.path("answeredLater").asInt()).isEqualTo(1);
            assertThat(report.at("/polls/0/results/options/1/count").asInt()).isEqualTo(1);
            assertThat(room.facilitator.get("/facilitate/" + room.id + "/report").body()).contains("answered later: 1");
            assertThat(room.facilitator.get("/facilitate/" + room.id).body())
                    .contains("Joined later: 1 · answers later: 3");

            // Past its end the window is shut, by the server's clock alone.
            clock.advance(Duration.ofDays(2).plusMinutes(1));
            JsonNode closed = send(bea, single, 0, 5);
            assertThat(closed.path("code").asText()).isEqualTo("catch_up_closed");
            assertThat(closed.path("message").asText()).isEqualTo("The time to answer later has ended: this answer was not saved.");
            try (WsClient enEspanol = WsClient.connect(server.wsUrl() + "/ws/later/" + room.id + "?lang=es",
                    beaBrowser.cookieHeader())) {
                assertThat(enEspanol.await("state").at("/catchUp/open").asBoolean()).isFalse();
                assertThat(send(enEspanol, single, 0, 6).path("message").asText())
                        .startsWith("El plazo para responder más tarde ha terminado");
            }
            assertThat(server.browser().get(path + "?k=" + link.group(2)).status()).isEqualTo(410);
            assertThat(send(bea, single, 1, 2).path("type").asText()).as("a retry is still acknowledged").isEqualTo("ack");
            // Only those who joined through the link have a late phone.
            assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/later/" + room.id, ana.browser.cookieHeader()))
                    .isNotNull();
            bea.close();
        }
    }

    @Test
    void late_profile_answers_join_the_same_board_and_its_smallest_count() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT)) {
            LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "profiles/en");
            room.act("/live");
            Phone ana = room.join("Ana");
            Phone bo = room.join("Bo");
            room.goTo(1);
            long step = ana.ws.awaitStep(1).at("/step/id").asLong();
            ObjectNode yes = ProfileAnswers.answer("yes", 2, List.of("time"), List.of("training"));
            assertThat(ProfileAnswers.send(ana.ws, step, "LinkedIn", yes).path("type").asText()).isEqualTo("ack");
            assertThat(ProfileAnswers.send(bo.ws, step, "LinkedIn", yes).path("type").asText()).isEqualTo("ack");
            room.act("/close");
            JsonNode before = JSON.readTree(room.facilitator.get("/facilitate/" + room.id + "/report/report.json").body());
            assertThat(before.at("/profiles/0/counts/networks/0/presence/0").isNull())
                    .as("two answers are fewer than the threshold: %s", before.at("/profiles/0/counts")).isTrue();

            room.act("/catch-up", "until", field(Instant.now().plus(Duration.ofDays(1))), "zone", "Europe/Madrid");
            Matcher link = LINK.matcher(room.facilitator.get("/facilitate/" + room.id).body());
            assertThat(link.find()).isTrue();
            Browser cyBrowser = server.browser();
            assertThat(cyBrowser.post("/later/" + room.id, "k", link.group(2), "name", "").status()).isEqualTo(303);
            try (WsClient cy = WsClient.connect(server.wsUrl() + "/ws/later/" + room.id, cyBrowser.cookieHeader())) {
                JsonNode steps = cy.await("state").at("/catchUp/steps");
                assertThat(steps.get(1).path("kind").asText()).isEqualTo("profiles");
                assertThat(steps.get(1).path("answerable").asBoolean()).isTrue();
                assertThat(ProfileAnswers.send(cy, step, "LinkedIn", yes).path("type").asText()).isEqualTo("ack");
            }
            JsonNode after = JSON.readTree(room.facilitator.get("/facilitate/" + room.id + "/report/report.json").body());
            assertThat(after.at("/profiles/0/counts/respondents").asInt()).isEqualTo(3);
            assertThat(after.at("/profiles/0/counts/networks/0/presence/0").asInt())
                    .as("three now, the late one counted: %s", after.at("/profiles/0/counts")).isEqualTo(3);
            JsonNode activity = after.at("/participation/steps/0");
            assertThat(activity.path("answered").asInt()).isEqualTo(3);
            assertThat(activity.path("answeredLater").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_guess_shows_its_true_value_only_once_guessed_and_a_quiz_is_not_for_later() {
        try (TestServer server = TestServer.start()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            WsClient console = room.console();
            room.goTo(6);
            long guess = console.awaitStep(6).at("/step/id").asLong();
            room.poll(guess, "close");
            room.poll(guess, "reveal");
            room.act("/close");
            room.act("/catch-up", "until", field(Instant.now().plus(Duration.ofDays(1))), "zone", "Europe/Madrid");
            Phone cy = room.joinLater("Cy");
            JsonNode shown = stepOf(cy.ws.await("state"), guess);
            assertThat(shown.has("truth")).as("not before guessing: %s", shown).isFalse();
            assertThat(cy.answerAndWait(guess, 40).path("type").asText()).isEqualTo("ack");
            JsonNode after = stepOf(new WsClientState(cy.ws).fresh(), guess);
            assertThat(after.path("truth").asDouble()).isEqualTo(44.0);
            assertThat(after.path("source").asText()).isEqualTo("Gartner webinar survey");
        }
        try (TestServer server = TestServer.start()) {
            LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "quiz/en");
            room.act("/live");
            WsClient console = room.console();
            room.goTo(1);
            long question = console.awaitStep(1).at("/step/id").asLong();
            room.act("/close");
            room.act("/catch-up", "until", field(Instant.now().plus(Duration.ofDays(1))), "zone", "Europe/Madrid");
            Phone dee = room.joinLater("Dee");
            JsonNode shown = stepOf(dee.ws.await("state"), question);
            assertThat(shown.path("answerable").asBoolean()).as("points are for the room's quick fingers").isFalse();
            String id = "late-quiz";
            dee.ws.send(JSON.createObjectNode().put("type", "quizAnswer").put("id", id).put("step", question)
                    .put("seq", 1).put("option", 0));
            JsonNode refused = dee.reply(id);
            assertThat(refused.path("code").asText()).as("%s", refused).isEqualTo("not_allowed");
            assertThat(refused.path("message").asText()).isEqualTo("This was done together in the room; it can't be answered later.");
        }
    }

    private static JsonNode stepOf(JsonNode state, long stepId) {
        for (JsonNode step : state.at("/catchUp/steps")) {
            if (step.path("id").asLong() == stepId) {
                return step;
            }
        }
        throw new AssertionError("no step " + stepId + " in " + state.path("catchUp"));
    }

    private static void assertRefused(LiveRoom room, String message, String... fields) {
        assertRefusedAt(room, "/catch-up", message, fields);
    }

    private static void assertRefusedAt(LiveRoom room, String path, String message, String... fields) {
        Browser.Response r = room.actRaw(path, fields);
        assertThat(r.status()).as("refused: %s", r.body()).isEqualTo(409);
        assertThat(r.body()).contains(message);
    }

    private static JsonNode send(WsClient ws, long step, Object value, long seq) {
        String id = "late-" + step + "-" + seq + "-" + System.nanoTime();
        ObjectNode msg = JSON.createObjectNode().put("type", "answer").put("id", id).put("step", step).put("seq", seq);
        msg.set("value", JSON.valueToTree(value));
        ws.send(msg);
        return ws.await(m -> id.equals(m.path("id").asText()), Duration.ofSeconds(10));
    }

    /** A fresh snapshot, as a phone asks for one. */
    private record WsClientState(WsClient ws) {
        JsonNode fresh() {
            ws.forget();
            ws.send("{\"type\":\"hello\"}");
            return ws.await("state");
        }
    }
}
