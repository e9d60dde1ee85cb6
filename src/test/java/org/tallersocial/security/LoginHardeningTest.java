package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tallersocial.App;
import org.tallersocial.Config;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** Cookies, sessions and the headers every page carries. */
class LoginHardeningTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void a_session_cookie_planted_before_login_is_not_the_one_after_it() {
        try (TestServer server = TestServer.start()) {
            Facilitators.first(server);
            Browser victim = server.browser();
            String planted = "planted-by-an-attacker-" + "x".repeat(30);
            victim.setCookie("ts_session", planted);
            victim.get("/login");
            Browser.Response login = victim.post("/login", "email", "marta@example.org",
                    "password", Facilitators.PASSWORD);
            assertThat(login.status()).isEqualTo(303);
            assertThat(victim.cookie("ts_session")).isPresent().get().isNotEqualTo(planted);
            Browser attacker = server.browser();
            attacker.setCookie("ts_session", planted);
            assertThat(attacker.get("/facilitate").status()).as("the planted cookie opens nothing").isEqualTo(302);
        }
    }

    @Test
    void every_cookie_is_http_only_and_same_site() {
        try (TestServer server = TestServer.start()) {
            Browser marta = server.browser();
            String path = server.app().auth().setupPathIfNeeded().orElseThrow();
            List<String> cookies = new java.util.ArrayList<>(marta.get(path).setCookies());
            cookies.addAll(marta.post(path, "name", "Marta", "email", "marta@example.org",
                    "password", Facilitators.PASSWORD, "confirm", Facilitators.PASSWORD).setCookies());
            LiveRoom room = LiveRoom.live(server, marta);
            Browser phone = server.browser();
            phone.get("/j/" + room.code);
            cookies.addAll(phone.post("/j/" + room.code, "name", "Ana").setCookies());
            cookies.addAll(phone.post("/language", "lang", "es", "back", "/").setCookies());
            assertThat(cookies.stream().map(c -> c.substring(0, c.indexOf('='))).distinct())
                    .contains("ts_session", "ts_csrf", "ts_p" + room.id, "ts_lang");
            for (String cookie : cookies) {
                assertThat(cookie).as(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=")
                        .doesNotContainIgnoringCase("SameSite=None");
            }
            room.close();
        }
    }

    @Test
    void cookies_are_secure_when_the_kit_is_served_over_https() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "https-");
        try (App app = App.create(new Config(0, data, "https://kit.example", TestServer.TEST_CONTENT)).start()) {
            String base = "http://localhost:" + app.port();
            HttpClient http = HttpClient.newHttpClient();
            String path = app.auth().setupPathIfNeeded().orElseThrow();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ts_csrf="))
                    .findFirst().orElseThrow();
            String token = csrf.substring("ts_csrf=".length(), csrf.indexOf(';'));
            List<String> cookies = new java.util.ArrayList<>(page.headers().allValues("Set-Cookie"));
            for (String[] post : new String[][] {
                {path, "name=Marta&email=marta%40example.org&password=correct+horse+battery"
                        + "&confirm=correct+horse+battery"},
                {"/language", "lang=es&back=/"}}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + post[0]))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "ts_csrf=" + token)
                        .POST(HttpRequest.BodyPublishers.ofString(post[1] + "&_csrf=" + token)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(post[0]).isEqualTo(303);
                cookies.addAll(r.headers().allValues("Set-Cookie"));
            }
            assertThat(cookies.stream().map(c -> c.substring(0, c.indexOf('='))).distinct())
                    .contains("ts_session", "ts_csrf", "ts_lang");
            assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
        }
    }

    @Test
    void every_page_carries_the_security_headers_and_no_inline_script() throws Exception {
        try (TestServer server = TestServer.start()) {
            Browser marta = Facilitators.first(server);
            LiveRoom room = LiveRoom.live(server, marta);
            Browser phone = room.join("Ana").browser;
            List<String[]> pages = List.of(new String[] {"/", null}, new String[] {"/login", null},
                    new String[] {"/j/" + room.code, "phone"}, new String[] {"/w/" + room.code + "/screen", null},
                    new String[] {"/facilitate", "marta"}, new String[] {"/facilitate/" + room.id, "marta"},
                    new String[] {"/facilitate/" + room.id + "/report", "marta"},
                    new String[] {"/facilitate/team", "marta"}, new String[] {"/nothing-here", null},
                    new String[] {"/health", null}, new String[] {"/css/app.css", null});
            for (String[] page : pages) {
                Browser who = "marta".equals(page[1]) ? marta : "phone".equals(page[1]) ? phone : server.browser();
                HttpResponse<String> r = who.client().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + page[0]))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                var h = r.headers();
                String csp = h.firstValue("Content-Security-Policy").orElse("");
                assertThat(csp).as(page[0]).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
                assertThat(h.firstValue("X-Content-Type-Options")).as(page[0]).contains("nosniff");
                assertThat(h.firstValue("Referrer-Policy")).as(page[0]).isPresent();
                assertThat(h.firstValue("X-Frame-Options")).as(page[0]).contains("DENY");
                if (h.firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    Matcher tag = SCRIPT_TAG.matcher(r.body());
                    while (tag.find()) {
                        assertThat(tag.group(1)).as("%s: %s", page[0], tag.group())
                                .matches(".*\\bsrc=\"/[^\"]+\".*|.*type=\"application/json\".*");
                    }
                    assertThat(HANDLER.matcher(r.body()).find()).as("%s has an inline event handler", page[0]).isFalse();
                    assertThat(r.body()).as(page[0]).doesNotContainIgnoringCase("javascript:");
                }
            }
            room.close();
        }
    }
}
