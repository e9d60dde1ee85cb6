package org.tallersocial.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.db.generated.Tables.FACILITATOR;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallersocial.testing.Browser;

/** Ten characters are not enough: the passwords an attacker tries first are refused wherever one is chosen. */
class PasswordStrengthTest {

    private static final String[] GUESSABLE = {"aaaaaaaaaa", "password123", "qwertyuiop", "1234567890"};

    @TempDir
    Path dataDir;
    AuthTestServer server;

    @BeforeEach
    void start() {
        server = new AuthTestServer(dataDir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_setup_link_refuses_common_and_personal_passwords_and_takes_a_passphrase() {
        String path = server.module.setupPathIfNeeded().orElseThrow();
        Browser browser = server.newBrowser();
        browser.get(path);
        for (String weak : GUESSABLE) {
            Browser.Response refused = browser.post(path,
                    "name", "Ana Ruiz", "email", "ana.ruiz@example.org", "password", weak, "confirm", weak);
            assertThat(refused.status()).as(weak).isEqualTo(422);
            assertThat(refused.body()).as(weak).contains("This password is too easy to guess: it is one of the most")
                    .doesNotContain(weak);
        }
        for (String personal : new String[] {"ana.ruiz@example.org", "AnaRuiz2026"}) {
            Browser.Response refused = browser.post(path,
                    "name", "Ana Ruiz", "email", "ana.ruiz@example.org", "password", personal, "confirm", personal);
            assertThat(refused.status()).as(personal).isEqualTo(422);
            assertThat(refused.body()).as(personal).contains("it is made from your name or your email");
        }
        assertThat(server.dsl().fetchCount(FACILITATOR)).isZero();

        String passphrase = "velvet tram mango quietly";
        assertThat(browser.post(path, "name", "Ana Ruiz", "email", "ana.ruiz@example.org",
                "password", passphrase, "confirm", passphrase).status()).isEqualTo(303);
        browser.post("/logout");
        assertThat(browser.post("/login", "email", "ana.ruiz@example.org", "password", passphrase).status())
                .isEqualTo(303);
    }

    @Test
    void an_invitation_refuses_a_guessable_password_and_stays_usable() {
        Browser ana = server.firstFacilitator("Ana", "ana@example.org", "correct horse battery");
        Matcher link = Pattern.compile("http://kit.example(/invite/[A-Za-z0-9_-]{43})")
                .matcher(ana.post("/facilitate/team/invitations", "note", "Bea").body());
        assertThat(link.find()).isTrue();
        Browser bea = server.newBrowser();
        bea.get(link.group(1));
        for (String weak : new String[] {"password123", "bea@example.org"}) {
            Browser.Response refused = bea.post(link.group(1),
                    "name", "Bea", "email", "bea@example.org", "password", weak, "confirm", weak);
            assertThat(refused.status()).as(weak).isEqualTo(422);
            assertThat(refused.body()).as(weak).contains("This password is too easy to guess");
        }
        assertThat(server.dsl().fetchCount(FACILITATOR)).isEqualTo(1);
        assertThat(bea.post(link.group(1), "name", "Bea", "email", "bea@example.org",
                "password", "harbour lantern crisp", "confirm", "harbour lantern crisp").status()).isEqualTo(303);
    }
}
