package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** The facilitator raises the profile exercise's smallest count from the console, before it opens. */
class ProfileThresholdBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void the_console_sets_the_smallest_count_before_the_exercise_opens_and_says_it_is_fixed_after() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "profiles/en")) {
                WsClient console = room.console();
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                room.goTo(1);
                WebElement input = laptop.awaitVisible("input[name=threshold]");
                laptop.screenshot("profiles-threshold-01-console-draft");
                assertNoSeriousViolations(laptop);

                input.clear();
                input.sendKeys("12");
                laptop.find("form.threshold-edit button").click();
                assertThat(laptop.script("return document.querySelector('input[name=threshold]').validity.valid;"))
                        .as("the page itself refuses 12 (the server too: ProfileThresholdTest)").isEqualTo(false);
                input.clear();
                input.sendKeys("5");
                laptop.find("form.threshold-edit button").click();
                console.await(m -> m.at("/step/exercise/threshold").asInt() == 5, java.time.Duration.ofSeconds(5));
                assertThat(laptop.awaitVisible("input[name=threshold]").getDomProperty("value")).isEqualTo("5");

                // The workshop's settings, with "Duplicate for the next client" under the rename form.
                laptop.find(".console-side details.card > summary").click();
                laptop.awaitVisible(".duplicate-form button");
                laptop.script("document.querySelector('.duplicate-form').scrollIntoView({block: 'center'});");
                laptop.screenshot("console-settings-duplicate");
                assertNoSeriousViolations(laptop);

                room.act("/live");
                laptop.awaitText("#console", "Counts under 5 are hidden (fixed once the exercise opened).");
                assertThat(laptop.driver().findElements(By.cssSelector("input[name=threshold]"))).isEmpty();
                laptop.awaitText("#results", "counts under 5 are hidden");
                laptop.awaitText("#results", "Fewer than 5 (hidden)");
                laptop.awaitText("#results", "Nothing named by 5 or more people yet.");
                laptop.screenshot("profiles-threshold-02-console-fixed");
                assertNoSeriousViolations(laptop);
                assertThat(laptop.consoleErrors()).isEmpty();
            }
        }
    }

    private static void assertNoSeriousViolations(Chromium browser) {
        assertThat(InBrowser.seriousViolations(browser)).as("axe-core, serious and critical").isEmpty();
    }
}
