package org.tallersocial.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.ProfileAnswers.answer;
import static org.tallersocial.testing.ProfileAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * The point of the exercise: nobody's answer can be read off any screen, socket
 * or export, and no count small enough to point at someone is ever shown.
 */
class ProfilePrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("Zuriñe", "Bartolo", "Casilda", "Domitila", "Eusebio");

    @Test
    void no_route_socket_message_or_export_leaks_an_individual_answer_or_a_small_count() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT)) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, "profiles/en");
            room.act("/live");
            WsClient projector = room.projector();
            WsClient console = room.console();
            List<Phone> phones = new ArrayList<>();
            NAMES.forEach(n -> phones.add(room.join(n)));
            room.goTo(1);
            long step = phones.get(0).ws.awaitStep(1).at("/step/id").asLong();

            // Distinct answers, each with words only its person wrote.
            for (int i = 0; i < phones.size(); i++) {
                ObjectNode a = answer(i < 3 ? "yes" : i == 3 ? "no" : "private", i < 3 ? i : null,
                        List.of("other", i % 2 == 0 ? "time" : "privacy"), List.of("other", "training"));
                a.put("obstacleOther", "secret-obstacle-" + i).put("helpOther", "secret-help-" + i);
                assertThat(send(phones.get(i).ws, step, "LinkedIn", a).path("type").asText()).isEqualTo("ack");
            }
            ObjectNode volunteer = answer("yes", 4, List.of(), List.of());
            volunteer.put("ambassador", true).put("ambassadorName", "Volunteer Vera");
            send(phones.get(0).ws, step, "TikTok", volunteer);
            console.await(m -> "picture".equals(m.path("type").asText())
                    && m.at("/picture/networks/2/answered").asInt() == 1, Duration.ofSeconds(5));
            projector.await(m -> "picture".equals(m.path("type").asText())
                    && m.at("/picture/networks/2/answered").asInt() == 1, Duration.ofSeconds(5));
            room.poll(step, "close");
            console.await(m -> "closed".equals(m.at("/step/pollState").asText()), Duration.ofSeconds(5));

            List<String> everythingOthersSee = new ArrayList<>();
            everythingOthersSee.add(projector.transcript());
            everythingOthersSee.add(console.transcript());
            everythingOthersSee.add(facilitator.get("/facilitate/" + room.id + "/steps/" + step + "/profiles.csv").body());
            everythingOthersSee.add(facilitator.get("/facilitate/" + room.id).body());
            everythingOthersSee.add(server.browser().get("/w/" + room.code + "/screen").body());
            for (int i = 1; i < phones.size(); i++) {
                phones.get(i).reconnect(server.wsUrl(), room.code);
                phones.get(i).ws.await("state");
                everythingOthersSee.add(phones.get(i).ws.transcript());
                everythingOthersSee.add(phones.get(i).browser.get("/j/" + room.code).body());
            }

            for (String seen : everythingOthersSee) {
                assertThat(seen).doesNotContain("secret-obstacle-0", "secret-help-0")
                        .doesNotContain(NAMES.get(0));
            }
            String shared = everythingOthersSee.get(0) + everythingOthersSee.get(1) + everythingOthersSee.get(2);
            for (int i = 0; i < phones.size(); i++) {
                assertThat(shared).doesNotContain("secret-obstacle-" + i, "secret-help-" + i, NAMES.get(i));
            }
            assertThat(shared).as("a volunteer is named, in the ambassadors' list").contains("Volunteer Vera");

            for (String line : (projector.transcript() + "\n" + console.transcript()).split("\n")) {
                JsonNode msg = JSON.readTree(line);
                if (msg.has("picture")) {
                    assertEveryCountIsSafe(msg.get("picture"));
                }
            }
            room.close();
        }
    }

    /** A count on show is 0 or at least 3; the only small numbers allowed are totals of who answered. */
    private static void assertEveryCountIsSafe(JsonNode picture) {
        for (JsonNode n : picture.get("networks")) {
            n.get("presence").forEach(ProfilePrivacyTest::safe);
            n.get("ladder").forEach(ProfilePrivacyTest::safe);
        }
        picture.get("obstacles").forEach(c -> safe(c.get("count")));
        picture.get("helps").forEach(c -> safe(c.get("count")));
        picture.at("/cross/cells").forEach(row -> row.forEach(ProfilePrivacyTest::safe));
    }

    private static void safe(JsonNode count) {
        assertThat(count.isNull() || count.asInt() == 0 || count.asInt() >= 3).as("count %s", count).isTrue();
    }
}
