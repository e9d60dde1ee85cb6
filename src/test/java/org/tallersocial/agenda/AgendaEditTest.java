package org.tallersocial.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** The agenda editor's save: the content files' rules, the version check, and what a begun workshop keeps. */
class AgendaEditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.tallersocial.testing.DocumentedShapes SHAPES =
            org.tallersocial.testing.DocumentedShapes.load(java.nio.file.Path.of("docs/schema/protocol.schema.json"));

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
    void a_draft_agenda_is_reordered_edited_added_to_and_cut_and_every_screen_gets_it() throws Exception {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
            WsClient console = room.console();
            console.await("state");
            ObjectNode agenda = agenda(room);
            ArrayNode steps = (ArrayNode) agenda.get("steps");
            assertThat(steps).hasSize(8);
            ObjectNode single = (ObjectNode) steps.get(1);
            single.put("question", "Who speaks for the bakery?");
            single.putArray("options").add("The owner").add("Everyone").add("Nobody").add("The community manager");
            steps.remove(4);
            steps.insert(0, slide("opening", "Good morning, Panadería Ruiz"));
            JsonNode moved = steps.remove(2);
            steps.add(moved);

            Browser.Response saved = save(room, agenda);

            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            JsonNode back = JSON.readTree(saved.body());
            assertThat(titles(back)).containsExactly("Good morning, Panadería Ruiz", "Welcome", "Multiple", "Scale",
                    "Open", "Guess", "Ranking", "Single");
            assertThat(back.at("/steps/7/options/3").asText()).isEqualTo("The community manager");
            assertThat(back.at("/steps/7/ref").asLong()).isEqualTo(single.get("ref").asLong());
            assertThat(back.at("/steps/0/ref").isIntegralNumber()).as("the new slide got an id").isTrue();
            assertThat(titles(agenda(room))).as("stored").isEqualTo(titles(back));
            JsonNode state = console.await(m -> "state".equals(m.path("type").asText())
                    && m.at("/step/count").asInt() == 8, java.time.Duration.ofSeconds(5));
            assertThat(state.at("/step/title").asText()).isEqualTo("Welcome");
            assertThat(state.at("/step/index").asInt()).as("the console stays on the step it showed").isEqualTo(1);
        }
    }

    @Test
    void a_bad_value_is_told_at_its_field_and_changes_nothing() throws Exception {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
            ObjectNode agenda = agenda(room);
            ObjectNode before = agenda.deepCopy();
            ((ObjectNode) agenda.at("/steps/1")).putArray("options").add("Only one");
            ((ObjectNode) agenda.at("/steps/3")).put("max", 40);

            Browser.Response refused = save(room, agenda);

            assertThat(refused.status()).isEqualTo(422);
            JsonNode problems = JSON.readTree(refused.body()).get("problems");
            assertThat(paths(problems)).containsExactlyInAnyOrder("steps[1].options", "steps[3].max");
            assertThat(problems.get(0).path("message").asText()).isNotBlank();
            assertThat(agenda(room)).isEqualTo(before);
            Browser.Response garbage = marta.postJson("/facilitate/" + room.id + "/agenda", "not json");
            assertThat(garbage.status()).isEqualTo(422);
            assertThat(agenda(room)).isEqualTo(before);
        }
    }

    @Test
    void two_tabs_never_overwrite_each_other() throws Exception {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
            ObjectNode first = agenda(room);
            ObjectNode second = agenda(room);
            ((ObjectNode) first.at("/steps/0")).put("title", "Welcome, bakers");
            assertThat(save(room, first).status()).isEqualTo(200);
            ((ObjectNode) second.at("/steps/0")).put("title", "Hello");

            Browser.Response stale = save(room, second);

            assertThat(stale.status()).isEqualTo(409);
            assertThat(JSON.readTree(stale.body()).path("error").asText()).contains("another tab");
            assertThat(agenda(room).at("/steps/0/title").asText()).isEqualTo("Welcome, bakers");
        }
    }

    @Test
    void a_live_correction_reaches_the_phones_and_a_change_of_meaning_is_refused_with_every_answer_kept()
            throws Exception {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
            room.act("/live");
            room.goTo(1);
            LiveRoom.Phone ana = room.join("Ana");
            long single = ana.ws.awaitStep(1).at("/step/id").asLong();
            assertThat(ana.answerAndWait(single, 1).path("type").asText()).isEqualTo("ack");

            ObjectNode typo = agenda(room);
            ((ObjectNode) typo.at("/steps/1")).put("question", "Who should speak for us online?");
            ((ArrayNode) typo.at("/steps/1/options")).set(2, JSON.getNodeFactory().textNode("No one"));
            ana.ws.forget();
            assertThat(save(room, typo).status()).isEqualTo(200);
            JsonNode corrected = ana.ws.await("state");
            assertThat(corrected.at("/step/question").asText()).isEqualTo("Who should speak for us online?");
            assertThat(corrected.at("/step/options/2").asText()).isEqualTo("No one");

            List<String> refusedPaths = new ArrayList<>();
            ObjectNode fewer = agenda(room);
            ((ArrayNode) fewer.at("/steps/1/options")).remove(2);
            refusedPaths.addAll(refusal(room, fewer, "steps[1].options"));
            ObjectNode reordered = agenda(room);
            ArrayNode options = (ArrayNode) reordered.at("/steps/1/options");
            JsonNode first = options.remove(0);
            options.add(first);
            refusedPaths.addAll(refusal(room, reordered, "steps[1].options"));
            ObjectNode otherKind = agenda(room);
            ((ObjectNode) otherKind.at("/steps/1")).put("kind", "ranking");
            refusedPaths.addAll(refusal(room, otherKind, "steps[1].kind"));
            ObjectNode reachedMoved = agenda(room);
            ArrayNode steps = (ArrayNode) reachedMoved.get("steps");
            steps.add(steps.remove(0));
            refusedPaths.addAll(refusal(room, reachedMoved, "steps[0]"));
            assertThat(refusedPaths).hasSize(4);

            ObjectNode ahead = agenda(room);
            ArrayNode later = (ArrayNode) ahead.get("steps");
            later.remove(7);
            later.insert(2, slide("break", "Coffee break"));
            assertThat(save(room, ahead).status()).as("steps not reached yet are free").isEqualTo(200);

            JsonNode results = room.console().await(m -> "results".equals(m.path("type").asText())
                    || m.has("results"), java.time.Duration.ofSeconds(5));
            assertThat(results.toString()).contains("\"voters\":1");
            assertThat(ana.answerAndWait(single, 2).path("type").asText()).as("the poll still takes answers")
                    .isEqualTo("ack");
        }
    }

    private List<String> refusal(LiveRoom room, ObjectNode agenda, String path) throws Exception {
        Browser.Response refused = save(room, agenda);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        List<String> paths = paths(JSON.readTree(refused.body()).get("problems"));
        assertThat(paths).contains(path);
        return paths;
    }

    private ObjectNode agenda(LiveRoom room) throws Exception {
        Browser.Response got = marta.get("/facilitate/" + room.id + "/agenda.json");
        assertThat(got.status()).isEqualTo(200);
        ObjectNode agenda = (ObjectNode) JSON.readTree(got.body());
        assertThat(SHAPES.problems("agenda", agenda)).as("docs/protocol.md's agenda").isEmpty();
        // What the editor sends back: the content fields and each step's ref, nothing it was only told.
        agenda.remove(List.of("state", "current"));
        agenda.get("steps").forEach(s -> ((ObjectNode) s).remove(List.of("begun", "reached")));
        return agenda;
    }

    private Browser.Response save(LiveRoom room, ObjectNode agenda) throws Exception {
        assertThat(SHAPES.problems("agendaSave", agenda)).as("docs/protocol.md's save").isEmpty();
        Browser.Response reply = marta.postJson("/facilitate/" + room.id + "/agenda", agenda.toString());
        String def = reply.status() == 200 ? "agenda" : "agendaRefused";
        assertThat(SHAPES.problems(def, JSON.readTree(reply.body()))).as("docs/protocol.md's " + def).isEmpty();
        return reply;
    }

    private static ObjectNode slide(String id, String title) {
        return JSON.createObjectNode().put("id", id).put("kind", "slide").put("title", title).put("duration", "2m");
    }

    private static List<String> titles(JsonNode agenda) {
        List<String> out = new ArrayList<>();
        agenda.get("steps").forEach(s -> out.add(s.path("title").asText()));
        return out;
    }

    private static List<String> paths(JsonNode problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.path("path").asText()));
        return out;
    }
}
