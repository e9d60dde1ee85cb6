package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;

/**
 * Answering later in real browsers: the facilitator closes the workshop and opens the catch-up window on the
 * console; a 390-px phone opens the link, goes through the polls at its own pace (back and forth, not in the
 * room's order) and answers; the report says "answered later"; once the server's clock passes the window's
 * end the phone's next answer is refused and the page says the window has ended. Screenshots of the phone
 * in both languages and of the console's card, with axe-core on each.
 */
class CatchUpBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void someone_who_was_not_there_answers_later_until_the_window_ends() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        try (TestServer server = TestServer.withClock(clock); Chromium laptop = Chromium.open(Chromium.Size.LAPTOP);
             Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en")) {
                room.act("/live");
                Phone ana = room.join("Ana");
                room.goTo(1);
                long single = ana.ws.awaitStep(1).at("/step/id").asLong();
                ana.answerAndWait(single, 0);
                room.goTo(2);
                room.goTo(3);

                // The facilitator closes the workshop on the console, and the card appears.
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                laptop.script("window.confirm = function () { return true; };");
                laptop.find("#close-workshop").click();
                WebElement card = laptop.await(Duration.ofSeconds(10), () -> "the catch-up card",
                        d -> d.findElements(By.cssSelector("#catch-up:not(.hidden)")).stream().findFirst().orElse(null));
                assertThat(Chromium.text(card)).contains("Answering later").contains("Not open.");
                // An end in the past is refused on the card, in the facilitator's words (the field's own min aside,
                // which stops a browser that keeps it from sending one at all).
                laptop.script("arguments[0].removeAttribute('min');", laptop.find("#catch-up input[name=until]"));
                String past = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneId.systemDefault())
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
                setUntil(laptop, past);
                laptop.find("#catch-up-open").click();
                laptop.awaitText("#catch-up-error", "Choose an end in the future.");
                // Two days ahead, on the laptop's clock.
                String end = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(2)), ZoneId.systemDefault())
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
                setUntil(laptop, end);
                laptop.find("#catch-up-open").click();
                WebElement link = laptop.await(Duration.ofSeconds(10), () -> "the catch-up link",
                        d -> d.findElements(By.id("catch-up-link")).stream().findFirst().orElse(null));
                String later = link.getDomAttribute("href");
                assertThat(later).contains("/later/" + room.id + "?k=");
                assertThat(laptop.find("#catch-up img").getDomProperty("naturalWidth")).isNotEqualTo("0");
                laptop.script("arguments[0].scrollIntoView({block: 'center'});", laptop.find("#catch-up"));
                laptop.screenshot("catch-up-01-console-card");
                assertThat(InBrowser.seriousViolations(laptop)).as("axe-core on the console's card").isEmpty();
                // The one refusal above is a 409 the browser logs; nothing else went wrong.
                assertThat(laptop.consoleErrors()).allMatch(e -> e.contains("409"));

                // Someone who was not there opens the link on their phone.
                phone.go(later.replace("http://localhost:7070", server.baseUrl()));
                phone.awaitVisible("input[name=name]").sendKeys("Bea");
                phone.find("form[action*='/later/'] button[type=submit]").click();
                InBrowser.awaitConnected(phone);
                phone.awaitText("#later .step-meta", "Step 1 of 4");
                // A slide as text, never the facilitator's notes.
                assertThat(Chromium.text(phone.find("#later h1"))).isEqualTo("Welcome");
                assertThat(Chromium.text(phone.find("#later"))).contains("Join with the code.")
                        .doesNotContain("Secret facilitator note");
                phone.screenshot("catch-up-02-phone-en-slide");
                assertThat(InBrowser.seriousViolations(phone)).as("axe-core on the first step").isEmpty();

                // At its own pace: the third step first, then back to the second.
                next(phone);
                next(phone);
                phone.awaitText("#later .step-meta", "Step 3 of 4");
                tap(phone, "Instagram");
                send(phone);
                phone.awaitText("#later .status", "Saved");
                back(phone);
                phone.awaitText("#later .step-meta", "Step 2 of 4");
                tap(phone, "Everyone");
                send(phone);
                phone.awaitText("#later .status", "Saved");
                assertThat(phone.scrollsSideways()).isFalse();
                assertThat(phone.clippedText()).isEmpty();
                phone.screenshot("catch-up-03-phone-en-poll-saved");
                assertThat(InBrowser.seriousViolations(phone)).as("axe-core on an answered poll").isEmpty();

                // The report counts Bea with everyone, and apart.
                laptop.go(server.baseUrl() + "/facilitate/" + room.id + "/report");
                laptop.awaitText("#summary", "answered later: 1");
                assertThat(Chromium.text(laptop.find("#summary"))).contains("1 joined later");
                laptop.screenshot("catch-up-06-report-answered-later");
                InBrowser.openConsole(laptop, server, room.id);
                laptop.awaitText("#catch-up .catch-up-counts", "Joined later: 1 · answers later: 2");
                laptop.script("arguments[0].scrollIntoView({block: 'center'});", laptop.find("#catch-up"));
                laptop.screenshot("catch-up-07-console-card-counts");

                // In Spanish, as the phone's switch offers it.
                InBrowser.switchLanguage(phone, "es");
                InBrowser.awaitConnected(phone);
                phone.awaitText("#later .step-meta", "Paso 2 de 4");
                phone.screenshot("catch-up-04-phone-es-poll");
                assertThat(InBrowser.seriousViolations(phone)).as("axe-core in Spanish").isEmpty();

                // The window's end passes on the server's clock: the next answer is refused, and the page says so.
                clock.advance(Duration.ofDays(2).plusMinutes(1));
                next(phone);
                phone.awaitText("#later .step-meta", "Paso 3 de 4");
                tap(phone, "LinkedIn");
                send(phone);
                phone.awaitText("#later .status", "El plazo para responder más tarde ha terminado");
                phone.awaitText("#later .later-ended", "El plazo para responder ha terminado");
                phone.screenshot("catch-up-05-phone-es-ended");
                assertThat(InBrowser.seriousViolations(phone)).as("axe-core once the window has ended").isEmpty();
                assertThat(phone.consoleErrors()).isEmpty();
            }
        }
    }

    private static void setUntil(Chromium laptop, String value) {
        laptop.script("arguments[0].value = arguments[1];", laptop.find("#catch-up input[name=until]"), value);
    }

    private static void next(Chromium phone) {
        phone.findAll("#later .later-nav button").get(1).click();
    }

    private static void back(Chromium phone) {
        phone.findAll("#later .later-nav button").get(0).click();
    }

    private static void tap(Chromium phone, String label) {
        WebElement option = phone.await(d -> d.findElements(By.cssSelector("#later .choice")).stream()
                .filter(e -> Chromium.text(e).trim().equals(label)).findFirst().orElse(null));
        phone.script("arguments[0].scrollIntoView({block: 'center'});", option);
        option.click();
    }

    private static void send(Chromium phone) {
        WebElement button = phone.find("#later .send-row button");
        phone.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }
}
