package org.tallersocial.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.ProfileAnswers.answer;
import static org.tallersocial.testing.ProfileAnswers.message;
import static org.tallersocial.testing.ProfileAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
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

/** The whole exercise over real sockets: phones answering and changing, the room's counts, closing, restarting. */
class ProfileExerciseTest {

    private TestServer server;
    private Browser facilitator;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        facilitator = Facilitators.first(server);
        room = LiveRoom.draft(server, facilitator, "profiles/en");
        room.act("/live");
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    private long reachExercise(Phone... phones) {
        room.goTo(1);
        long step = 0;
        for (Phone p : phones) {
            JsonNode state = p.ws.awaitStep(1);
            assertThat(state.at("/step/kind").asText()).isEqualTo("profiles");
            assertThat(state.at("/step/pollState").asText()).as("the exercise opens when reached").isEqualTo("open");
            step = state.at("/step/id").asLong();
        }
        return step;
    }

    private static JsonNode pictureWith(WsClient ws, java.util.function.Predicate<JsonNode> match) {
        return ws.await(m -> ("picture".equals(m.path("type").asText()) || "state".equals(m.path("type").asText()))
                && m.has("picture") && match.test(m.get("picture")), Duration.ofSeconds(5)).get("picture");
    }

    @Test
    void phones_answer_network_by_network_and_the_projector_sees_only_the_counts() {
        WsClient projector = room.projector();
        List<Phone> phones = List.of(room.join("Ana"), room.join("Bo"), room.join("Cai"), room.join("Dee"));
        long step = reachExercise(phones.toArray(Phone[]::new));

        for (Phone p : phones) {
            JsonNode ack = send(p.ws, step, "LinkedIn", answer("yes", 2, List.of("time"), List.of("training")));
            assertThat(ack.path("type").asText()).as("ack: %s", ack).isEqualTo("ack");
            assertThat(ack.at("/value/ladder").asInt()).isEqualTo(2);
        }
        send(phones.get(0).ws, step, "Instagram", answer("no", null, List.of(), List.of()));

        // The first picture that counts every acked answer: one sent between the acks may count fewer.
        JsonNode picture = pictureWith(projector, p -> p.at("/networks/0/answered").asInt() == 4
                && p.at("/networks/1/answered").asInt() == 1 && p.path("respondents").asInt() == 4);
        assertThat(picture.at("/networks/0/presence").toString()).isEqualTo("[4,0,0]");
        assertThat(picture.at("/networks/0/ladder").toString()).isEqualTo("[0,0,4,0,0]");
        assertThat(picture.at("/networks/1/answered").asInt()).isEqualTo(1);
        assertThat(picture.at("/networks/1/presence").toString()).as("one person alone is hidden")
                .isEqualTo("[null,null,null]");
        assertThat(picture.at("/obstacles/0/key").asText()).isEqualTo("time");
        assertThat(picture.at("/obstacles/0/count").asInt()).isEqualTo(4);
        assertThat(picture.at("/helps/0/key").asText()).isEqualTo("training");
        assertThat(picture.at("/cross/cells/1/1").asInt()).as("time x training").isEqualTo(4);
    }

    @Test
    void a_changed_answer_replaces_the_old_one_and_a_retry_is_not_counted_twice() {
        WsClient console = room.console();
        List<Phone> phones = List.of(room.join("Ana"), room.join("Bo"), room.join("Cai"));
        long step = reachExercise(phones.toArray(Phone[]::new));
        for (Phone p : phones) {
            send(p.ws, step, "TikTok", answer("yes", 0, List.of("privacy"), List.of()));
        }
        ObjectNode first = message(step, "TikTok", answer("yes", 4, List.of(), List.of("guidelines")), 1_000_000);
        send(phones.get(0).ws, first);
        JsonNode retry = send(phones.get(0).ws, message(step, "TikTok",
                answer("yes", 4, List.of(), List.of("guidelines")), 1_000_000));
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        JsonNode late = send(phones.get(0).ws, message(step, "TikTok", answer("no", null, List.of(), List.of()), 999));
        assertThat(late.path("duplicate").asBoolean()).as("an older retry arriving late changes nothing").isTrue();
        assertThat(late.at("/value/ladder").asInt()).isEqualTo(4);

        JsonNode picture = pictureWith(console, p -> p.at("/networks/2/answered").asInt() == 3
                && p.at("/networks/2/ladder/0").isNull());
        assertThat(picture.at("/networks/2/presence/0").asInt()).isEqualTo(3);
        assertThat(picture.at("/networks/2/ladder").toString())
                .as("2 and 1 are both under 3, so both are hidden").isEqualTo("[null,0,0,0,null]");
    }

    @Test
    void a_phone_that_comes_back_finds_its_own_answers_and_nobody_elses() {
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        long step = reachExercise(ana, bo);
        ObjectNode mine = answer("yes", 3, List.of("other"), List.of("examples"));
        mine.put("obstacleOther", "my manager reads everything");
        send(ana.ws, step, "LinkedIn", mine);
        send(bo.ws, step, "Instagram", answer("private", null, List.of(), List.of()));

        ana.reconnect(server.wsUrl(), room.code);
        JsonNode state = ana.ws.await("state");
        assertThat(state.at("/mine/answers/LinkedIn/ladder").asInt()).isEqualTo(3);
        assertThat(state.at("/mine/answers/LinkedIn/obstacleOther").asText()).isEqualTo("my manager reads everything");
        assertThat(state.at("/mine/answers").size()).isEqualTo(1);
        assertThat(state.at("/mine/name").asText()).isEqualTo("Ana");
        assertThat(state.has("picture")).as("phones get no picture of the room").isFalse();

        bo.reconnect(server.wsUrl(), room.code);
        assertThat(bo.ws.await("state").at("/mine/answers").toString()).doesNotContain("LinkedIn")
                .doesNotContain("manager");
    }

    @Test
    void answers_survive_a_restart_and_the_exercise_goes_on() {
        List<Phone> phones = List.of(room.join("Ana"), room.join("Bo"), room.join("Cai"));
        long step = reachExercise(phones.toArray(Phone[]::new));
        for (Phone p : phones) {
            send(p.ws, step, "LinkedIn", answer("yes", 1, List.of(), List.of()));
        }

        server = server.restart();
        for (Phone p : phones) {
            p.reconnect(server.wsUrl(), room.code);
        }
        JsonNode state = phones.get(0).ws.await("state");
        assertThat(state.at("/mine/answers/LinkedIn/ladder").asInt()).isEqualTo(1);
        WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + room.id, facilitator.cookieHeader());
        JsonNode picture = pictureWith(console, p -> true);
        assertThat(picture.at("/networks/0/ladder/1").asInt()).isEqualTo(3);
        JsonNode ack = send(phones.get(1).ws, step, "LinkedIn", answer("yes", 4, List.of(), List.of()));
        assertThat(ack.path("type").asText()).isEqualTo("ack");
        console.close();
    }

    @Test
    void after_closing_nothing_new_is_taken_but_a_retry_of_a_saved_answer_is_acknowledged() {
        Phone ana = room.join("Ana");
        long step = reachExercise(ana);
        ObjectNode saved = message(step, "LinkedIn", answer("yes", 1, List.of(), List.of()), 5_000_000);
        send(ana.ws, saved);
        room.poll(step, "close");
        ana.ws.await(m -> "state".equals(m.path("type").asText())
                && "closed".equals(m.at("/step/pollState").asText()), Duration.ofSeconds(5));

        JsonNode refused = send(ana.ws, step, "Instagram", answer("no", null, List.of(), List.of()));
        assertThat(refused.path("code").asText()).isEqualTo("poll_closed");
        assertThat(refused.path("message").asText()).contains("closed");
        JsonNode retry = send(ana.ws, message(step, "LinkedIn", answer("yes", 1, List.of(), List.of()), 5_000_000));
        assertThat(retry.path("type").asText()).isEqualTo("ack");
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
    }

    @Test
    void the_facilitator_adds_company_channels_and_cannot_drop_a_network_people_answered_for() {
        Phone ana = room.join("Ana");
        long step = reachExercise(ana);
        send(ana.ws, step, "LinkedIn", answer("no", null, List.of(), List.of()));

        room.act("/steps/" + step + "/networks", "networks", "LinkedIn\nInstagram\nCompany blog\n\nWhatsApp Business");
        JsonNode state = ana.ws.await(m -> "state".equals(m.path("type").asText())
                && m.at("/step/exercise/networks").size() == 4, Duration.ofSeconds(5));
        assertThat(state.at("/step/exercise/networks/2").asText()).isEqualTo("Company blog");
        assertThat(send(ana.ws, step, "Company blog", answer("yes", 3, List.of(), List.of())).path("type").asText())
                .isEqualTo("ack");
        assertThat(send(ana.ws, step, "TikTok", answer("no", null, List.of(), List.of())).path("code").asText())
                .as("a removed network takes no answer").isEqualTo("unknown_network");

        Browser.Response refused = room.actRaw("/steps/" + step + "/networks", "networks", "Instagram");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("LinkedIn");
        assertThat(room.actRaw("/steps/" + step + "/networks", "networks", "  \n ").status()).isEqualTo(409);
        assertThat(room.actRaw("/steps/" + step + "/networks", "networks", "A\na").body()).contains("twice");
        assertThat(room.actRaw("/steps/" + step + "/networks", "networks", "x".repeat(41)).status()).isEqualTo(409);
        assertThat(room.actRaw("/steps/0/networks", "networks", "LinkedIn").status()).isEqualTo(404);
    }

    @Test
    void the_csv_export_holds_the_counts_with_small_ones_hidden_in_the_workshops_language() {
        List<Phone> phones = List.of(room.join("Ana"), room.join("Bo"), room.join("Cai"));
        long step = reachExercise(phones.toArray(Phone[]::new));
        for (Phone p : phones) {
            send(p.ws, step, "LinkedIn", answer("yes", 3, List.of("time"), List.of()));
        }
        ObjectNode volunteer = answer("yes", 4, List.of(), List.of());
        volunteer.put("ambassador", true).put("ambassadorName", "=Bo the brave");
        send(phones.get(1).ws, step, "Instagram", volunteer);

        Browser.Response csv = facilitator.get("/facilitate/" + room.id + "/steps/" + step + "/profiles.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFSection,Network,Item,People")
                .contains("Willing to link it,LinkedIn,Share the company's posts,3")
                .contains("Willing to link it,Instagram,Speak for the company,<3")
                .contains("Holds them back,,Lack of time,3")
                .contains("Volunteer ambassador,Instagram,'=Bo the brave")
                .doesNotContain("Ana").doesNotContain("Cai");
        Browser.Response phoneTry = phones.get(0).browser.get("/facilitate/" + room.id + "/steps/" + step + "/profiles.csv");
        assertThat(phoneTry.status()).as("a phone cannot download the export").isNotEqualTo(200);
    }

    @Test
    void the_exercise_runs_in_the_shipped_default_workshop() {
        try (TestServer real = TestServer.start(Path.of("workshop-content"))) {
            Browser f = Facilitators.first(real);
            LiveRoom workshop = LiveRoom.draft(real, f, "social-business/es");
            workshop.act("/live");
            Phone ana = workshop.join("Ana");
            JsonNode agenda = ana.ws.await("state");
            int count = agenda.at("/step/count").asInt();
            for (int i = 0; i < count; i++) {
                workshop.goTo(i);
                JsonNode state = ana.ws.awaitStep(i);
                if ("profiles".equals(state.at("/step/kind").asText())) {
                    long step = state.at("/step/id").asLong();
                    String network = state.at("/step/exercise/networks/0").asText();
                    assertThat(send(ana.ws, step, network, answer("yes", 1, List.of(), List.of())).path("type").asText())
                            .isEqualTo("ack");
                    workshop.close();
                    return;
                }
            }
            throw new AssertionError("the default workshop has no profile-linking step");
        }
    }
}
