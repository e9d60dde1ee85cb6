package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** A rehearsal says so on every screen; its reset lists what goes, and leaves a fresh draft. */
class RehearsalBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void every_screen_says_rehearsal_and_the_reset_lists_what_goes_then_leaves_a_draft() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.console();
             Chromium projector = Chromium.projector(); Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en", "All hands", "Panadería")) {
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                InBrowser.openProjector(projector, server, room);
                laptop.find("#rehearse").click();
                laptop.awaitVisible(".console-head .rehearsal-badge");
                projector.awaitVisible(".screen-head .rehearsal-badge");
                InBrowser.joinByLink(phone, server, room.code, "Ana");
                phone.awaitVisible(".phone-bar .rehearsal-badge");
                assertThat(Chromium.text(phone.find(".phone-bar .rehearsal-badge"))).isEqualTo("Rehearsal");
                laptop.screenshot("rehearsal-01-console");
                projector.screenshot("rehearsal-02-projector");
                phone.screenshot("rehearsal-03-phone");
                assertThat(InBrowser.seriousViolations(phone)).as("axe-core on the phone").isEmpty();
                assertThat(InBrowser.seriousViolations(laptop)).as("axe-core on the console").isEmpty();
                assertThat(phone.clippedText()).isEmpty();

                laptop.find("#reset-rehearsal").click();
                laptop.awaitText("h1", "Reset the rehearsal");
                assertThat(Chromium.text(laptop.find(".reset-list"))).contains("participants: 1");
                laptop.screenshot("rehearsal-04-reset-en");
                assertThat(InBrowser.violations(laptop)).as("axe-core, WCAG 2.1 A and AA").isEmpty();
                InBrowser.switchLanguage(laptop, "es");
                laptop.awaitText("h1", "Reiniciar el ensayo");
                laptop.screenshot("rehearsal-05-reset-es");
                assertThat(InBrowser.violations(laptop)).as("axe-core, WCAG 2.1 A and AA").isEmpty();
                laptop.find("#confirm-reset").click();
                laptop.await(d -> d.getCurrentUrl().endsWith("/facilitate/" + room.id));
                InBrowser.awaitConnected(laptop);
                laptop.awaitText("#state-badge", "borrador");
                assertThat(laptop.find(".console-head .rehearsal-badge").isDisplayed()).isFalse();
                InBrowser.awaitConnected(projector);
                projector.await(d -> !d.findElement(org.openqa.selenium.By.cssSelector(".screen-head .rehearsal-badge"))
                        .isDisplayed());
                assertThat(laptop.consoleErrors()).isEmpty();
            }
        }
    }
}
