package org.tallersocial.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.db.generated.Tables.TRUSTED_DEVICE;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallersocial.testing.Browser;
import org.tallersocial.web.Tokens;

/**
 * A stranger who types five wrong passwords every fifteen minutes locks the account out of every
 * browser but the ones its owner has logged in from (OWASP's device cookies).
 */
class DeviceCookieTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;
    AuthTestServer server;

    @BeforeEach
    void start() {
        server = new AuthTestServer(dataDir);
        server.firstFacilitator("Ana", "ana@example.org", PASSWORD).post("/logout");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_attacker_keeping_the_account_locked_does_not_keep_its_owner_out_of_her_own_browser() {
        Browser ana = server.newBrowser();
        Browser.Response first = ana.post("/login", "email", "ana@example.org", "password", PASSWORD);
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.setCookies()).anySatisfy(c -> assertThat(c).startsWith("ts_device=")
                .contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        ana.post("/logout");
        assertThat(ana.cookie("ts_device")).as("logging out keeps the browser known").isPresent();

        Browser attacker = server.newBrowser();
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= 4; i++) {
                assertThat(attacker.post("/login", "email", "ana@example.org", "password", "guess " + round + i)
                        .status()).isEqualTo(401);
            }
            assertThat(attacker.post("/login", "email", "ana@example.org", "password", "guess " + round + "5")
                    .body()).contains("this account is locked until");

            Browser.Response owner = ana.post("/login", "email", "ana@example.org", "password", PASSWORD);
            assertThat(owner.status()).as("round %d: Ana in her own browser", round).isEqualTo(303);
            assertThat(ana.get("/facilitate").body()).isEqualTo("console of Ana");
            ana.post("/logout");

            Browser elsewhere = server.newBrowser();
            Browser.Response locked = elsewhere.post("/login", "email", "ana@example.org", "password", PASSWORD);
            assertThat(locked.status()).as("a browser Ana never used stays locked out").isEqualTo(401);
            assertThat(locked.body()).contains("this account is locked until");
            assertThat(elsewhere.cookie("ts_session")).isEmpty();

            Browser forged = server.newBrowser();
            forged.setCookie("ts_device", Tokens.newToken());
            assertThat(forged.post("/login", "email", "ana@example.org", "password", PASSWORD).status())
                    .as("a made-up device cookie is worth nothing").isEqualTo(401);

            server.clock.advance(Duration.ofMinutes(15));
        }
    }

    @Test
    void a_known_browser_has_its_own_five_tries_and_a_copy_of_an_old_cookie_is_worthless() {
        Browser ana = server.newBrowser();
        ana.post("/login", "email", "ana@example.org", "password", PASSWORD);
        String firstCookie = ana.cookie("ts_device").orElseThrow();
        ana.post("/logout");
        assertThat(server.dsl().fetchCount(TRUSTED_DEVICE, TRUSTED_DEVICE.TOKEN_HASH.eq(Tokens.sha256(firstCookie))))
                .isOne();

        for (int i = 1; i <= 4; i++) {
            assertThat(ana.post("/login", "email", "ana@example.org", "password", "typo " + i).body())
                    .contains("Wrong email or password.");
        }
        Browser.Response fifth = ana.post("/login", "email", "ana@example.org", "password", "typo 5");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.body()).contains("in this browser: it can try again at 09:15");
        assertThat(ana.post("/login", "email", "ana@example.org", "password", PASSWORD).body())
                .contains("in this browser: it can try again at 09:15");
        // Her own typos locked only her browser: another one logs in.
        Browser laptop = server.newBrowser();
        assertThat(laptop.post("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(303);

        server.clock.advance(Duration.ofMinutes(15));
        assertThat(ana.post("/login", "email", "ana@example.org", "password", PASSWORD).status()).isEqualTo(303);
        String secondCookie = ana.cookie("ts_device").orElseThrow();
        assertThat(secondCookie).as("a new device cookie at every login").isNotEqualTo(firstCookie);
        assertThat(server.dsl().select(TRUSTED_DEVICE.TOKEN_HASH).from(TRUSTED_DEVICE).fetch(TRUSTED_DEVICE.TOKEN_HASH))
                .contains(Tokens.sha256(secondCookie))
                .doesNotContain(secondCookie, Tokens.sha256(firstCookie));

        Browser attacker = server.newBrowser();
        for (int i = 1; i <= 5; i++) {
            attacker.post("/login", "email", "ana@example.org", "password", "guess " + i);
        }
        Browser copy = server.newBrowser();
        copy.setCookie("ts_device", firstCookie);
        assertThat(copy.post("/login", "email", "ana@example.org", "password", PASSWORD).body())
                .as("the cookie replaced at the last login").contains("this account is locked until");
    }
}
