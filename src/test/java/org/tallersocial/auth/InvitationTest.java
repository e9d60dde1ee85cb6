package org.tallersocial.auth;

import org.tallersocial.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.db.generated.Tables.FACILITATOR;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvitationTest {

    private static final Pattern LINK = Pattern.compile("http://kit.example(/invite/[A-Za-z0-9_-]{43})");

    @TempDir
    Path dataDir;
    AuthTestServer server;
    Browser ana;

    @BeforeEach
    void start() {
        server = new AuthTestServer(dataDir);
        ana = server.firstFacilitator("Ana", "ana@example.org", "correct horse battery");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_invited_person_creates_an_account_and_is_logged_in() {
        Browser.Response team = ana.get("/facilitate/team");
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("ana@example.org").contains("None: every invitation");

        String invitePath = invite("for Bea, social media lead");
        assertThat(ana.get("/facilitate/team").body()).contains("for Bea, social media lead");

        Browser bea = server.newBrowser();
        Browser.Response form = bea.get(invitePath);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Join as a facilitator");

        Browser.Response created = bea.post(invitePath,
                "name", "Bea", "email", "Bea@Example.org", "password", "another long one", "confirm", "another long one");
        assertThat(created.status()).isEqualTo(303);
        assertThat(bea.get("/facilitate").body()).isEqualTo("console of Bea");

        assertThat(ana.get("/facilitate/team").body())
                .contains("bea@example.org")
                .doesNotContain("for Bea, social media lead");
        bea.post("/logout");
        assertThat(bea.post("/login", "email", "bea@example.org", "password", "another long one").status()).isEqualTo(303);
    }

    @Test
    void a_used_invitation_is_refused() {
        String invitePath = invite("");
        server.newBrowser().post(invitePath,
                "name", "Bea", "email", "bea@example.org", "password", "another long one", "confirm", "another long one");

        Browser mallory = server.newBrowser();
        Browser.Response page = mallory.get(invitePath);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("already been used");
        Browser.Response post = mallory.post(invitePath,
                "name", "Mallory", "email", "mallory@example.org", "password", "long enough pw", "confirm", "long enough pw");
        assertThat(post.status()).isEqualTo(410);
        assertThat(mallory.cookie("ts_session")).isEmpty();
        assertThat(server.dsl().fetchCount(FACILITATOR)).isEqualTo(2);
    }

    @Test
    void an_expired_or_unknown_invitation_is_refused() {
        String invitePath = invite("late");
        server.clock.advance(Duration.ofDays(7));

        Browser late = server.newBrowser();
        Browser.Response expired = late.get(invitePath);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This invitation has expired");
        assertThat(late.post(invitePath, "name", "Late", "email", "late@example.org",
                "password", "long enough pw", "confirm", "long enough pw").status()).isEqualTo(410);

        Browser.Response unknown = late.get("/invite/not-a-real-token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This invitation link does not work");
        assertThat(server.dsl().fetchCount(FACILITATOR)).isEqualTo(1);
    }

    @Test
    void an_email_that_already_has_an_account_leaves_the_invitation_usable() {
        String invitePath = invite("");
        Browser bea = server.newBrowser();

        Browser.Response taken = bea.post(invitePath,
                "name", "Bea", "email", "ANA@example.org", "password", "another long one", "confirm", "another long one");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("already an account with this email").contains("value=\"Bea\"");

        assertThat(bea.post(invitePath,
                "name", "Bea", "email", "bea@example.org", "password", "another long one", "confirm", "another long one")
                .status()).isEqualTo(303);
    }

    @Test
    void the_team_page_and_invitations_need_a_login() {
        Browser stranger = server.newBrowser();
        assertThat(stranger.get("/facilitate/team").status()).isEqualTo(302);
        assertThat(stranger.post("/facilitate/team/invitations", "note", "me").status()).isEqualTo(401);
    }

    @Test
    void a_too_long_note_is_refused_and_no_invitation_is_made() {
        Browser.Response response = ana.post("/facilitate/team/invitations", "note", "n".repeat(201));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("at most 200 characters");
        assertThat(LINK.matcher(response.body()).find()).isFalse();
        assertThat(ana.get("/facilitate/team").body()).contains("None: every invitation");
    }

    /** Creates an invitation as Ana and returns the path of the link shown to her. */
    private String invite(String note) {
        Browser.Response response = ana.post("/facilitate/team/invitations", "note", note);
        assertThat(response.status()).isEqualTo(201);
        Matcher link = LINK.matcher(response.body());
        assertThat(link.find()).as("invitation link in page").isTrue();
        return link.group(1);
    }
}
