package org.tallersocial.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.DocumentedShapes;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * docs/protocol.md is checked against the server: its examples against docs/schema/protocol.schema.json,
 * and so is every message the shipped workshop's run (every step kind, every phone message, refusals,
 * moderation) really produced on the phones', the projector's and the console's sockets.
 */
class ProtocolDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of("docs/protocol.md");
    private static final DocumentedShapes SHAPES = DocumentedShapes.load(Path.of("docs/schema/protocol.schema.json"));
    /** What a screen is sent, each of which the run must have seen (storage: the disk-full alarm, FullDiskTest). */
    private static final Set<String> SENT_TO_SCREENS = Set.of("state", "results", "picture", "presence", "questions",
            "questionsMine", "questionsPage", "ideasPage", "pong", "ack", "error", "reactions", "reactionBurst");

    private static TestServer server;
    private static Map<String, List<JsonNode>> received;
    private static List<JsonNode> sent;

    @BeforeAll
    static void run() throws Exception {
        server = TestServer.start(TestServer.REAL_CONTENT);
        try (LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "social-business/en")) {
            ProtocolRun run = new ProtocolRun(room);
            run.run();
            received = new LinkedHashMap<>();
            received.put("phone (named)", messages(run.ana.ws));
            received.put("phone (anonymous)", messages(run.anonymous.ws));
            received.put("projector", messages(run.projector));
            received.put("console", messages(run.console));
            received.put("phone (answering later)", messages(run.late.ws));
            sent = run.sent;
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_example_of_the_document_has_its_documented_shape() {
        assertThat(DocumentedShapes.examples(DOC)).hasSizeGreaterThan(30);
        assertThat(SHAPES.problemsOfExamples(DOC)).isEmpty();
    }

    @Test
    void every_message_the_screens_received_in_a_whole_workshop_has_its_documented_shape() {
        Set<String> seen = new TreeSet<>();
        Map<String, String> wrong = new LinkedHashMap<>();
        received.forEach((screen, messages) -> messages.forEach(m -> {
            String type = m.path("type").asText();
            seen.add(type);
            SHAPES.problems(type, m).forEach(p -> wrong.putIfAbsent(screen + ", " + type + ": " + p, clip(m)));
        }));
        assertThat(wrong).as("what does not fit (the first message it was seen in)").isEmpty();
        assertThat(seen).as("every kind of message a screen is sent came at least once").containsAll(SENT_TO_SCREENS);
        assertThat(received.values().stream().mapToInt(List::size).sum()).isGreaterThan(300);
    }

    @Test
    void every_message_the_phones_sent_is_documented_and_was_answered_as_documented() {
        Map<String, String> wrong = new LinkedHashMap<>();
        Set<String> types = new TreeSet<>();
        for (JsonNode m : sent) {
            types.add(m.path("type").asText());
            SHAPES.problems(m.path("type").asText(), m).forEach(p -> wrong.putIfAbsent(p, clip(m)));
        }
        assertThat(wrong).isEmpty();
        assertThat(types).containsExactlyInAnyOrder("answer", "profile", "raci.propose", "idea", "idea_vote",
                "volunteer", "question", "upvote", "questionsMore", "ideasMore", "hello", "ping", "reaction", "quizAnswer", "quizName");
    }

    @Test
    void the_schema_refuses_a_field_it_does_not_document_and_a_documented_one_missing() {
        JsonNode state = received.get("console").stream()
                .filter(m -> m.path("type").asText().equals("state") && m.at("/step/kind").asText().equals("single"))
                .findFirst().orElseThrow();
        assertThat(SHAPES.problems("state", state)).isEmpty();
        ObjectNode extra = state.deepCopy();
        ((ObjectNode) extra.get("step")).putNull("unit");
        assertThat(SHAPES.problems("state", extra)).as("a guess's field on a single-choice step").isNotEmpty();
        ObjectNode missing = state.deepCopy();
        ((ObjectNode) missing.get("workshop")).remove("code");
        assertThat(SHAPES.problems("state", missing)).isNotEmpty();
        ObjectNode unknownCode = JSON.createObjectNode().put("type", "error").put("code", "oops").put("message", "x");
        assertThat(SHAPES.problems("error", unknownCode)).as("an error code the document does not list").isNotEmpty();
    }

    private static List<JsonNode> messages(WsClient ws) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : ws.transcript().split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static String clip(JsonNode m) {
        String s = m.toString();
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
