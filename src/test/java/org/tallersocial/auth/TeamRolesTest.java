package org.tallersocial.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.db.generated.Tables.FACILITATOR;
import static org.tallersocial.db.generated.Tables.INVITATION;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallersocial.testing.Browser;

/**
 * The account made at setup administers the team: it invites, withdraws any invitation and
 * gives others the right to invite. A member without that right can do none of it.
 */
class TeamRolesTest {

    private static final Pattern LINK = Pattern.compile("http://kit.example(/invite/[A-Za-z0-9_-]{43})");
    private static final Pattern WITHDRAW = Pattern.compile("action=\"(/facilitate/team/invitations/[0-9a-f]{64}/revoke)\"");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;
    AuthTestServer server;
    Browser ana;

    @BeforeEach
    void start() {
        server = new AuthTestServer(dataDir);
        ana = server.firstFacilitator("Ana", "ana@example.org", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pending_invitations_are_listed_and_a_withdrawn_link_is_refused() {
        String forBea = invite(ana, "for Bea, social media lead");
        String forCarl = invite(ana, "for Carl");

        String team = ana.get("/facilitate/team").body();
        assertThat(team).contains("for Bea, social media lead").contains("for Carl")
                .contains("<td>Ana</td>").contains("Mar 9, 2026").contains("Administrator");
        assertThat(WITHDRAW.matcher(team).results().count()).as("a withdraw button per invitation").isEqualTo(2);
        String carlsWithdraw = withdrawButtonOf(team, "for Carl");

        Browser.Response withdrawn = ana.post(carlsWithdraw);
        assertThat(withdrawn.status()).isEqualTo(303);
        assertThat(ana.get("/facilitate/team").body()).doesNotContain("for Carl").contains("for Bea, social media lead");

        Browser carl = server.newBrowser();
        Browser.Response page = carl.get(forCarl);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("This invitation was withdrawn");
        Browser.Response post = carl.post(forCarl, "name", "Carl", "email", "carl@example.org",
                "password", PASSWORD, "confirm", PASSWORD);
        assertThat(post.status()).isEqualTo(410);
        assertThat(carl.cookie("ts_session")).isEmpty();
        assertThat(server.dsl().fetchCount(FACILITATOR)).isEqualTo(1);

        Browser.Response again = ana.post(carlsWithdraw);
        assertThat(again.status()).as("withdrawn already").isEqualTo(409);
        assertThat(again.body()).contains("can no longer be withdrawn");
        assertThat(server.newBrowser().get(forBea).status()).as("the other link still works").isEqualTo(200);
    }

    @Test
    void a_member_without_the_right_to_invite_sees_no_form_and_is_refused() {
        String anasInvitation = invite(ana, "for Dan");
        Browser bea = join(invite(ana, "for Bea"), "Bea", "bea@example.org");

        Browser.Response team = bea.get("/facilitate/team");
        assertThat(team.body()).contains("for Dan").contains("Only the team&#39;s administrator, Ana,")
                .doesNotContain("action=\"/facilitate/team/invitations\"")
                .doesNotContain("/revoke\"").doesNotContain("invite-right");

        assertThat(bea.post("/facilitate/team/invitations", "note", "for my friend").status()).isEqualTo(403);
        String hash = server.dsl().select(INVITATION.TOKEN_HASH).from(INVITATION)
                .where(INVITATION.NOTE.eq("for Dan")).fetchSingle().value1();
        assertThat(bea.post("/facilitate/team/invitations/" + hash + "/revoke").status()).isEqualTo(403);
        long beaId = idOf("bea@example.org");
        assertThat(bea.post("/facilitate/team/members/" + beaId + "/invite-right", "allowed", "yes").status())
                .isEqualTo(403);

        assertThat(server.dsl().fetchCount(INVITATION)).as("nothing invited").isEqualTo(2);
        assertThat(server.newBrowser().get(anasInvitation).status()).as("nothing withdrawn").isEqualTo(200);
        assertThat(bea.get("/facilitate/team").body()).doesNotContain("Can invite");
    }

    @Test
    void the_administrator_gives_the_right_to_invite_and_takes_it_back() {
        invite(ana, "for Dan");
        Browser bea = join(invite(ana, "for Bea"), "Bea", "bea@example.org");
        long beaId = idOf("bea@example.org");

        assertThat(ana.post("/facilitate/team/members/" + beaId + "/invite-right", "allowed", "yes").status())
                .isEqualTo(303);
        assertThat(ana.get("/facilitate/team").body()).contains("Can invite").contains("Take back the right to invite");
        String beasLink = invite(bea, "for Eve");

        // Bea withdraws her own invitation but not Ana's.
        String team = bea.get("/facilitate/team").body();
        Matcher withdraw = WITHDRAW.matcher(team);
        assertThat(withdraw.find()).isTrue();
        String beasWithdraw = withdraw.group(1);
        assertThat(withdraw.find()).as("only her own has a button").isFalse();
        String dansHash = server.dsl().select(INVITATION.TOKEN_HASH).from(INVITATION)
                .where(INVITATION.NOTE.eq("for Dan")).fetchSingle().value1();
        assertThat(bea.post("/facilitate/team/invitations/" + dansHash + "/revoke").status()).isEqualTo(403);
        assertThat(bea.post(beasWithdraw).status()).isEqualTo(303);
        assertThat(server.newBrowser().get(beasLink).status()).isEqualTo(410);

        assertThat(ana.post("/facilitate/team/members/" + beaId + "/invite-right", "allowed", "no").status())
                .isEqualTo(303);
        assertThat(bea.post("/facilitate/team/invitations", "note", "once more").status()).isEqualTo(403);

        // The administrator stays one; bad requests change nothing.
        long anaId = idOf("ana@example.org");
        assertThat(ana.post("/facilitate/team/members/" + anaId + "/invite-right", "allowed", "no").status())
                .isEqualTo(404);
        assertThat(ana.post("/facilitate/team/members/" + beaId + "/invite-right", "allowed", "maybe").status())
                .isEqualTo(400);
        assertThat(ana.post("/facilitate/team/members/x/invite-right", "allowed", "yes").status()).isEqualTo(404);
        assertThat(ana.post("/facilitate/team/invitations/not-a-hash/revoke").status()).isEqualTo(409);
        assertThat(invite(ana, "still the administrator")).isNotEmpty();
        assertThat(server.dsl().select(FACILITATOR.TEAM_ROLE).from(FACILITATOR).orderBy(FACILITATOR.ID)
                .fetch(FACILITATOR.TEAM_ROLE)).containsExactly("administrator", "member");
    }

    private static String withdrawButtonOf(String page, String note) {
        String row = page.substring(page.indexOf("<tr><td>" + note + "</td>"));
        Matcher withdraw = WITHDRAW.matcher(row.substring(0, row.indexOf("</tr>")));
        assertThat(withdraw.find()).as("a withdraw button for %s", note).isTrue();
        return withdraw.group(1);
    }

    private String invite(Browser inviter, String note) {
        Browser.Response response = inviter.post("/facilitate/team/invitations", "note", note);
        assertThat(response.status()).isEqualTo(201);
        Matcher link = LINK.matcher(response.body());
        assertThat(link.find()).as("invitation link in page").isTrue();
        return link.group(1);
    }

    private Browser join(String invitePath, String name, String email) {
        Browser browser = server.newBrowser();
        browser.get(invitePath);
        assertThat(browser.post(invitePath, "name", name, "email", email, "password", PASSWORD, "confirm", PASSWORD)
                .status()).isEqualTo(303);
        return browser;
    }

    private long idOf(String email) {
        return server.dsl().select(FACILITATOR.ID).from(FACILITATOR).where(FACILITATOR.EMAIL.eq(email))
                .fetchSingle().value1();
    }
}
