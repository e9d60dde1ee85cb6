package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * Every text a person can type, made of markup and spreadsheet formulas, is
 * typed into a whole workshop; then every page and export is read: markup
 * comes out escaped, and no CSV cell starts a formula.
 */
class StoredXssTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each hostile text carries "alert(" so it can be found wherever it lands. */
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(2)>";
    private static final List<String> RAW_MARKUP = List.of("<script>alert", "<img src=x");

    private TestServer server;
    private Browser marta;
    private final List<String> checked = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.REAL_CONTENT);
        marta = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_typed_text_renders_escaped_on_every_page_and_export_and_never_as_a_formula() throws Exception {
        LiveRoom room = LiveRoom.draft(server, marta, "social-business/en", "=Title " + SCRIPT, "+Co " + IMG);
        room.act("/live");
        List<Phone> phones = List.of(room.join(SCRIPT), room.join("@" + IMG.substring(0, 30)));
        WsClient console = room.console();
        int count = console.await("state").at("/step/count").asInt();
        List<Long> stepIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            room.goTo(i);
            JsonNode step = console.awaitStep(i).get("step");
            long id = step.path("id").asLong();
            stepIds.add(id);
            String kind = step.path("kind").asText();
            if (kind.equals("text")) {
                for (Phone p : phones) {
                    assertThat(p.answerAndWait(id, "=HYPERLINK(\"http://evil.example\") " + SCRIPT).path("type")
                            .asText()).isEqualTo("ack");
                }
            } else if (kind.equals("wordcloud")) {
                phones.get(0).answerAndWait(id, List.of("-alert(3)", "<b>alert(4)"));
            } else if (kind.equals("profiles")) {
                ObjectNode a = ProfileAnswers.answer("yes", 0, List.of("other"), List.of("other"));
                a.put("obstacleOther", "=cmd|alert(5) " + SCRIPT).put("helpOther", "@SUM(1) " + IMG);
                a.put("ambassador", true).put("ambassadorName", "-" + SCRIPT);
                assertThat(ProfileAnswers.send(phones.get(0).ws, id, "LinkedIn", a).path("type").asText())
                        .isEqualTo("ack");
            } else if (kind.equals("raci")) {
                room.act("/steps/" + id + "/raci/roles", "name", "=R " + SCRIPT);
                room.act("/steps/" + id + "/raci/activities", "name", "+A " + IMG);
                room.act("/steps/" + id + "/raci/open", "activities", "all");
                room.act("/steps/" + id + "/raci/settle", "anyway", "true", "reason", "@reason " + SCRIPT);
            }
        }
        Browser.Response link = marta.post("/facilitate/" + room.id + "/review-links", "reader", "=Owner " + SCRIPT,
                "days", "7");
        String linksPage = link.status() == 303 ? marta.get(link.location().orElseThrow()).body() : link.body();
        Matcher token = DefaultRun.REVIEW_LINK.matcher(linksPage);
        assertThat(token.find()).as("a review link was made").isTrue();

        Phone reader = phones.get(0);
        for (String route : server.app().routes()) {
            if (!route.startsWith("GET ")) {
                continue;
            }
            String path = route.substring(4).replace("{id}", String.valueOf(room.id)).replace("{code}", room.code)
                    .replace("{token}", token.group(2));
            List<String> paths = new ArrayList<>();
            if (path.contains("{file}")) {
                for (String file : List.of("report.json", "report.zip", "polls.csv", "participation.csv",
                        "profiles.csv", "raci.csv", "readiness.csv")) {
                    paths.add(path.replace("{file}", file));
                }
            } else if (path.contains("{stepId}")) {
                stepIds.forEach(s -> paths.add(path.replace("{stepId}", String.valueOf(s))));
            } else if (!path.contains("{")) {
                paths.add(path + (path.endsWith("compare") ? "?a=" + room.id + "&b=" + room.id : ""));
            }
            for (String p : paths) {
                read(p.startsWith("/j/") ? reader.browser : marta, p);
            }
        }
        room.act("/close");
        read(marta, "/facilitate/" + room.id + "/report");
        read(marta, "/facilitate/" + room.id + "/report/report.zip");
        assertThat(checked).as("pages and exports that carried a hostile text")
                .anyMatch(p -> p.endsWith("/report")).anyMatch(p -> p.endsWith(".csv"))
                .anyMatch(p -> p.startsWith("/r/")).anyMatch(p -> p.endsWith("/screen"))
                .anyMatch(p -> p.endsWith("/print")).anyMatch(p -> p.equals("/facilitate/" + room.id));
        System.out.println("hostile text checked in " + checked.size() + " pages and exports: " + checked);
        room.close();
    }

    /** Live texts reach the projector, console and phones by socket; the scripts put them in as text only. */
    @Test
    void no_script_turns_a_string_into_markup() throws Exception {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/public/js"))) {
            List<java.nio.file.Path> scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
            assertThat(scripts).isNotEmpty();
            for (java.nio.file.Path js : scripts) {
                assertThat(java.nio.file.Files.readString(js)).as("%s", js)
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                                "new Function");
            }
        }
    }

    private void read(Browser browser, String path) throws Exception {
        HttpResponse<byte[]> r = browser.client().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            return;
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        if (type.contains("zip")) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String body = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    check(path + "!" + e.getName(), e.getName().endsWith(".csv") ? "text/csv" : "application/json",
                            body);
                }
            }
            return;
        }
        if (type.startsWith("application/yaml")) {
            // A template file for a text editor: never rendered by a browser, since it only ever comes as a download.
            assertThat(r.headers().firstValue("Content-Disposition")).as(path).hasValueSatisfying(
                    d -> assertThat(d).startsWith("attachment"));
            String body = new String(r.body(), StandardCharsets.UTF_8);
            if (body.contains("alert(")) {
                checked.add(path);
                new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(body);
            }
            return;
        }
        check(path, type, new String(r.body(), StandardCharsets.UTF_8));
    }

    private void check(String path, String type, String body) throws Exception {
        if (!body.contains("alert(")) {
            return;
        }
        checked.add(path);
        if (type.startsWith("text/html") || type.startsWith("image/svg")) {
            assertThat(body).as("%s renders typed markup as text", path).doesNotContain(RAW_MARKUP);
        } else if (type.startsWith("text/csv")) {
            for (CSVRecord row : CSVFormat.RFC4180.parse(new StringReader(body.replace("\uFEFF", "")))) {
                for (String cell : row) {
                    if (cell.contains("alert(") || cell.contains("HYPERLINK") || cell.contains("SUM(")) {
                        assertThat("=+-@".indexOf(cell.charAt(0))).as("%s cell %s", path, cell).isNegative();
                    }
                }
            }
        } else {
            assertThat(type).as("%s: raw text only as JSON, which no browser renders", path)
                    .startsWith("application/json");
            JSON.readTree(body);
        }
    }
}
