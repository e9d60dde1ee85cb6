package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.TestServer;

/** The team page on a laptop, in both languages: members and their roles, open invitations, withdrawing one. */
class TeamPageBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void the_administrator_reads_the_team_and_withdraws_an_invitation() {
        try (TestServer server = TestServer.start(); Chromium laptop = Chromium.open(Chromium.Size.LAPTOP)) {
            Browser marta = Facilitators.first(server);
            Facilitators.invited(server, marta, "pau.ferrer@example.org");
            marta.post("/facilitate/team/invitations", "note", "Lucía, who runs the customer service accounts");
            marta.post("/facilitate/team/invitations", "note", "");

            InBrowser.logIn(laptop, server);
            laptop.go(server.baseUrl() + "/facilitate/team");
            laptop.awaitText("h1", "Team");
            assertThat(laptop.findAll("form[action$='/revoke'] button")).hasSize(2);
            laptop.screenshot("team-01-en");
            assertThat(laptop.scrollsSideways()).isFalse();
            assertThat(InBrowser.violations(laptop)).as("axe-core, WCAG 2.1 A and AA").isEmpty();

            InBrowser.switchLanguage(laptop, "es");
            laptop.awaitText("h1", "Equipo");
            laptop.screenshot("team-02-es");
            assertThat(laptop.scrollsSideways()).isFalse();

            laptop.find("form[action$='/revoke'] button").click();
            laptop.await(d -> laptop.findAll("form[action$='/revoke'] button").size() == 1);
            assertThat(laptop.clippedText()).isEmpty();
        }
    }
}
