package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/**
 * The test JVMs hand an idle browser to the next test that opens one of its kind: it must come as new,
 * or a test would pass or fail on what an earlier one left (a participant's cookie, a phone's outbox).
 */
class BrowserReuseTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_reused_browser_keeps_no_cookie_storage_or_console_message_of_the_test_before() {
        try (TestServer server = TestServer.start()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            try (room) {
                String session;
                try (Chromium phone = Chromium.phone()) {
                    session = ((ChromeDriver) phone.driver()).getSessionId().toString();
                    InBrowser.joinByLink(phone, server, room.code, "Ana");
                    phone.script("localStorage.setItem('left-behind', 'yes'); sessionStorage.setItem('left', 'yes');"
                            + "console.error('an error of the test before');");
                    assertThat(phone.driver().manage().getCookies()).as("joined: the participant's cookie").isNotEmpty();
                    phone.resize(Chromium.Size.SMALL_PHONE);
                }
                try (Chromium phone = Chromium.phone()) {
                    assertThat(((ChromeDriver) phone.driver()).getSessionId().toString())
                            .as("the same browser, reused").isEqualTo(session);
                    assertThat(phone.driver().getWindowHandles()).hasSize(1);
                    assertThat(phone.consoleErrors()).as("console messages of the test before").isEmpty();
                    phone.go(server.baseUrl() + "/j/" + room.code);
                    assertThat(phone.driver().manage().getCookieNamed("ts_p" + room.id))
                            .as("the participant's cookie of the test before").isNull();
                    assertThat(phone.script("return [localStorage.length, sessionStorage.length, innerWidth];"))
                            .as("storage of the test before, and the phone's own width")
                            .isEqualTo(java.util.List.of(0L, 0L, 390L));
                    phone.awaitVisible("input[name=name]");
                    assertThat(Chromium.text(phone.find("body"))).as("asked for a name, as a new phone is")
                            .doesNotContain("Ana");
                }
            }
        }
    }
}
