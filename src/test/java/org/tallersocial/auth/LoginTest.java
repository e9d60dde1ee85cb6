package org.tallersocial.auth;

import org.tallersocial.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.db.generated.Tables.LOGIN_SESSION;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallersocial.web.Tokens;

class LoginTest {

    private static final String PASSWORD = "correct horse battery";

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
    void a_facilitator_logs_in_and_out() {
        Browser browser = server.newBrowser();
        assertThat(browser.get("/login").body()).contains("name=\"_csrf\"").contains("name=\"next\" value=\"/facilitate\"");

        Browser.Response login = browser.post("/login", "email", "ANA@example.org", "password", PASSWORD);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.location()).contains("/facilitate");
        assertThat(browser.get("/facilitate").body()).isEqualTo("console of Ana");
        String token = browser.cookie("ts_session").orElseThrow();

        Browser.Response logout = browser.post("/logout");
        assertThat(logout.status()).isEqualTo(303);
        assertThat(logout.location()).contains("/login");
        assertThat(browser.cookie("ts_session")).isEmpty();
        assertThat(server.dsl().fetchCount(LOGIN_SESSION, LOGIN_SESSION.TOKEN_HASH.eq(Tokens.sha256(token)))).isZero();

        Browser.Response afterwards = browser.get("/facilitate");
        assertThat(afterwards.status()).isEqualTo(302);
        assertThat(afterwards.location()).contains("/login?next=%2Ffacilitate");

        // A copy of the old cookie is worth nothing either.
        Browser thief = server.newBrowser();
        thief.setCookie("ts_session", token);
        assertThat(thief.get("/facilitate").status()).isEqualTo(302);
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_answer() {
        Browser browser = server.newBrowser();

        Browser.Response wrongPassword = browser.post("/login", "email", "ana@example.org", "password", "not my password");
        Browser.Response unknownEmail = browser.post("/login", "email", "nobody@example.org", "password", "not my password");

        for (Browser.Response response : new Browser.Response[] {wrongPassword, unknownEmail}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).contains("Wrong email or password.").doesNotContain("not my password");
        }
        assertThat(wrongPassword.body()).contains("value=\"ana@example.org\"");
        assertThat(browser.cookie("ts_session")).isEmpty();
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_against_the_right_one() {
        Browser browser = server.newBrowser();
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.post("/login", "email", "ana@example.org", "password", "guess number " + i).body())
                    .contains("Wrong email or password.");
        }
        Browser.Response fifth = browser.post("/login", "email", "ana@example.org", "password", "guess number 5");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.body()).contains("locked until 09:15");

        server.clock.advance(Duration.ofMinutes(14));
        Browser.Response right = browser.post("/login", "email", "ana@example.org", "password", PASSWORD);
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.body()).contains("locked until 09:15");
        assertThat(browser.cookie("ts_session")).isEmpty();

        server.clock.advance(Duration.ofMinutes(1));
        assertThat(browser.post("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(303);

        // The successful login reset the count: four more mistakes do not lock.
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.post("/login", "email", "ana@example.org", "password", "typo " + i).body())
                    .contains("Wrong email or password.");
        }
        assertThat(browser.post("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void an_unknown_email_locks_like_a_real_account_so_lockout_reveals_nothing() {
        Browser browser = server.newBrowser();
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.post("/login", "email", "ghost@example.org", "password", "guess number " + i).body())
                    .contains("Wrong email or password.");
        }
        assertThat(browser.post("/login", "email", "ghost@example.org", "password", "guess number 5").body())
                .contains("locked until 09:15");
    }

    @Test
    void every_login_gets_a_new_session_token_and_only_its_hash_is_stored() {
        Browser browser = server.newBrowser();
        String planted = "planted-by-an-attacker-before-the-login-000";
        browser.setCookie("ts_session", planted);
        assertThat(browser.get("/whoami").body()).isEqualTo("nobody");

        browser.post("/login", "email", "ana@example.org", "password", PASSWORD);
        String first = browser.cookie("ts_session").orElseThrow();
        assertThat(first).isNotEqualTo(planted);

        browser.post("/login", "email", "ana@example.org", "password", PASSWORD);
        String second = browser.cookie("ts_session").orElseThrow();
        assertThat(second).isNotEqualTo(first);

        Browser oldCookie = server.newBrowser();
        oldCookie.setCookie("ts_session", first);
        assertThat(oldCookie.get("/whoami").body()).isEqualTo("nobody");
        assertThat(server.dsl().select(LOGIN_SESSION.TOKEN_HASH).from(LOGIN_SESSION).fetch(LOGIN_SESSION.TOKEN_HASH))
                .contains(Tokens.sha256(second))
                .doesNotContain(second, first, Tokens.sha256(first));
    }

    @Test
    void protected_pages_send_to_login_and_back_but_only_to_local_paths() {
        Browser browser = server.newBrowser();
        Browser.Response redirect = browser.get("/facilitate/team?tab=invitations");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).contains("/login?next=%2Ffacilitate%2Fteam%3Ftab%3Dinvitations");
        assertThat(browser.get(redirect.location().orElseThrow()).body())
                .contains("name=\"next\" value=\"/facilitate/team?tab=invitations\"");

        assertThat(browser.post("/login", "email", "ana@example.org", "password", PASSWORD,
                "next", "/facilitate/team?tab=invitations").location()).contains("/facilitate/team?tab=invitations");
        for (String foreign : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "evil"}) {
            assertThat(browser.post("/login", "email", "ana@example.org", "password", PASSWORD, "next", foreign)
                    .location()).as(foreign).contains("/facilitate");
        }
    }

    @Test
    void a_write_to_a_facilitator_page_without_a_session_is_unauthorized() {
        Browser browser = server.newBrowser();
        assertThat(browser.post("/facilitate/workshops", "title", "x").status()).isEqualTo(401);

        browser.post("/login", "email", "ana@example.org", "password", PASSWORD);
        assertThat(browser.post("/facilitate/workshops", "title", "x").body()).isEqualTo("created");
    }

    @Test
    void other_pages_know_the_facilitator_when_a_session_cookie_is_present() {
        Browser browser = server.newBrowser();
        assertThat(browser.get("/whoami").body()).isEqualTo("nobody");
        browser.post("/login", "email", "ana@example.org", "password", PASSWORD);
        assertThat(browser.get("/whoami").body()).isEqualTo("Ana");
        // The layout shows who is logged in, with the logout form.
        assertThat(browser.get("/setup/anything").body()).contains("class=\"who\">Ana<").contains("action=\"/logout\"");
    }

    @Test
    void a_form_posted_without_the_csrf_token_is_refused() {
        Browser browser = server.newBrowser();
        browser.get("/login");
        assertThat(browser.postRaw("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(403);
        assertThat(browser.cookie("ts_session")).isEmpty();

        browser.post("/login", "email", "ana@example.org", "password", PASSWORD);
        assertThat(browser.postRaw("/logout").status()).isEqualTo(403);
        assertThat(browser.get("/whoami").body()).isEqualTo("Ana");
    }
}
