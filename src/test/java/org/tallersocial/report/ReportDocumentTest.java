package org.tallersocial.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.DocumentedShapes;
import org.tallersocial.testing.DocumentedShapes.Example;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * docs/report.md is checked against the server: its examples against docs/schema/report.schema.json, and so
 * is the report.json of real workshops (the shared default run, and one that leaves something in every part
 * of the report); what the document says of the CSV files holds for that run's files.
 */
class ReportDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path DOC = Path.of("docs/report.md");
    private static final DocumentedShapes SHAPES = DocumentedShapes.load(Path.of("docs/schema/report.schema.json"));
    private static final List<String> CSV_FILES = List.of("participation.csv", "polls.csv", "readiness.csv",
            "profiles.csv", "conversation.csv", "raci.csv");

    private static TestServer server;
    private static Browser facilitator;
    private static LiveRoom plain;
    private static LiveRoom full;

    @BeforeAll
    static void runTwoWorkshops() {
        server = TestServer.start(TestServer.REAL_CONTENT);
        facilitator = Facilitators.first(server);
        plain = DefaultRun.closed(server, facilitator, "Panadería Ruiz");
        full = new EverythingRun(LiveRoom.draft(server, facilitator, "social-business/en",
                "All hands Ferretería Gómez", "Ferretería Gómez")).closed();
    }

    @AfterAll
    static void stop() {
        plain.close();
        full.close();
        server.close();
    }

    @Test
    void every_example_of_the_document_has_its_documented_shape() {
        List<Example> examples = DocumentedShapes.examples(DOC);
        assertThat(examples).extracting(Example::def).as("each example names its definition").doesNotContainNull()
                .contains("report");
        assertThat(SHAPES.problemsOfExamples(DOC)).isEmpty();
    }

    @Test
    void the_report_json_of_real_workshops_has_its_documented_shape() throws Exception {
        JsonNode everything = reportJson(full);
        assertThat(SHAPES.problems("report", reportJson(plain))).as("the default run").isEmpty();
        assertThat(SHAPES.problems("report", everything)).as("the run that uses everything").isEmpty();
        // Not vacuous: the run left something in every part of the report the schema describes.
        List<String> kinds = new ArrayList<>();
        everything.path("polls").forEach(p -> {
            assertThat(p.at("/results/voters").asInt()).as("answers to %s", p.path("key")).isPositive();
            kinds.add(p.path("kind").asText());
        });
        assertThat(kinds).contains("single", "multiple", "scale", "wordcloud", "text", "guess", "ranking");
        assertThat(everything.at("/polls").findValues("hiddenCount")).anyMatch(n -> n.asInt() == 1);
        assertThat(everything.at("/profiles/0/counts/ambassadors").size()).isPositive();
        JsonNode talk = everything.path("conversation");
        for (String list : List.of("/answeredQuestions", "/openQuestions", "/ideas/0/ideas",
                "/commitments/0/volunteers")) {
            assertThat(talk.at(list).size()).as(list).isPositive();
        }
        assertThat(talk.at("/ideas/0/ideas").findValues("merged")).anyMatch(m -> m.size() > 0);
        assertThat(talk.path("commitmentsDone").asInt()).isEqualTo(1);
        assertThat(everything.at("/raci/0/reason").asText()).isNotBlank();
    }

    @Test
    void the_schema_refuses_a_field_it_does_not_document_and_a_documented_one_missing() throws Exception {
        JsonNode report = reportJson(full);
        ObjectNode extra = report.deepCopy();
        ((ObjectNode) extra.at("/conversation/commitments/0")).put("owner", "Zuriñe");
        assertThat(SHAPES.problems("report", extra)).isNotEmpty();
        ObjectNode missing = report.deepCopy();
        ((ObjectNode) missing.at("/participation/steps/0")).remove("position");
        assertThat(SHAPES.problems("report", missing)).isNotEmpty();
        ObjectNode wrongKind = report.deepCopy();
        ((ObjectNode) wrongKind.at("/polls/0/results")).put("kind", "scale");
        assertThat(SHAPES.problems("report", wrongKind)).as("a choice's options under a scale's kind").isNotEmpty();
    }

    @Test
    void the_exports_are_as_the_document_says() throws Exception {
        String base = "/facilitate/" + full.id + "/report/";
        JsonNode report = reportJson(full);
        Map<String, byte[]> zip = unzip(bytes(base + "report.zip"));
        assertThat(zip.keySet()).containsExactlyElementsOf(concat(CSV_FILES, "report.json"));
        for (String file : CSV_FILES) {
            byte[] csv = bytes(base + file);
            assertThat(new String(csv, 0, 3, StandardCharsets.ISO_8859_1)).as("%s starts with a UTF-8 BOM", file)
                    .isEqualTo("\u00EF\u00BB\u00BF");
            assertThat(csv).as("%s in the zip is the file itself", file).isEqualTo(zip.get(file));
        }
        // The CSV files number steps as people do: the step at position 0 is step 1.
        String participation = text(base + "participation.csv");
        assertThat(participation.lines().skip(1).findFirst().orElseThrow()).isEqualTo("\"\",People who took part,,4,0");
        assertThat(stepColumn(participation).skip(1).toList()).isEqualTo(steps(report.at("/participation/steps")));
        assertThat(stepColumn(text(base + "polls.csv")).distinct().toList()).isEqualTo(steps(report.path("polls")));
        assertThat(JSON.readTree(zip.get("report.json")).path("workshop")).isEqualTo(report.path("workshop"));
        assertThat(text(base + "profiles.csv")).contains("<3");
        assertThat(text(base + "raci.csv")).contains("The rest is settled next week");
    }

    private static java.util.stream.Stream<String> stepColumn(String csv) {
        return csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(',')));
    }

    private static List<String> steps(JsonNode withPositions) {
        List<String> out = new ArrayList<>();
        withPositions.forEach(s -> out.add(String.valueOf(s.path("position").asInt() + 1)));
        return out;
    }

    private static List<String> concat(List<String> files, String last) {
        List<String> out = new ArrayList<>(files);
        out.add(last);
        return out;
    }

    private static JsonNode reportJson(LiveRoom room) throws Exception {
        return JSON.readTree(text("/facilitate/" + room.id + "/report/report.json"));
    }

    private static String text(String path) {
        Browser.Response r = facilitator.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.body();
    }

    private static byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = facilitator.client().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Cookie", facilitator.cookieHeader()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /**
     * The shipped workshop with something in every part of the report: four phones answer every poll (one
     * open answer hidden), one names herself an ambassador, the room proposes and the matrix is settled with
     * a reason, ideas are voted and merged, a commitment gets volunteers and is done, questions are upvoted
     * and one answered. Then closed.
     */
    private static final class EverythingRun {

        private final LiveRoom room;
        private final List<Phone> phones;
        private final WsClient console;
        private long seq = 1_764_044_412_345L;
        private int ids;

        EverythingRun(LiveRoom room) {
            this.room = room;
            room.act("/live");
            this.phones = DefaultRun.NAMES.stream().map(room::join).toList();
            this.console = room.console();
        }

        LiveRoom closed() {
            int count = console.await("state").at("/step/count").asInt();
            for (int i = 0; i < count; i++) {
                room.goTo(i);
                JsonNode step = console.awaitStep(i).get("step");
                long id = step.path("id").asLong();
                switch (step.path("kind").asText()) {
                    case "slide" -> { }
                    case "profiles" -> profiles(step, id);
                    case "raci" -> raci(id);
                    case "ideas" -> ideas(id);
                    case "commitments" -> commitments(id);
                    case "quiz" -> quiz(id);
                    default -> poll(step, id);
                }
            }
            questions();
            room.act("/close");
            return room;
        }

        /** Picks only: the report leaves the quiz out, and its run must not trip over it. */
        private void quiz(long id) {
            for (int p = 0; p < phones.size(); p++) {
                reply(phones.get(p), withStep(message("quizAnswer"), id).put("option", p % 2));
            }
        }

        private void poll(JsonNode step, long id) {
            for (int p = 0; p < phones.size(); p++) {
                reply(phones.get(p), withStep(message("answer"), id).set("value", value(step, p)));
            }
            if (step.path("kind").asText().equals("text")) {
                JsonNode results = console.await(m -> m.path("type").asText().equals("results")
                        && m.at("/results/answers").size() == phones.size(), WAIT);
                room.act("/steps/" + id + "/answers/" + results.at("/results/answers/0/id").asLong(), "action", "hide");
            }
        }

        private void profiles(JsonNode step, long id) {
            String network = step.at("/exercise/networks/0").asText();
            for (int p = 0; p < phones.size(); p++) {
                ObjectNode answer = ProfileAnswers.answer("yes", p % 2, List.of("time"), List.of("training"));
                answer.put("ambassador", p == 0);
                reply(phones.get(p), withStep(message("profile"), id).put("network", network).set("answer", answer));
            }
        }

        /** Three propose the owner as Accountable, one the community manager; settled anyway, with a reason. */
        private void raci(long id) {
            room.act("/steps/" + id + "/raci/open", "activities", "all");
            JsonNode picture = phones.get(0).ws.await(m -> m.at("/picture/activities/0/open").asBoolean(), WAIT)
                    .get("picture");
            long owner = picture.at("/roles/0/id").asLong();
            long manager = picture.at("/roles/1/id").asLong();
            for (int p = 0; p < phones.size(); p++) {
                ObjectNode proposal = withStep(message("raci.propose"), id)
                        .put("activity", picture.at("/activities/0/id").asLong())
                        .put("accountable", p < 3 ? owner : manager);
                proposal.putArray("responsible").add(manager);
                reply(phones.get(p), proposal);
            }
            room.act("/steps/" + id + "/raci/majority");
            room.act("/steps/" + id + "/raci/settle", "anyway", "true", "reason", "The rest is settled next week");
        }

        private void ideas(long id) {
            long photo = reply(phones.get(0), withStep(message("idea"), id)
                    .put("text", "A photo of the bakery every morning")).path("idea").asLong();
            long reviews = reply(phones.get(1), withStep(message("idea"), id)
                    .put("text", "Answer every review within a day")).path("idea").asLong();
            long same = reply(phones.get(2), withStep(message("idea"), id)
                    .put("text", "Reply to reviews on the same day")).path("idea").asLong();
            for (Phone phone : phones.subList(1, 4)) {
                reply(phone, withStep(message("idea_vote"), id).put("idea", photo).put("up", true));
            }
            room.act("/steps/" + id + "/ideas/" + same, "action", "merge", "into", String.valueOf(reviews));
        }

        private void commitments(long id) {
            room.act("/commitments", "action", "Photo of the day on Instagram", "role", "Community manager",
                    "due", LocalDate.now().plusDays(30).toString());
            room.act("/commitments", "action", "Guidelines for answering reviews", "role", "Owner",
                    "due", LocalDate.now().plusDays(60).toString());
            JsonNode picture = phones.get(0).ws.await(m -> m.at("/picture/commitments").size() == 2, WAIT);
            long photo = picture.at("/picture/commitments/0/id").asLong();
            reply(phones.get(0), withStep(message("volunteer"), id).put("commitment", photo).put("on", true));
            reply(phones.get(1), withStep(message("volunteer"), id).put("commitment", photo).put("on", true)
                    .put("name", "Bartolo R."));
            room.act("/commitments/" + photo, "status", "done");
        }

        private void questions() {
            List<Long> asked = new ArrayList<>();
            for (String text : List.of("Who answers the reviews on Google?", "Can we post during working hours?")) {
                asked.add(reply(phones.get(asked.size()), withSeq(message("question")).put("text", text)
                        .put("anonymous", true)).at("/asked/id").asLong());
            }
            reply(phones.get(2), withSeq(message("upvote")).put("question", asked.get(1)).put("up", true));
            room.act("/questions/" + asked.get(0), "action", "answered");
        }

        /** A valid answer for the step as the console sees it, varied by phone. */
        private static JsonNode value(JsonNode step, int who) {
            int options = step.path("options").size();
            return switch (step.path("kind").asText()) {
                case "single" -> JSON.getNodeFactory().numberNode(who % options);
                case "multiple" -> JSON.createArrayNode().add(0).add(1 + who % (options - 1));
                case "scale" -> JSON.getNodeFactory().numberNode(step.path("min").asInt() + who % 3);
                case "wordcloud" -> JSON.createArrayNode().add(List.of("Trust", "trust", "Time", "Éxito").get(who));
                case "text" -> JSON.getNodeFactory().textNode("Answer from phone " + who);
                case "guess" -> JSON.getNodeFactory().numberNode(step.path("min").asDouble() + 20 + 10 * who);
                case "ranking" -> {
                    ArrayNode order = JSON.createArrayNode();
                    for (int o = 0; o < options; o++) {
                        order.add(who % 2 == 0 ? o : options - 1 - o);
                    }
                    yield order;
                }
                default -> throw new AssertionError("a step kind this run does not answer: " + step);
            };
        }

        private ObjectNode message(String type) {
            return JSON.createObjectNode().put("type", type).put("id", "r" + (++ids));
        }

        private ObjectNode withSeq(ObjectNode message) {
            return message.put("seq", ++seq);
        }

        private ObjectNode withStep(ObjectNode message, long step) {
            return withSeq(message).put("step", step);
        }

        /** Sends as the phone's page would and waits for the reply, which must not be a refusal. */
        private static JsonNode reply(Phone phone, JsonNode message) {
            phone.ws.send(message);
            String id = message.path("id").asText();
            JsonNode reply = phone.ws.await(m -> id.equals(m.path("id").asText()), WAIT);
            assertThat(reply.path("type").asText()).as("reply to %s: %s", message, reply).isEqualTo("ack");
            return reply;
        }
    }
}
