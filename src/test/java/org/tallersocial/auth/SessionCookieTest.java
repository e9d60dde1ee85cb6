package org.tallersocial.auth;

import org.tallersocial.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCookieTest {

    @TempDir
    Path dataDir;

    @Test
    void the_session_cookie_is_out_of_reach_of_scripts_and_other_sites() {
        try (AuthTestServer server = new AuthTestServer(dataDir)) {
            String cookie = sessionCookieSetAtSetup(server);
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                    .containsPattern("Max-Age=604800").doesNotContain("Secure");
        }
    }

    @Test
    void behind_https_the_session_cookie_is_secure() {
        try (AuthTestServer server = new AuthTestServer(dataDir, true)) {
            assertThat(sessionCookieSetAtSetup(server)).contains("Secure").contains("HttpOnly");
        }
    }

    private static String sessionCookieSetAtSetup(AuthTestServer server) {
        String path = server.module.setupPathIfNeeded().orElseThrow();
        Browser browser = server.newBrowser();
        browser.get(path);
        Browser.Response created = browser.post(path,
                "name", "Ana", "email", "ana@example.org", "password", "correct horse battery", "confirm", "correct horse battery");
        assertThat(created.status()).isEqualTo(303);
        return created.setCookies().stream().filter(c -> c.startsWith("ts_session=")).findFirst().orElseThrow();
    }
}
