package org.tallersocial.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallersocial.testing.Browser;

/** One address trying passwords across many emails is stopped; right passwords cost it nothing. */
class LoginAddressLimitTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String TOO_MANY = "Too many wrong passwords have come from your network";

    @TempDir
    Path dataDir;
    AuthTestServer server;

    @BeforeEach
    void start() {
        server = new AuthTestServer(dataDir);
        server.firstFacilitator("Ana", "ana@example.org", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_address_spraying_passwords_across_emails_is_refused_after_twenty_wrong_ones() {
        for (int i = 1; i <= 19; i++) {
            Browser.Response wrong = server.newBrowser().post("/login",
                    "email", "person" + i + "@example.org", "password", "Summer2026!");
            assertThat(wrong.status()).as("try %d", i).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong email or password.");
        }
        // A right password gives its try back: an office logging in all morning never meets the limit.
        assertThat(server.newBrowser().post("/login", "email", "ana@example.org", "password", PASSWORD).status())
                .isEqualTo(303);
        assertThat(server.newBrowser().post("/login", "email", "ana@example.org", "password", "Summer2026!")
                .status()).as("the twentieth wrong one").isEqualTo(401);

        Browser.Response refused = server.newBrowser().post("/login",
                "email", "person21@example.org", "password", "Summer2026!");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains(TOO_MANY).contains("value=\"person21@example.org\"")
                .contains("name=\"password\"");
        Browser fresh = server.newBrowser();
        Browser.Response rightButRefused = fresh.post("/login", "email", "ana@example.org", "password", PASSWORD);
        assertThat(rightButRefused.status()).as("from a browser Ana never used, even her password waits").isEqualTo(429);
        assertThat(fresh.cookie("ts_session")).isEmpty();

        // One try every twenty seconds after that.
        server.clock.advance(Duration.ofSeconds(20));
        assertThat(server.newBrowser().post("/login", "email", "person22@example.org", "password", "x1y2z3w4v5")
                .status()).isEqualTo(401);
        assertThat(server.newBrowser().post("/login", "email", "person23@example.org", "password", "x1y2z3w4v5")
                .status()).isEqualTo(429);
        server.clock.advance(Duration.ofSeconds(20));
        assertThat(fresh.post("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void a_browser_its_facilitator_logged_in_from_is_not_held_back_by_its_address() {
        Browser ana = server.newBrowser();
        assertThat(ana.post("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(303);
        ana.post("/logout");
        for (int i = 1; i <= 20; i++) {
            server.newBrowser().post("/login", "email", "person" + i + "@example.org", "password", "Summer2026!");
        }
        assertThat(server.newBrowser().post("/login", "email", "ana@example.org", "password", PASSWORD).status())
                .isEqualTo(429);
        assertThat(ana.post("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(303);
    }
}
