package org.tallersocial.auth;

import org.tallersocial.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.db.generated.Tables.FACILITATOR;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupLinkTest {

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
    void the_setup_link_creates_the_first_account_and_logs_it_in() {
        String path = server.module.setupPathIfNeeded().orElseThrow();
        assertThat(path).matches("/setup/[A-Za-z0-9_-]{43}");
        Browser browser = server.newBrowser();

        Browser.Response form = browser.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Create the first account").contains("name=\"_csrf\"");

        Browser.Response created = browser.post(path,
                "name", "Ana Ruiz", "email", " Ana@Example.ORG ", "password", "correct horse battery", "confirm", "correct horse battery");
        assertThat(created.status()).isEqualTo(303);
        assertThat(created.location()).contains("/facilitate");
        assertThat(browser.get("/facilitate").body()).isEqualTo("console of Ana Ruiz");
        assertThat(server.dsl().select(FACILITATOR.EMAIL).from(FACILITATOR).fetchSingle().value1())
                .isEqualTo("ana@example.org");
        assertThat(server.module.setupPathIfNeeded()).isEmpty();
    }

    @Test
    void the_setup_link_is_refused_once_an_account_exists() {
        String path = server.module.setupPathIfNeeded().orElseThrow();
        server.firstFacilitator("Ana", "ana@example.org", "correct horse battery");

        Browser stranger = server.newBrowser();
        Browser.Response page = stranger.get(path);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("Setup is already done");

        Browser.Response post = stranger.post(path,
                "name", "Mallory", "email", "mallory@example.org", "password", "long enough pw", "confirm", "long enough pw");
        assertThat(post.status()).isEqualTo(410);
        assertThat(stranger.cookie("ts_session")).isEmpty();
        assertThat(server.dsl().fetchCount(FACILITATOR)).isEqualTo(1);
    }

    @Test
    void a_wrong_setup_token_is_refused_and_creates_nothing() {
        Browser stranger = server.newBrowser();
        assertThat(stranger.get("/setup/guessed-token").status()).isEqualTo(404);

        Browser.Response post = stranger.post("/setup/guessed-token",
                "name", "Mallory", "email", "mallory@example.org", "password", "long enough pw", "confirm", "long enough pw");
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).contains("This setup link does not work");
        assertThat(server.dsl().fetchCount(FACILITATOR)).isZero();
        assertThat(server.module.setupPathIfNeeded()).isPresent();
    }

    @Test
    void bad_input_comes_back_with_messages_and_the_fields_but_never_the_password() {
        String path = server.module.setupPathIfNeeded().orElseThrow();
        Browser browser = server.newBrowser();

        Browser.Response response = browser.post(path,
                "name", "Ana <Ruiz>", "email", "ana-at-example.org", "password", "short-pw", "confirm", "short-pw");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .contains("This does not look like an email address")
                .contains("at least 10 characters")
                .contains("value=\"Ana &lt;Ruiz&gt;\"")
                .contains("value=\"ana-at-example.org\"")
                .doesNotContain("short-pw");
        assertThat(server.dsl().fetchCount(FACILITATOR)).isZero();

        Browser.Response mismatch = browser.post(path,
                "name", "Ana", "email", "ana@example.org", "password", "correct horse battery", "confirm", "correct horse batterx");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The two passwords are not the same");
        assertThat(server.dsl().fetchCount(FACILITATOR)).isZero();

        Browser.Response tooLongName = browser.post(path,
                "name", "x".repeat(121), "email", "ana@example.org", "password", "correct horse battery", "confirm", "correct horse battery");
        assertThat(tooLongName.status()).isEqualTo(422);
        assertThat(server.dsl().fetchCount(FACILITATOR)).isZero();
    }
}
