package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A facilitator who drives the console from the keyboard alone (WCAG 2.1.1): Tab reaches the
 * controls in order, each with a visible focus ring, and Enter works them.
 */
@Tag("browser")
class ConsoleKeyboardTest {

    private static final int MOST_TABS = 80;

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void the_console_goes_live_and_moves_through_the_agenda_by_keyboard_alone() {
        try (TestServer server = TestServer.start(); Chromium laptop = Chromium.console()) {
            LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "poll-kinds/en");
            InBrowser.logIn(laptop, server);
            InBrowser.openConsole(laptop, server, room.id);

            press(laptop, "go-live");
            laptop.awaitText("#state-badge", "live");
            WsClient watch = room.console();
            press(laptop, "next");
            assertThat(watch.awaitStep(1).at("/step/pollState").asText()).isEqualTo("open");
            press(laptop, "poll-close");
            watch.await(m -> "state".equals(m.path("type").asText())
                    && "closed".equals(m.at("/step/pollState").asText()), java.time.Duration.ofSeconds(10));
            room.close();
        }
    }

    /** Tabs from the top of the page to the control with this id, checks its focus ring, presses Enter. */
    private static void press(Chromium browser, String id) {
        browser.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < MOST_TABS; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            if (id.equals(focused.getDomAttribute("id"))) {
                assertThat(focused.getCssValue("outline-style")).as("#%s shows where the focus is", id)
                        .isNotEqualTo("none");
                keys.sendKeys(Keys.ENTER).perform();
                return;
            }
        }
        throw new AssertionError("#" + id + " was not reached in " + MOST_TABS + " presses of Tab");
    }
}
