package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** What a facilitator reads and downloads is never kept by a browser or a proxy; pages say their charset. */
class PrivatePagesTest {

    @Test
    void private_pages_and_exports_are_no_store_and_html_says_utf_8() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT)) {
            Browser marta = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en")) {
                String w = "/facilitate/" + room.id;
                for (String path : List.of("/facilitate", w, w + "/agenda", w + "/agenda.json", w + "/agenda.yaml",
                        w + "/report", w + "/report/report.json", w + "/report/polls.csv", w + "/review",
                        "/facilitate/team", "/facilitate/templates/file?template=poll-kinds/en")) {
                    HttpResponse<String> r = get(marta, path);
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
                }
                for (String path : List.of("/facilitate", w, w + "/agenda", "/", "/j/" + room.code)) {
                    assertThat(get(marta, path).headers().firstValue("Content-Type")).as(path)
                            .hasValueSatisfying(t -> assertThat(t.toLowerCase().replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
                }
                assertThat(get(marta, "/css/base.css").headers().firstValue("Cache-Control")).contains("no-cache");
            }
        }
    }

    private static HttpResponse<String> get(Browser who, String path) throws Exception {
        return who.client().send(HttpRequest.newBuilder(URI.create(who.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
