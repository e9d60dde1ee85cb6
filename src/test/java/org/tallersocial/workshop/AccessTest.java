package org.tallersocial.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Who may see and drive what: phones their own workshop only, consoles their owner only. */
class AccessTest {

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
    void the_console_needs_a_login() {
        Browser stranger = server.browser();
        Browser.Response page = stranger.get("/facilitate/" + room.id);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login?next=%2Ffacilitate%2F" + room.id);
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/console/" + room.id, stranger.cookieHeader()))
                .hasStackTraceContaining("status code 401");
    }

    @Test
    void another_facilitator_cannot_open_or_drive_this_workshop() {
        Browser other = Facilitators.invited(server, marta, "pau@example.org");
        assertThat(other.get("/facilitate/" + room.id).status()).isEqualTo(403);
        assertThat(other.post("/facilitate/" + room.id + "/step", "to", "1").status()).isEqualTo(403);
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/console/" + room.id, other.cookieHeader()))
                .hasStackTraceContaining("status code 403");
        assertThat(other.get("/facilitate").body()).doesNotContain(room.code);
    }

    @Test
    void a_phone_cannot_connect_without_joining() {
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/phone/" + room.code, null))
                .hasStackTraceContaining("status code 401");
    }

    @Test
    void a_phone_of_one_workshop_cannot_act_on_another() {
        LiveRoom other = LiveRoom.live(server, marta);
        Phone ana = room.join("Ana");
        String stolenCookie = "ts_p" + other.id + "=" + ana.browser.cookie("ts_p" + room.id).orElseThrow();
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/phone/" + other.code, stolenCookie))
                .hasStackTraceContaining("status code 401");
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/phone/" + other.code, ana.browser.cookieHeader()))
                .hasStackTraceContaining("status code 401");
        other.close();
    }

    @Test
    void a_phone_cannot_drive_the_console() {
        Phone ana = room.join("Ana");
        Browser.Response r = ana.browser.post("/facilitate/" + room.id + "/step", "to", "3");
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void a_websocket_from_a_foreign_origin_is_refused() {
        Phone ana = room.join("Ana");
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/phone/" + room.code,
                ana.browser.cookieHeader(), "https://evil.example"))
                .hasStackTraceContaining("status code 403");
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/screen/" + room.code, null, "https://evil.example"))
                .hasStackTraceContaining("status code 403");
        WsClient same = WsClient.connect(server.wsUrl() + "/ws/screen/" + room.code, null, server.baseUrl());
        assertThat(same.await("state").at("/workshop/code").asText()).isEqualTo(room.code);
        same.close();
    }

    @Test
    void a_console_action_without_the_csrf_token_is_refused() {
        Browser.Response r = marta.postRaw("/facilitate/" + room.id + "/step", "to", "2");
        assertThat(r.status()).isEqualTo(403);
        Browser.Response wrong = marta.postRaw("/facilitate/" + room.id + "/step", "to", "2", "_csrf", "forged");
        assertThat(wrong.status()).isEqualTo(403);
        WsClient projector = room.projector();
        assertThat(projector.await("state").at("/step/index").asInt()).as("nothing moved").isZero();
    }

    @Test
    void a_form_post_from_another_site_is_refused_even_with_the_token() throws Exception {
        String body = "to=2&_csrf=" + marta.csrfToken();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/facilitate/" + room.id + "/step"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .header("Cookie", marta.cookieHeader())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(room.projector().await("state").at("/step/index").asInt()).as("nothing moved").isZero();
    }
}
