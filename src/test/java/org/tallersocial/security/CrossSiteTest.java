package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** What another site can make a visitor's browser do here: nothing. */
class CrossSiteTest {

    private TestServer server;
    private Browser marta;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start();
        marta = Facilitators.first(server);
        room = LiveRoom.live(server, marta);
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    @Test
    void every_socket_refuses_an_upgrade_from_a_foreign_origin() {
        Phone ana = room.join("Ana");
        String port = String.valueOf(server.port());
        List<String> foreign = List.of("https://evil.example", "null", "http://localhost.evil.example:" + port,
                "http://localhost:" + (server.port() + 1), "http://evil.example@localhost:" + port + ".evil.example");
        String[][] sockets = {
            {"/ws/phone/" + room.code, ana.browser.cookieHeader()},
            {"/ws/screen/" + room.code, null},
            {"/ws/console/" + room.id, marta.cookieHeader()},
        };
        for (String[] socket : sockets) {
            for (String origin : foreign) {
                assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + socket[0], socket[1], origin))
                        .as("%s from %s", socket[0], origin).hasStackTraceContaining("status code 403");
            }
            WsClient same = WsClient.connect(server.wsUrl() + socket[0], socket[1], server.baseUrl());
            assertThat(same.await("state").at("/workshop/code").asText()).isEqualTo(room.code);
            same.close();
        }
    }

    @Test
    void every_state_changing_route_refuses_a_post_without_the_token_or_from_another_site() throws Exception {
        long step = room.projector().awaitStep(0).at("/step/id").asLong();
        List<String> posts = server.app().routes().stream().filter(r -> r.startsWith("POST "))
                .map(r -> r.substring(5)).toList();
        assertThat(posts).as("the route table is read, not guessed").hasSizeGreaterThan(25)
                .contains("/facilitate/{id}/step", "/j/{code}", "/login", "/facilitate/{id}/delete");
        HttpClient http = HttpClient.newHttpClient();
        for (String route : posts) {
            if (route.startsWith("/admin/")) {
                continue; // authenticated by a bearer secret, never by a cookie: BackupRestoreTest
            }
            String path = route.replace("{id}", String.valueOf(room.id)).replace("{code}", room.code)
                    .replace("{stepId}", String.valueOf(step)).replaceAll("\\{[a-zA-Z]+}", "1");
            String[][] attempts = {
                {server.baseUrl(), "name=x&to=1"},
                {server.baseUrl(), "name=x&to=1&_csrf=" + "A".repeat(43)},
                {"https://evil.example", "name=x&to=1&_csrf=" + marta.csrfToken()},
            };
            for (String[] attempt : attempts) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", attempt[0]).header("Cookie", marta.cookieHeader())
                        .POST(HttpRequest.BodyPublishers.ofString(attempt[1])).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("POST %s from %s with %s", route, attempt[0], attempt[1])
                        .isEqualTo(403);
            }
        }
        WsClient console = room.console();
        assertThat(console.await("state").at("/step/index").asInt()).as("nothing moved").isZero();
        assertThat(marta.get("/facilitate/" + room.id).status()).as("the workshop is still there").isEqualTo(200);
    }
}
