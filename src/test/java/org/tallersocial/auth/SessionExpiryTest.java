package org.tallersocial.auth;

import org.tallersocial.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.db.generated.Tables.LOGIN_SESSION;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionExpiryTest {

    @TempDir
    Path dataDir;
    AuthTestServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = new AuthTestServer(dataDir);
        browser = server.firstFacilitator("Ana", "ana@example.org", "correct horse battery");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_session_left_idle_for_12_hours_sends_back_to_login() {
        server.clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(browser.get("/facilitate").status()).isEqualTo(200);

        server.clock.advance(Duration.ofHours(12));
        Browser.Response response = browser.get("/facilitate");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).contains("/login?next=%2Ffacilitate");
        assertThat(server.dsl().fetchCount(LOGIN_SESSION)).isZero();
    }

    @Test
    void a_session_in_daily_use_still_ends_after_7_days() {
        Duration elapsed = Duration.ZERO;
        Duration step = Duration.ofHours(11);
        while (elapsed.plus(step).compareTo(Duration.ofDays(7)) < 0) {
            server.clock.advance(step);
            elapsed = elapsed.plus(step);
            assertThat(browser.get("/facilitate").status()).as("after %s", elapsed).isEqualTo(200);
        }
        server.clock.advance(step);
        assertThat(browser.get("/facilitate").status()).isEqualTo(302);
    }

    @Test
    void last_seen_is_written_at_most_once_a_minute() {
        OffsetDateTime created = lastSeen();
        server.clock.advance(Duration.ofSeconds(30));
        browser.get("/facilitate");
        assertThat(lastSeen()).isEqualTo(created);

        server.clock.advance(Duration.ofSeconds(31));
        browser.get("/facilitate");
        assertThat(lastSeen()).isAfter(created);
    }

    private OffsetDateTime lastSeen() {
        return server.dsl().select(LOGIN_SESSION.LAST_SEEN_AT).from(LOGIN_SESSION).fetchSingle().value1();
    }
}
