package org.tallersocial.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Agendas;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Conversation;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.Stored;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** A rehearsal runs like the real thing, then goes without leaving one row behind. */
class RehearsalResetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void a_reset_rehearsal_is_a_fresh_draft_with_its_agenda_and_no_row_of_the_rehearsal_in_any_table() throws Exception {
        try (LiveRoom room = LiveRoom.draft(server, marta, "conversation/en", "All hands", "Panadería Ruiz")) {
            long single = prepare(room);
            JsonNode agenda = agenda(room);
            Map<String, Long> prepared = rowsByTable();

            room.act("/live", "rehearsal", "on");
            LiveRoom.Phone ana = room.join("Ana");
            assertThat(ana.ws.await("state").at("/workshop/rehearsal").asBoolean()).as("the phone says rehearsal").isTrue();
            room.goTo(1);
            long raci = ana.ws.awaitStep(1).at("/step/id").asLong();
            WsClient console = room.console();
            JsonNode picture = console.await(m -> m.at("/picture/activities").size() > 0, Duration.ofSeconds(5))
                    .get("picture");
            room.act("/steps/" + raci + "/raci/cells", "activity", picture.at("/activities/0/id").asText(),
                    "role", picture.at("/roles/0/id").asText(), "letter", "A", "version", "0");
            room.goTo(2);
            long ideas = ana.ws.awaitStep(2).at("/step/id").asLong();
            long ideaId = Conversation.send(ana.ws, Conversation.idea(ideas, "A photo each morning")).path("idea").asLong();
            assertThat(Conversation.send(ana.ws, Conversation.ideaVote(ideas, ideaId, true)).path("type").asText())
                    .isEqualTo("ack");
            assertThat(Conversation.send(ana.ws, Conversation.question("Who posts at weekends?", false))
                    .path("type").asText()).isEqualTo("ack");
            room.goTo(3);
            ana.ws.awaitStep(3);
            room.act("/commitments", "action", "Write the guidelines", "role", "Owner",
                    "due", LocalDate.now().plusMonths(1).toString());
            room.goTo(5);
            ana.ws.awaitStep(5);
            assertThat(ana.answerAndWait(single, 1).path("type").asText()).isEqualTo("ack");
            marta.post("/facilitate/" + room.id + "/review-links", "reader", "Owner");

            String confirm = marta.get("/facilitate/" + room.id + "/reset").body();
            assertThat(confirm).contains("participants: 1").contains("answers to polls and the profile exercise: 1")
                    .contains("questions: 1").contains("ideas: 1").contains("commitments: 1");
            assertThat(rowsByTable()).as("the rehearsal wrote rows").isNotEqualTo(prepared);

            Browser.Response reset = marta.post("/facilitate/" + room.id + "/reset");
            assertThat(reset.status()).isEqualTo(303);

            assertThat(rowsByTable()).as("every table as it was before the rehearsal").isEqualTo(prepared);
            JsonNode fresh = room.console().await("state");
            assertThat(fresh.at("/workshop/state").asText()).isEqualTo("draft");
            assertThat(fresh.at("/workshop/rehearsal").asBoolean()).isFalse();
            assertThat(fresh.at("/step/index").asInt()).isZero();
            assertThat(fresh.at("/presence/joined").asInt()).isZero();
            assertThat(agenda(room)).as("the same agenda, every step pending again").isEqualTo(agenda);
            assertThat(ana.browser.get("/j/" + room.code + "?k=" + room.key).body()).as("Ana's place went with the rehearsal")
                    .contains("<title>Join").doesNotContain("js/phone.js");
            assertThat(ana.browser.get("/j/" + room.code).status()).as("and a draft is hidden again").isEqualTo(404);
        }
    }

    @Test
    void a_real_session_is_never_reset() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "conversation/en")) {
            room.act("/live");
            assertThat(marta.get("/facilitate/" + room.id + "/reset").status()).isEqualTo(409);
            assertThat(marta.post("/facilitate/" + room.id + "/reset").status()).isEqualTo(409);
            assertThat(room.console().await("state").at("/workshop/state").asText()).isEqualTo("live");
        }
    }

    /** The preparation the reset keeps: an added poll, and a question setting. */
    private long prepare(LiveRoom room) throws Exception {
        ObjectNode agenda = Agendas.editable(marta, room.id);
        ((ArrayNode) agenda.get("steps")).add(JSON.createObjectNode().put("id", "who").put("kind", "single")
                .put("title", "Who speaks?").put("question", "Who answers customers online?").put("duration", "2m")
                .set("options", JSON.createArrayNode().add("The owner").add("Everyone")));
        assertThat(Agendas.save(marta, room.id, agenda).status()).isEqualTo(200);
        room.act("/questions/settings", "needsApproval", "off");
        return agenda(room).at("/steps/5/ref").asLong();
    }

    private ObjectNode agenda(LiveRoom room) throws Exception {
        return (ObjectNode) JSON.readTree(marta.get("/facilitate/" + room.id + "/agenda.json").body());
    }

    private Map<String, Long> rowsByTable() {
        Map<String, Long> rows = Stored.rowsByTable(server);
        assertThat(rows).containsKeys("PARTICIPANT", "ANSWER", "QUESTION", "IDEA", "COMMITMENT", "RACI_CELL");
        return rows;
    }
}
