package org.tallersocial.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.ProfileAnswers.answer;
import static org.tallersocial.testing.ProfileAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** "Duplicate workshop": the agenda as adapted goes to the next client, without anything anyone answered. */
class DuplicateWorkshopTest {

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
    void a_run_workshop_duplicates_into_a_fresh_draft_with_its_adapted_agenda_and_no_answers() {
        long copyId;
        try (LiveRoom room = LiveRoom.draft(server, marta, "profiles/en", "All hands", "Panadería Ruiz")) {
            WsClient console = room.console();
            room.goTo(1);
            long step = console.awaitStep(1).at("/step/id").asLong();
            room.act("/steps/" + step + "/networks", "networks", "LinkedIn\nCompany blog");
            room.act("/steps/" + step + "/threshold", "threshold", "4");
            room.act("/live");
            LiveRoom.Phone ana = room.join("Ana");
            ana.ws.awaitStep(1);
            assertThat(send(ana.ws, step, "Company blog", answer("yes", 1, List.of(), List.of())).path("type")
                    .asText()).isEqualTo("ack");
            room.act("/close");

            Browser.Response made = room.actRaw("/duplicate");
            assertThat(made.status()).isEqualTo(303);
            String location = made.location().orElseThrow();
            copyId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            assertThat(copyId).isNotEqualTo(room.id);
            assertThat(marta.get(location).body()).contains("Copy of All hands").contains("Panadería Ruiz");
        }
        WsClient copy = WsClient.connect(server.wsUrl() + "/ws/console/" + copyId, marta.cookieHeader());
        JsonNode first = copy.await("state");
        assertThat(first.at("/workshop/state").asText()).isEqualTo("draft");
        assertThat(first.at("/step/count").asInt()).isEqualTo(3);
        assertThat(first.at("/presence/joined").asInt()).as("nobody joined the copy").isZero();
        marta.post("/facilitate/" + copyId + "/step", "to", "1");
        JsonNode reached = copy.awaitStep(1);
        JsonNode profiles = reached.get("step");
        assertThat(profiles.at("/exercise/networks").toString()).isEqualTo("[\"LinkedIn\",\"Company blog\"]");
        assertThat(profiles.at("/exercise/threshold").asInt()).isEqualTo(4);
        assertThat(profiles.path("pollState").asText()).isEqualTo("pending");
        JsonNode blog = reached.at("/picture/networks/1");
        assertThat(blog.path("network").asText()).isEqualTo("Company blog");
        assertThat(blog.path("answered").isInt()).isTrue();
        assertThat(blog.path("answered").asInt()).as("Ana's answer did not come along").isZero();
        copy.close();
    }

    @Test
    void another_facilitator_cannot_duplicate_a_workshop_that_is_not_theirs() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "profiles/en")) {
            Browser other = Facilitators.invited(server, marta, "other@example.org");
            assertThat(other.post("/facilitate/" + room.id + "/duplicate").status()).isEqualTo(403);
            assertThat(other.get("/facilitate").body()).doesNotContain("Copy of All hands");
        }
    }
}
