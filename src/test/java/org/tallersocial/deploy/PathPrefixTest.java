package org.tallersocial.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * The kit started with a public URL that has a path, spoken to directly as a proxy
 * would (over http, with the proxy's Host): every view keeps to its prefix.
 */
class PathPrefixTest {

    private static final String PUBLIC_URL = "http://kit.example/taller";
    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");
    private static final Pattern REVIEW_LINK = Pattern.compile("value=\"(http://kit\\.example/taller/r/[^\"]+)\"");

    private static TestServer server;
    private static Browser facilitator;
    private LiveRoom room;

    @BeforeAll
    static void start() {
        server = TestServer.reachedAt(PUBLIC_URL, TestServer.TEST_CONTENT);
        facilitator = Facilitators.first(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void workshop() {
        room = LiveRoom.live(server, facilitator);
    }

    @AfterEach
    void leave() {
        room.close();
    }

    @Test
    void every_view_links_forms_and_assets_only_under_the_prefix() {
        LiveRoom.Phone phone = room.join("Ana");
        assertThat(phone.ws.await("state").at("/workshop/code").asText()).as("the phone's socket under the prefix")
                .isEqualTo(room.code);
        String review = facilitator.post("/facilitate/" + room.id + "/review-links", "reader", "Owner", "days", "7")
                .body();
        Matcher reviewLink = REVIEW_LINK.matcher(review);
        assertThat(reviewLink.find()).as("the review link is a public URL under the prefix").isTrue();
        String token = reviewLink.group(1).substring(reviewLink.group(1).lastIndexOf('/') + 1);

        List<String[]> pages = List.of(
                new String[] {"home", "/"},
                new String[] {"phone", "/j/" + room.code},
                new String[] {"projector", "/w/" + room.code + "/screen"},
                new String[] {"workshops", "/facilitate"},
                new String[] {"console", "/facilitate/" + room.id},
                new String[] {"report", "/facilitate/" + room.id + "/report"},
                new String[] {"review links", "/facilitate/" + room.id + "/review"},
                new String[] {"team", "/facilitate/team"},
                new String[] {"report by link", "/r/" + token},
                new String[] {"not found", "/nothing-here"});
        for (String[] page : pages) {
            Browser who = page[0].equals("phone") ? phone.browser : facilitator;
            Browser.Response r = who.get(page[1]);
            assertThat(r.status()).as(page[0]).isEqualTo(page[0].equals("not found") ? 404 : 200);
            List<String> links = links(r.body());
            assertThat(links).as("links of the %s page", page[0]).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).startsWith("/taller/"));
            assertThat(r.body()).as(page[0]).contains("data-base=\"/taller\"");
            for (String link : links) {
                if (!r.body().contains("action=\"" + link + "\"")) {
                    assertThat(who.get(link.substring("/taller".length())).status()).as("%s on the %s page", link,
                            page[0]).isEqualTo(200);
                }
            }
        }
        assertThat(facilitator.get("/facilitate/" + room.id).body()).contains(PUBLIC_URL + "/j/" + room.code);
        assertThat(new Browser(server.baseUrl()).get("/login").body()).contains("action=\"/taller/login\"");
    }

    @Test
    void nothing_answers_outside_the_prefix() {
        Browser root = new Browser("http://localhost:" + server.port());
        assertThat(root.get("/j/" + room.code).status()).isEqualTo(404);
        assertThat(root.get("/css/base.css").status()).isEqualTo(404);
        assertThat(root.get("/taller/health").status()).isEqualTo(200);
        assertThatThrownBy(() -> WsClient.connect("ws://localhost:" + server.port() + "/ws/screen/" + room.code, null))
                .hasStackTraceContaining("404");
    }

    @Test
    void behind_a_proxy_that_passes_its_own_host_the_public_origin_still_passes_and_no_other() {
        // The browser says Origin http://kit.example; the kit sees Host localhost:PORT, as behind a proxy
        // that does not pass the browser's Host on.
        for (String origin : List.of("http://kit.example", "http://KIT.example:80")) {
            assertThat(post(origin).status()).as(origin).isEqualTo(303);
            WsClient screen = WsClient.connect(server.wsUrl() + "/ws/screen/" + room.code, null, origin);
            assertThat(screen.await("state").at("/workshop/code").asText()).isEqualTo(room.code);
            screen.close();
        }
        for (String origin : List.of("https://kit.example", "http://kit.example:8080", "http://kit.example.evil.org",
                "https://evil.example", "null")) {
            assertThat(post(origin).status()).as(origin).isEqualTo(403);
            assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/screen/" + room.code, null, origin))
                    .as(origin).hasStackTraceContaining("status code 403");
        }
    }

    /** A console form post with the right token, from a page of the given origin. */
    private Browser.Response post(String origin) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server.baseUrl() + "/facilitate/" + room.id + "/timer"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", origin)
                    .header("Cookie", facilitator.cookieHeader())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("seconds=stop&_csrf=" + facilitator.csrfToken()))
                    .build();
            var response = facilitator.client().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location"), response.headers().allValues("Set-Cookie"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> links(String html) {
        Matcher m = LINK.matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).startsWith("data:")) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
