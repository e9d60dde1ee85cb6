package org.tallersocial.browser;

import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** The ways in: home, join and login pages, in both languages. */
class WaysInTourTest extends ScreenshotTour {

    @Test
    void the_ways_in_home_join_and_login_pages() {
        try (TestServer server = TestServer.start(); Chromium phone = Chromium.phone();
             Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom draft = LiveRoom.draft(server, facilitator, "poll-kinds/en");
            LiveRoom live = LiveRoom.draft(server, facilitator, "poll-kinds/en");
            live.act("/live");

            phone.go(server.baseUrl() + "/");
            shootPhone(phone, "join-01-home");
            phone.find("input[name=code]").sendKeys("XY-12");
            phone.find("form[action='/j'] button[type=submit]").click();
            phone.awaitVisible(".error");
            shootPhone(phone, "join-02-home-bad-code");
            phone.go(server.baseUrl() + "/j/ZZZZZZ");
            shootPhone(phone, "join-03-unknown-code");
            phone.go(server.baseUrl() + "/j/" + draft.code);
            shootPhone(phone, "join-04-not-started");
            phone.go(server.baseUrl() + "/j/" + live.code);
            phone.awaitVisible("input[name=name]");
            shootPhone(phone, "join-05-name");

            // The same ways in, in Spanish: the person's switch, then the pages of a Spanish workshop.
            phone.go(server.baseUrl() + "/");
            InBrowser.switchLanguage(phone, "es");
            shootPhone(phone, "join-01-home-es");
            phone.go(server.baseUrl() + "/j/" + live.code);
            phone.awaitVisible("input[name=name]");
            shootPhone(phone, "join-05-name-es");

            laptop.go(server.baseUrl() + "/login");
            shootConsole(laptop, "console-01-login");
            InBrowser.switchLanguage(laptop, "es");
            shootConsole(laptop, "console-01-login-es");
            InBrowser.logIn(laptop, server);
            laptop.go(server.baseUrl() + "/facilitate");
            shootConsole(laptop, "console-02-workshops-es");
            laptop.go(server.baseUrl() + "/facilitate/team");
            shootConsole(laptop, "console-03-team-es");
            InBrowser.switchLanguage(laptop, "en");
            laptop.go(server.baseUrl() + "/facilitate");
            shootConsole(laptop, "console-02-workshops");
            live.close();
            draft.close();
        }
        checks.assertAll();
    }
}
