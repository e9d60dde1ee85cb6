package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/**
 * A word on the offensive-word list, typed into a word cloud on a phone: the phone says it waits, the
 * projector leaves it out, the console lists it, and once the facilitator approves it in the browser
 * the projector shows it. In English and, with the phone and the console switched to it, in Spanish, with screenshots of the phone and the console.
 */
class WordFilterBrowserTest {

    private static final int CLOUD = 4;

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_caught_word_waits_on_the_console_and_reaches_the_projector_once_approved_in_english() throws Exception {
        journey("en", "It waits for the facilitator’s approval", "Waiting for your approval", "Approve",
                "Use letters, digits, spaces");
    }

    @Test
    void and_in_spanish() throws Exception {
        journey("es", "Espera la aprobación de quien facilita", "Esperan tu aprobación", "Aprobar", "Usa solo letras");
    }

    private void journey(String lang, String phoneSays, String consoleSays, String approve, String badWord)
            throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.open(Chromium.Size.LAPTOP);
             Chromium phone = Chromium.phone(); Chromium projector = Chromium.projector()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en")) {
                room.act("/live");
                room.goTo(CLOUD);
                InBrowser.openProjector(projector, server, room);
                InBrowser.awaitProjectorStep(projector, CLOUD);

                InBrowser.joinByLink(phone, server, room.code, "Ana");
                if (!lang.equals("en")) {
                    // The person picks their language on the phone, as the EN / ES switch lets them.
                    InBrowser.switchLanguage(phone, lang);
                    InBrowser.awaitConnected(phone);
                }
                InBrowser.awaitPhoneStep(phone, CLOUD);
                var words = phone.findAll("#phone input[type=text]");
                words.get(0).sendKeys("equipo");
                words.get(1).sendKeys("Gilipollas");
                InBrowser.pressSend(phone);
                phone.awaitText("#phone .status", phoneSays);
                phone.screenshot("word-filter-" + lang + "-01-phone-waits");

                long step = room.console().awaitStep(CLOUD).at("/step/id").asLong();
                room.poll(step, "reveal");
                // A colleague's clean word is on the cloud; Ana's answer waits whole, her clean word with it.
                room.join("Bo").answerAndWait(step, java.util.List.of("equipo"));
                projector.awaitText(".cloud", "equipo");
                assertThat(Chromium.text(projector.find(".cloud")).toLowerCase()).doesNotContain("gilipollas");

                InBrowser.logIn(laptop, server);
                if (!laptop.find("html").getDomAttribute("lang").equals(lang)) {
                    InBrowser.switchLanguage(laptop, lang);
                }
                InBrowser.openConsole(laptop, server, room.id);
                laptop.awaitText("#waiting-card h3", consoleSays);
                WebElement item = laptop.awaitText("#waiting-card .waiting-item", "Gilipollas");
                laptop.script("arguments[0].scrollIntoView({block: 'center'});", laptop.find("#waiting-card"));
                laptop.screenshot("word-filter-" + lang + "-02-console-waiting");
                assertThat(InBrowser.seriousViolations(laptop)).as("axe-core on the console with something waiting").isEmpty();
                assertThat(laptop.consoleErrors()).isEmpty();

                item.findElements(By.tagName("button")).stream().filter(b -> Chromium.text(b).equals(approve))
                        .findFirst().orElseThrow().click();
                projector.await(Duration.ofSeconds(10), () -> "the approved word on the projector",
                        d -> Chromium.text(d.findElement(By.cssSelector(".cloud"))).toLowerCase().contains("gilipollas"));
                laptop.await(Duration.ofSeconds(10), () -> "nothing waiting",
                        d -> d.findElements(By.cssSelector("#waiting-card .waiting-item")).isEmpty());
                projector.screenshot("word-filter-" + lang + "-03-projector-approved");

                // The settings: a word of the workshop's own, and a bad one refused in the person's language.
                laptop.find(".console-side > details.card summary").click();
                WebElement add = laptop.findAll("#word-filter .word-form").get(0);
                add.findElement(By.name("word")).sendKeys("<b>");
                add.findElement(By.cssSelector("button[type=submit]")).click();
                laptop.awaitText("#toast", badWord);
                add.findElement(By.name("word")).clear();
                add.findElement(By.name("word")).sendKeys("Pelota");
                add.findElement(By.cssSelector("button[type=submit]")).click();
                laptop.awaitText("#word-filter .added-words", "Pelota");
                WebElement remove = laptop.findAll("#word-filter .word-form").get(1);
                remove.findElement(By.name("word")).sendKeys("culo");
                remove.findElement(By.cssSelector("button[type=submit]")).click();
                laptop.awaitText("#word-filter .removed-words", "culo");
                laptop.script("arguments[0].scrollIntoView({block: 'center'});", laptop.find("#word-filter"));
                laptop.screenshot("word-filter-" + lang + "-04-console-settings");
                assertThat(InBrowser.seriousViolations(laptop)).as("axe-core on the filter's settings").isEmpty();
            }
        }
    }
}
