package org.tallersocial.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

class JoiningTest {

    private TestServer server;
    private Browser marta;

    @BeforeEach
    void start() {
        server = TestServer.start();
        marta = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_typed_code_finds_the_workshop_whatever_the_case_and_spaces() {
        LiveRoom room = LiveRoom.live(server, marta);
        String typed = " " + room.code.substring(0, 3).toLowerCase() + " " + room.code.substring(3) + " ";
        Browser.Response r = server.browser().get("/j?code=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.location()).contains("/j/" + room.code);
        assertThat(server.browser().get("/j/" + room.code).body()).contains("Join the workshop");
    }

    @Test
    void a_mistyped_code_gets_a_clear_message() {
        Browser.Response r = server.browser().get("/j?code=0O1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("A join code has 6 letters and digits");
        Browser.Response missing = server.browser().get("/j/ACDEFH");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("No workshop with this code");
    }

    @Test
    void the_code_box_opened_without_a_code_waits_for_one_without_an_error() {
        for (String path : java.util.List.of("/j", "/j?code=", "/j?code=%20")) {
            Browser.Response r = server.browser().get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("name=\"code\"").doesNotContain("role=\"alert\"")
                    .doesNotContain("6 letters and digits");
        }
    }

    @Test
    void join_codes_avoid_look_alike_characters() {
        for (int i = 0; i < 500; i++) {
            assertThat(JoinCodes.random()).hasSize(6).doesNotContainPattern("[01IOLSZB258G6]");
        }
    }

    @Test
    void a_draft_workshop_cannot_be_joined_yet() {
        LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en");
        Browser phone = server.browser();
        Browser.Response typed = phone.get("/j/" + room.code);
        assertThat(typed.status()).as("a typed code finds no draft").isEqualTo(404);
        assertThat(typed.body()).contains("No workshop with this code");
        assertThat(phone.post("/j/" + room.code, "name", "Ana").status()).isEqualTo(404);
        assertThat(phone.get("/j/" + room.code + "?k=" + room.key).body()).as("the QR code finds it")
                .contains("has not started yet");
        Browser.Response r = phone.post("/j/" + room.code, "name", "Ana", "k", room.key);
        assertThat(r.status()).isEqualTo(409);
        assertThat(phone.cookie("ts_p" + room.id)).isEmpty();
    }

    @Test
    void locked_joining_refuses_newcomers_but_keeps_those_inside() {
        LiveRoom room = LiveRoom.live(server, marta);
        LiveRoom.Phone ana = room.join("Ana");
        room.act("/joining", "joining", "lock");

        Browser late = server.browser();
        late.get("/j/" + room.code);
        Browser.Response r = late.post("/j/" + room.code, "name", "Late");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("Joining is closed for this workshop");
        ana.reconnect(server.wsUrl(), room.code);
        assertThat(ana.ws.await("state").at("/workshop/joiningLocked").asBoolean()).isTrue();

        room.act("/joining", "joining", "unlock");
        assertThat(late.post("/j/" + room.code, "name", "Late").status()).isEqualTo(303);
        room.close();
    }

    @Test
    void a_too_long_name_is_refused_and_nothing_is_created() {
        LiveRoom room = LiveRoom.live(server, marta);
        Browser phone = server.browser();
        phone.get("/j/" + room.code);
        Browser.Response r = phone.post("/j/" + room.code, "name", "x".repeat(41));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("at most 40 characters").contains("value=\"" + "x".repeat(41) + "\"");
        assertThat(phone.cookie("ts_p" + room.id)).isEmpty();
    }

    @Test
    void a_name_with_markup_is_shown_escaped() {
        LiveRoom room = LiveRoom.live(server, marta);
        Browser phone = server.browser();
        phone.get("/j/" + room.code);
        Browser.Response r = phone.post("/j/" + room.code, "name", "<script>alert(1)</script>".repeat(2));
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void a_closed_workshop_says_so_and_takes_no_phones() {
        LiveRoom room = LiveRoom.live(server, marta);
        LiveRoom.Phone ana = room.join("Ana");
        room.act("/close");
        assertThat(ana.ws.await(m -> m.at("/workshop/state").asText().equals("closed"), java.time.Duration.ofSeconds(5)))
                .isNotNull();
        Browser.Response page = server.browser().get("/j/" + room.code);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("This workshop has ended");
        assertThatThrownBy(() -> WsClient.connect(server.wsUrl() + "/ws/phone/" + room.code, ana.browser.cookieHeader()))
                .hasStackTraceContaining("status code 404");
        room.close();
    }

    @Test
    void the_qr_code_is_an_svg_for_the_public_join_address() {
        LiveRoom room = LiveRoom.live(server, marta);
        Browser.Response qr = server.browser().get("/w/" + room.code + "/qr.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.body()).startsWith("<svg").contains("/j/" + room.code + "</title>");
        assertThat(scan(qr.body())).as("what a phone reads from it: the join address with the key")
                .startsWith("http://").endsWith("/j/" + room.code + "?k=" + room.key);
    }

    /** Reads the SVG's squares back into modules (its margin is two) and decodes them as a camera would. */
    private static String scan(String svg) {
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("viewBox=\"0 0 (\\d+) ").matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1)) - 4;
        com.google.zxing.common.BitMatrix matrix = new com.google.zxing.common.BitMatrix(modules);
        java.util.regex.Matcher square = java.util.regex.Pattern.compile("M(\\d+) (\\d+)h1").matcher(svg);
        while (square.find()) {
            matrix.set(Integer.parseInt(square.group(1)) - 2, Integer.parseInt(square.group(2)) - 2);
        }
        try {
            return new com.google.zxing.qrcode.decoder.Decoder().decode(matrix).getText();
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("the QR code does not scan", e);
        }
    }

    @Test
    void health_answers_once_the_database_is_ready() {
        Browser.Response r = server.browser().get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ok\"").contains("\"database\":\"ready\"");
    }
}
