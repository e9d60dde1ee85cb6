package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;

/**
 * Someone on the office network guesses codes: a colleague who types the right one is told to scan the
 * QR code, the console says people are being turned away (in both languages), and the QR code gets the
 * colleague in. Screenshots: target/screenshots/join-guessing-*.png.
 */
class JoinCodeBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_colleague_turned_away_by_a_guesser_is_shown_the_way_in_and_the_console_hears_of_it() {
        // The clock stands still, so the guesser's budget stays spent for the whole test.
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
        try (TestServer server = TestServer.withClock(clock); Chromium laptop = Chromium.console();
             Chromium projector = Chromium.projector(); Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.live(server, facilitator)) {
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                // The guesser shares the colleague's network: from the phone's own browser, 30 unknown codes.
                phone.go(server.baseUrl() + "/");
                Object statuses = phone.script("var s = [];"
                        + "for (var i = 0; i < 30; i++) { var x = new XMLHttpRequest();"
                        + " x.open('GET', '/j/WWWW' + 'ACDEFHJKMN'[i % 10] + 'ACD'[Math.floor(i / 10)], false);"
                        + " x.send(); s.push(x.status); } return s.join(',');");
                assertThat(String.valueOf(statuses)).isEqualTo(String.join(",", java.util.Collections.nCopies(30, "404")));

                phone.find("input[name=code]").sendKeys(room.code);
                phone.find("form[action='/j'] button[type=submit]").click();
                phone.awaitText("main", "Scan the QR code on the projector");
                phone.screenshot("join-guessing-phone-turned-away");
                assertThat(InBrowser.violations(phone)).as("the phone's page when turned away").isEmpty();

                laptop.awaitText("#turned-away", "1 person typing this code was turned away");
                laptop.screenshot("join-guessing-console-en");
                assertThat(InBrowser.violations(laptop)).as("the console with people turned away").isEmpty();

                InBrowser.openProjector(projector, server, room);
                phone.go(server.baseUrl() + "/j/" + room.code + "?k=" + room.key);
                phone.awaitVisible("input[name=name]").sendKeys("Luis");
                phone.find("form[action^='/j/'] button[type=submit]").click();
                InBrowser.awaitConnected(phone);
                projector.awaitText("#joined", "1");
                laptop.awaitText("#joined", "1");

                InBrowser.switchLanguage(laptop, "es");
                InBrowser.awaitConnected(laptop);
                laptop.awaitText("#turned-away", "se rechazó a 1 persona que escribía este código");
                laptop.screenshot("join-guessing-console-es");
                assertThat(InBrowser.violations(laptop)).as("the console in Spanish").isEmpty();
            }
        }
    }
}
