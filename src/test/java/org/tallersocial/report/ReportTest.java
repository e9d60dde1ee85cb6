package org.tallersocial.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** The owner's report of a workshop run through the real server: its content, its exports, who may open it. */
class ReportTest {

    private static final Pattern LINK = DefaultRun.REVIEW_LINK;
    private static final List<String> NAMES = DefaultRun.NAMES;

    private TestServer server;
    private Browser facilitator;
    private LiveRoom room;

    @BeforeEach
    void runAWorkshop() {
        server = TestServer.start(TestServer.REAL_CONTENT);
        facilitator = Facilitators.first(server);
        room = DefaultRun.closed(server, facilitator, "Panadería Ruiz");
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    private String reviewLink(String reader, String days) {
        Browser.Response page = facilitator.post("/facilitate/" + room.id + "/review-links", "reader", reader, "days", days);
        assertThat(page.status()).isEqualTo(200);
        Matcher m = LINK.matcher(page.body());
        assertThat(m.find()).as("the new link is shown: %s", page.body()).isTrue();
        return "/r/" + m.group(2);
    }

    @Test
    void the_report_opens_from_a_review_link_with_its_findings_radar_profiles_and_polls() {
        String link = reviewLink("Carmen, the owner", "");
        Browser owner = server.browser();
        Browser.Response report = owner.get(link);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body())
                .contains("All hands Panadería Ruiz")
                .contains("What most needs your attention")
                .contains("The weakest internal dimension is &quot;How we are organised&quot;: 1.5 out of 5")
                .contains("The room is least ready to link on LinkedIn: 4 of the 4 people")
                .contains("Internal readiness").contains("<polygon")
                .contains("Linking our profiles")
                .contains("published figure")
                .contains("Answer from phone 2")
                .contains("Who does what?").contains("The rest is settled next week")
                .contains("Responsibilities: ")
                .contains("Questions, ideas and commitments").contains("Who answers the reviews on Google?")
                .contains("Photo of the day on Instagram").contains("A photo of the bakery every morning");
        for (String name : NAMES) {
            assertThat(report.body()).doesNotContain(name).doesNotContain("private words of " + name);
        }
        assertThat(owner.get("/facilitate/" + room.id + "/report").status())
                .as("a review link opens the report and nothing else").isNotEqualTo(200);
        assertThat(owner.get("/facilitate/" + room.id).status()).isNotEqualTo(200);
    }

    @Test
    void csv_json_and_zip_hold_the_counts_and_no_private_answer() throws Exception {
        String base = "/facilitate/" + room.id + "/report/";
        String polls = facilitator.get(base + "polls.csv").body();
        assertThat(polls).startsWith("\uFEFFStep,Question,Item,Value").contains("Published figure,\"44% (");
        String readiness = facilitator.get(base + "readiness.csv").body();
        assertThat(readiness).contains("Internal readiness,How we are organised,1.5,4,2 2 0 0 0");
        JsonNode json = new ObjectMapper().readTree(facilitator.get(base + "report.json").body());
        assertThat(json.path("schema").asText()).isEqualTo(ReportExports.SCHEMA);
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.at("/participation/joined").asInt()).isEqualTo(4);
        assertThat(json.at("/radars/0/dimensions").size()).isEqualTo(8);
        assertThat(json.at("/profiles/0/counts/networks/0/ladder").toString()).isEqualTo("[4,0,0,0,0]");

        HttpResponse<byte[]> zip = facilitator.client().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + base + "report.zip")).header("Cookie", facilitator.cookieHeader()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("participation.csv", "polls.csv", "readiness.csv", "profiles.csv", "raci.csv",
                "conversation.csv", "report.json");
        assertThat(files.get("conversation.csv")).contains("Photo of the day on Instagram")
                .contains("Can we post during working hours?");
        assertThat(json.at("/conversation/commitments/0/role").asText()).isEqualTo("Community manager");
        assertThat(files.get("raci.csv")).contains("Define the strategy and its goals,A,R").contains("The rest is settled");
        assertThat(json.at("/raci/0/activities/0/room/accountable").asText()).isEqualTo("Owner");
        assertThat(files.get("polls.csv")).isEqualTo(polls);
        for (String content : files.values()) {
            for (String name : NAMES) {
                assertThat(content).doesNotContain(name).doesNotContain("private words");
            }
        }
    }

    @Test
    void a_revoked_unknown_or_foreign_link_opens_nothing() {
        String link = reviewLink("The accountant", "30");
        Browser reader = server.browser();
        assertThat(reader.get(link).status()).isEqualTo(200);
        assertThat(reader.get(link + "/report.json").body()).contains("All hands Panadería Ruiz");

        String page = facilitator.get("/facilitate/" + room.id + "/review").body();
        Matcher revoke = Pattern.compile("review-links/(\\d+)/revoke").matcher(page);
        assertThat(revoke.find()).isTrue();
        assertThat(facilitator.post("/facilitate/" + room.id + "/review-links/" + revoke.group(1) + "/revoke").status())
                .isEqualTo(303);
        Browser.Response revoked = reader.get(link);
        assertThat(revoked.status()).isEqualTo(410);
        assertThat(revoked.body()).contains("withdrawn").doesNotContain("Panadería");
        assertThat(reader.get(link + "/report.json").status()).isEqualTo(410);
        assertThat(reader.get("/r/not-a-real-token").status()).isEqualTo(404);
        assertThat(reader.get("/r/" + "x".repeat(300)).status()).isEqualTo(404);

        LiveRoom other = DefaultRun.closed(server, facilitator, "Ferretería Gómez");
        String otherLink = reviewLinkFor(other.id, "Luis");
        String otherJson = reader.get(otherLink + "/report.json").body();
        assertThat(otherJson).contains("Ferretería Gómez").doesNotContain("Panadería Ruiz");
        other.close();
    }

    private String reviewLinkFor(long workshopId, String reader) {
        Matcher m = LINK.matcher(facilitator.post("/facilitate/" + workshopId + "/review-links", "reader", reader,
                "days", "").body());
        assertThat(m.find()).isTrue();
        return "/r/" + m.group(2);
    }

    @Test
    void bad_link_requests_are_refused_with_a_reason_and_make_nothing() {
        Browser.Response empty = facilitator.post("/facilitate/" + room.id + "/review-links", "reader", " ", "days", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Say who the link is for");
        assertThat(facilitator.post("/facilitate/" + room.id + "/review-links", "reader", "Ana", "days", "0").body())
                .contains("from 1 to 365 days");
        assertThat(facilitator.post("/facilitate/" + room.id + "/review-links", "reader", "Ana", "days", "soon").status())
                .isEqualTo(400);
        assertThat(facilitator.get("/facilitate/" + room.id + "/review").body()).contains("No review links yet");
        Browser stranger = Facilitators.invited(server, facilitator, "other@example.org");
        assertThat(stranger.get("/facilitate/" + room.id + "/report").status()).isEqualTo(403);
        assertThat(stranger.post("/facilitate/" + room.id + "/review-links", "reader", "Me", "days", "").status())
                .isEqualTo(403);
    }
}
