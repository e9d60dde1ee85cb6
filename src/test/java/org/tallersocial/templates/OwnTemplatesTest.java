package org.tallersocial.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Agendas;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** Templates of one's own: saved from a workshop or uploaded as a file, offered to the whole team. */
class OwnTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OWN_OPTION = Pattern.compile("<option value=\"(own:\\d+)\">([^<]*)</option>");

    private TestServer server;
    private Browser marta;
    private Browser luis;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        marta = Facilitators.first(server);
        luis = Facilitators.invited(server, marta, "luis@example.org");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_edited_agenda_saved_as_a_template_starts_a_colleagues_workshop_with_the_same_steps() throws Exception {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en", "Bakery all hands", "Panadería Ruiz")) {
            ObjectNode agenda = Agendas.editable(marta, room.id);
            ((ObjectNode) agenda.at("/steps/1")).put("question", "Who speaks for the bakery?");
            ((ArrayNode) agenda.get("steps")).remove(5);
            assertThat(Agendas.save(marta, room.id, agenda).status()).isEqualTo(200);

            Browser.Response saved = marta.post("/facilitate/" + room.id + "/template");
            assertThat(saved.status()).isEqualTo(303);
            assertThat(saved.location().orElseThrow()).endsWith("/facilitate#templates");

            Matcher offered = OWN_OPTION.matcher(luis.get("/facilitate").body());
            assertThat(offered.find()).as("the team's template is offered to a colleague").isTrue();
            assertThat(offered.group(2)).startsWith("Bakery all hands (English, 7 steps");
            try (LiveRoom copy = LiveRoom.draft(server, luis, offered.group(1), "Bakery, second shift", "Panadería")) {
                assertThat(contentOf(agenda(luis, copy.id))).isEqualTo(contentOf(agenda(marta, room.id)));
            }
        }
    }

    @Test
    void a_shipped_template_downloaded_and_uploaded_gives_the_same_agenda() throws Exception {
        Browser.Response file = marta.get("/facilitate/templates/file?template=poll-kinds/en");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("# A Taller Social workshop template").contains("kind: \"single\"");

        Browser.Response uploaded = marta.postFile("/facilitate/templates", "file", "poll-kinds-en.yaml",
                file.body().getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);

        Matcher offered = OWN_OPTION.matcher(marta.get("/facilitate").body());
        assertThat(offered.find()).isTrue();
        try (LiveRoom shipped = LiveRoom.draft(server, marta, "poll-kinds/en");
             LiveRoom roundTrip = LiveRoom.draft(server, marta, offered.group(1))) {
            assertThat(contentOf(agenda(marta, roundTrip.id))).isEqualTo(contentOf(agenda(marta, shipped.id)));
        }
        assertThat(marta.get("/facilitate/templates/file?template=" + offered.group(1)).body())
                .isEqualTo(file.body());
    }

    @Test
    void a_wrong_file_is_refused_with_its_line_and_field_and_nothing_is_kept() {
        String wrong = "id: bakery\nlanguage: en\ntitle: \"Bakery\"\nsteps:\n  - id: who\n    kind: single\n"
                + "    title: \"Who?\"\n    question: \"Who answers online?\"\n    options: [\"Everyone\"]\n"
                + "    duration: 2m\n";
        Browser.Response refused = marta.postFile("/facilitate/templates", "file", "bakery.yaml",
                wrong.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("line 9").contains("steps[0].options")
                .contains("needs 2 to 12 options, not 1");
        assertThat(marta.get("/facilitate").body()).doesNotContain("value=\"own:");
        assertThat(marta.postFile("/facilitate/templates", "file", "empty.yaml", new byte[0]).status())
                .isEqualTo(400);
        assertThat(marta.get("/facilitate/templates/file?template=nothing/en").status()).isEqualTo(404);
        assertThat(marta.get("/facilitate/templates/file?template=own:99").status()).isEqualTo(404);
    }

    @Test
    void only_its_author_deletes_a_template() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
            marta.post("/facilitate/" + room.id + "/template");
        }
        Matcher offered = OWN_OPTION.matcher(marta.get("/facilitate").body());
        assertThat(offered.find()).isTrue();
        String id = offered.group(1).substring("own:".length());

        assertThat(luis.post("/facilitate/templates/" + id + "/delete").status()).isEqualTo(409);
        assertThat(luis.get("/facilitate").body()).contains(offered.group(1));
        assertThat(marta.post("/facilitate/templates/" + id + "/delete").status()).isEqualTo(303);
        assertThat(luis.get("/facilitate").body()).doesNotContain(offered.group(1));
    }

    private static ObjectNode agenda(Browser who, long workshopId) throws Exception {
        return (ObjectNode) JSON.readTree(who.get("/facilitate/" + workshopId + "/agenda.json").body());
    }

    /** The steps as the content format has them: without this workshop's own ids and where its room is. */
    private static JsonNode contentOf(ObjectNode agenda) {
        ArrayNode steps = (ArrayNode) agenda.get("steps").deepCopy();
        steps.forEach(s -> ((ObjectNode) s).remove(java.util.List.of("ref", "begun", "reached")));
        return steps;
    }
}
