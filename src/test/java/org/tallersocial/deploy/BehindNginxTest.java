package org.tallersocial.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.Nginx;
import org.tallersocial.testing.TestCertificate;
import org.tallersocial.testing.TestServer;

/**
 * The kit behind Debian's nginx with TLS under /taller/, configured with the very
 * file docs/deploy.md shows (docs/nginx/taller-social-prefix.conf), with only its
 * ports, host name and certificate paths changed for this machine.
 */
class BehindNginxTest {

    static final Path PREFIX_SITE = Path.of("docs/nginx/taller-social-prefix.conf");
    static final Path ROOT_SITE = Path.of("docs/nginx/taller-social.conf");
    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");

    private static Path dir;
    private static TestCertificate certificate;
    private static int httpsPort;
    private static int httpPort;
    private static TestServer server;
    private static Nginx nginx;
    private static String publicUrl;
    private static Browser facilitator;

    @BeforeAll
    static void start() throws IOException {
        Nginx.requireInstalled();
        Chromium.requireInstalled();
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "nginx-").toAbsolutePath();
        certificate = TestCertificate.forLocalhost(dir);
        httpsPort = freePort();
        httpPort = freePort();
        publicUrl = "https://localhost:" + httpsPort + "/taller";
        server = TestServer.reachedAt(publicUrl, TestServer.TEST_CONTENT, "127.0.0.1");
        nginx = Nginx.start(dir, site(PREFIX_SITE, "example.org", server.port()), httpsPort);
        facilitator = Facilitators.first(server, viaNginx());
    }

    @AfterAll
    static void stop() {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (certificate != null) {
                // The test's private key lives no longer than the test.
                certificate.privateKey().toFile().delete();
            }
        }
    }

    @Test
    void a_phone_joins_with_the_code_answers_and_the_projector_shows_the_count_live() {
        LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en");
        try (room; Chromium console = chromium(Chromium.Size.CONSOLE);
             Chromium projector = chromium(Chromium.Size.PROJECTOR); Chromium phone = chromium(Chromium.Size.PHONE)) {
            console.go(publicUrl + "/login");
            console.find("#email").sendKeys("marta@example.org");
            console.find("#password").sendKeys(Facilitators.PASSWORD);
            console.find("form[action='/taller/login'] button[type=submit]").click();
            console.await(d -> d.getCurrentUrl().equals(publicUrl + "/facilitate"));
            console.go(publicUrl + "/facilitate/" + room.id);
            awaitConnected(console);
            console.find("#go-live").click();
            console.awaitText("#state-badge", "live");

            projector.go(publicUrl + "/w/" + room.code + "/screen");
            awaitConnected(projector);
            assertThat(projector.find(".big-code").getText()).isEqualTo(room.code);
            assertThat(projector.find(".qr img").getDomProperty("naturalWidth")).as("the QR code loads").isNotEqualTo("0");

            phone.go(publicUrl + "/");
            phone.find("input[name=code]").sendKeys(room.code.toLowerCase());
            phone.find("form[action='/taller/j'] button[type=submit]").click();
            phone.awaitVisible("input[name=name]").sendKeys("Ana");
            phone.find("form[action='/taller/j/" + room.code + "'] button[type=submit]").click();
            awaitConnected(phone);
            assertThat(phone.driver().getCurrentUrl()).isEqualTo(publicUrl + "/j/" + room.code);
            projector.awaitText("#joined", "1");

            console.awaitVisible("#agenda li[data-index='1'] button").click();
            phone.awaitText("#phone .question", "Who should speak for us?");
            phone.await(d -> d.findElements(By.cssSelector("#phone .choice")).stream()
                    .filter(e -> Chromium.text(e).trim().equals("Everyone")).findFirst().orElse(null)).click();
            phone.find("#phone .send-row button").click();
            phone.awaitText("#phone .status", "Saved");

            projector.await(d -> d.findElements(By.cssSelector("#stage .bars li")).stream()
                    .map(Chromium::text).anyMatch(row -> row.contains("Everyone") && row.contains("1 · 100%")));
            projector.awaitText("#stage", "1 answer");
            console.awaitText("#answered", "1");

            for (Chromium screen : List.of(console, projector, phone)) {
                assertEverythingUnderThePrefix(screen);
                assertThat(screen.consoleErrors()).as("script errors and refused content on the %s", screen.size())
                        .isEmpty();
            }
            List<Cookie> cookies = List.copyOf(phone.driver().manage().getCookies());
            assertThat(cookies).extracting(Cookie::getName).contains("ts_csrf", "ts_p" + room.id);
            assertThat(cookies).allSatisfy(c -> {
                assertThat(c.isSecure()).as("%s is Secure", c.getName()).isTrue();
                assertThat(c.getPath()).as("%s stays with the kit", c.getName()).isEqualTo("/taller");
            });
        }
    }

    @Test
    void the_join_redirect_the_login_redirect_and_the_cookies_stay_under_the_prefix() {
        LiveRoom room = LiveRoom.live(server, facilitator);
        try (room) {
            Browser phone = viaNginx();
            Browser.Response typed = phone.get("/j?code=" + room.code.toLowerCase());
            assertThat(typed.status()).isEqualTo(303);
            assertThat(typed.location()).hasValue("/taller/j/" + room.code);

            Browser.Response page = phone.get("/j/" + room.code);
            assertThat(page.status()).isEqualTo(200);
            assertThat(links(page.body())).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("/taller/"));
            for (String asset : links(page.body())) {
                if (asset.startsWith("/taller/css/") || asset.startsWith("/taller/js/")) {
                    assertThat(phone.get(asset.substring("/taller".length())).status()).as(asset).isEqualTo(200);
                }
            }
            Browser.Response joined = phone.post("/j/" + room.code, "name", "Bo");
            assertThat(joined.status()).isEqualTo(303);
            assertThat(joined.location()).hasValue("/taller/j/" + room.code);
            assertThat(joined.setCookies()).isNotEmpty().allSatisfy(c -> assertThat(c).contains("; Secure")
                    .contains("Path=/taller;"));

            Browser.Response language = phone.post("/language", "lang", "es", "back", "/j/" + room.code);
            assertThat(language.location()).hasValue("/taller/j/" + room.code);

            Browser stranger = viaNginx();
            Browser.Response guarded = stranger.get("/facilitate/" + room.id);
            assertThat(guarded.status()).isEqualTo(302);
            assertThat(guarded.location()).hasValue("/taller/login?next=%2Ffacilitate%2F" + room.id);

            String console = facilitator.get("/facilitate/" + room.id).body();
            assertThat(console).as("the join link shown to the room").contains(publicUrl + "/j/" + room.code);
        }
    }

    @Test
    void nginx_sends_http_to_https_the_bare_prefix_to_its_folder_and_keeps_the_backup_route_to_this_machine() {
        Browser plain = new Browser("http://localhost:" + httpPort);
        Browser.Response http = plain.get("/taller/j");
        assertThat(http.status()).isEqualTo(301);
        assertThat(http.location()).hasValue("https://localhost/taller/j");

        Browser site = new Browser("https://localhost:" + httpsPort, certificate.trustingIt());
        assertThat(site.get("/taller").location()).hasValue("https://localhost:" + httpsPort + "/taller/");
        Browser.Response backup = site.postRaw("/taller/admin/backup");
        assertThat(backup.status()).as("nginx answers for the backup route; the kit never sees it").isEqualTo(404);
    }

    @Test
    void over_https_every_answer_carries_one_strict_transport_security_header_and_plain_http_none()
            throws Exception {
        Browser site = new Browser("https://localhost:" + httpsPort, certificate.trustingIt());
        for (String path : List.of("/taller/", "/taller/css/base.css", "/taller/nothing-here", "/taller",
                "/taller/admin/backup")) {
            HttpResponse<Void> r = site.client().send(HttpRequest.newBuilder(
                    URI.create(site.baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.headers().allValues("Strict-Transport-Security")).as("%s (%s), the kit's or nginx's",
                    path, r.statusCode()).containsExactly("max-age=31536000");
        }
        Browser plain = new Browser("http://localhost:" + httpPort);
        HttpResponse<Void> redirect = plain.client().send(HttpRequest.newBuilder(
                URI.create(plain.baseUrl() + "/taller/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Strict-Transport-Security")).as("browsers ignore it over http")
                .isEmpty();
    }

    @Test
    void deploy_md_shows_both_configurations_word_for_word_and_nginx_accepts_the_one_at_the_root() throws IOException {
        String deploy = Files.readString(Path.of("docs/deploy.md"));
        assertThat(deploy).contains(Files.readString(PREFIX_SITE)).contains(Files.readString(ROOT_SITE));
        Path rootDir = Files.createDirectories(dir.resolve("root-check"));
        Nginx.check(rootDir, site(ROOT_SITE, "taller.example.org", server.port()));
    }

    /** The documented file with this machine's ports, host and certificate; each change must find its text. */
    private static String site(Path file, String host, int kitPort) throws IOException {
        String site = Files.readString(file);
        Map<String, String> changes = Map.of(
                "server 127.0.0.1:7070;", "server 127.0.0.1:" + kitPort + ";",
                "listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;",
                "listen 80;", "listen 127.0.0.1:" + httpPort + ";",
                "server_name " + host + ";", "server_name localhost;",
                "/etc/letsencrypt/live/" + host + "/fullchain.pem", certificate.certificate().toString(),
                "/etc/letsencrypt/live/" + host + "/privkey.pem", certificate.privateKey().toString());
        for (var change : changes.entrySet()) {
            assertThat(site).as("%s still says %s", file, change.getKey()).contains(change.getKey());
            site = site.replace(change.getKey(), change.getValue());
        }
        return site;
    }

    private static Browser viaNginx() {
        return new Browser(publicUrl, certificate.trustingIt());
    }

    private static Chromium chromium(Chromium.Size size) {
        return Chromium.open(size, List.of(certificate.chromiumSwitch()));
    }

    private static void awaitConnected(Chromium browser) {
        browser.await(Duration.ofSeconds(15), () -> "#conn.connected",
                d -> !d.findElements(By.cssSelector("#conn.connected")).isEmpty());
    }

    /** Every link, form and script of the page, and everything it loaded, is the kit's, under /taller/. */
    private static void assertEverythingUnderThePrefix(Chromium screen) {
        assertThat(screen.driver().getCurrentUrl()).startsWith(publicUrl + "/");
        @SuppressWarnings("unchecked")
        List<String> attributes = (List<String>) screen.script("return Array.from(document.querySelectorAll("
                + "'[href],[src],[action]')).map(function (e) { return e.getAttribute('href') || e.getAttribute('src')"
                + " || e.getAttribute('action'); }).filter(function (u) { return u.indexOf('data:') !== 0; });");
        assertThat(attributes).as("links on %s", screen.size()).isNotEmpty()
                .allSatisfy(u -> assertThat(u).startsWith("/taller/"));
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) screen.script(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                        + ".filter(function (u) { return u.indexOf('data:') !== 0; });");
        assertThat(loaded).as("what %s loaded", screen.size()).isNotEmpty()
                .allSatisfy(u -> assertThat(u).startsWith(publicUrl + "/"));
    }

    private static List<String> links(String html) {
        Matcher m = LINK.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            if (!m.group(1).startsWith("data:")) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
