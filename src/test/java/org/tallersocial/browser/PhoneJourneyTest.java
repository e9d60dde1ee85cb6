package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** A participant's phone, the projector and the console, each in a real Chromium against the real server. */
class PhoneJourneyTest {

    private TestServer server;
    private Browser facilitator;

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @BeforeEach
    void start() {
        server = TestServer.start();
        facilitator = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_phone_joins_with_the_code_answers_and_the_projector_shows_the_result() {
        LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en");
        try (room; Chromium console = Chromium.console(); Chromium projector = Chromium.projector();
             Chromium phone = Chromium.phone()) {
            InBrowser.logIn(console, server);
            InBrowser.openConsole(console, server, room.id);
            console.find("#go-live").click();
            console.awaitText("#state-badge", "live");

            InBrowser.openProjector(projector, server, room);
            assertThat(projector.find(".big-code").getText()).isEqualTo(room.code);
            assertThat(projector.find(".qr img").getDomProperty("naturalWidth")).as("the QR code loads").isNotEqualTo("0");

            InBrowser.joinFromHome(phone, server, room.code, "Ana");
            phone.awaitText("#phone h1", "Welcome");
            projector.awaitText("#joined", "1");
            console.awaitText("#connected", "1");

            console.awaitVisible("#agenda li[data-index='1'] button").click();
            InBrowser.awaitPhoneStep(phone, 1);
            phone.awaitText("#phone .question", "Who should speak for us?");
            InBrowser.tapOption(phone, "Everyone");
            InBrowser.pressSend(phone);
            assertThat(phone.awaitText("#phone .status", "Saved").getDomAttribute("class")).contains("ok");

            InBrowser.awaitProjectorStep(projector, 1);
            // The results are drawn anew with every update, so look the row up afresh each time.
            projector.await(d -> d.findElements(By.cssSelector("#stage .bars li")).stream()
                    .map(Chromium::text).anyMatch(row -> row.contains("Everyone") && row.contains("1 · 100%")));
            projector.awaitText("#stage", "1 answer");
            console.awaitText("#answered", "1");
            console.awaitText("#results", "Everyone");
            assertThat(phone.scrollsSideways()).as("the phone page fits its width").isFalse();
            for (Chromium screen : java.util.List.of(console, projector, phone)) {
                assertThat(screen.consoleErrors()).as("script errors and refused content on the %s", screen.size())
                        .isEmpty();
            }
        }
    }

    @Test
    void a_phone_comes_back_by_itself_after_the_server_restarts_with_its_answer_still_shown() {
        LiveRoom room = LiveRoom.live(server, facilitator);
        try (room; Chromium phone = Chromium.phone()) {
            InBrowser.joinByLink(phone, server, room.code, "Bo");
            room.goTo(2);
            InBrowser.awaitPhoneStep(phone, 2);
            InBrowser.tapOption(phone, "Instagram");
            InBrowser.tapOption(phone, "YouTube");
            InBrowser.pressSend(phone);
            phone.awaitText("#phone .status", "Saved");

            phone.script("window.connSeen = [];"
                    + "new MutationObserver(function () { window.connSeen.push(document.getElementById('conn').className); })"
                    + ".observe(document.getElementById('conn'), { attributes: true, childList: true });");

            server = server.restart();

            phone.await(Duration.ofSeconds(30), d -> String.valueOf(phone.script("return window.connSeen.join(' ');"))
                    .contains("reconnecting") && phone.find("#conn").getDomAttribute("class").contains("connected")
                    && Chromium.text(phone.find("#conn")).equals("Connected"));
            assertChecked(phone, "Instagram", "YouTube");

            // The room moves on and back: the phone follows, and draws its saved answer from the server.
            room.goTo(3);
            InBrowser.awaitPhoneStep(phone, 3);
            room.goTo(2);
            InBrowser.awaitPhoneStep(phone, 2);
            phone.awaitText("#phone .status", "Your answer is saved");
            assertChecked(phone, "Instagram", "YouTube");
            assertThat(phone.find(".send-row button").getText()).isEqualTo("Change my answer");
        }
    }

    @Test
    void what_a_phone_says_of_its_connection_and_of_its_answer_is_true_when_the_wifi_blinks_and_when_it_goes() {
        LiveRoom room = LiveRoom.live(server, facilitator);
        try (room; Chromium phone = Chromium.phone()) {
            InBrowser.joinByLink(phone, server, room.code, "Cai");
            room.goTo(1);
            InBrowser.awaitPhoneStep(phone, 1);

            // The browser says the network went and came back, but the socket lived through it.
            phone.script("window.dispatchEvent(new Event('offline'));");
            InBrowser.tapOption(phone, "Everyone");
            InBrowser.pressSend(phone);
            phone.awaitText("#phone .status", "Saved");
            phone.script("window.dispatchEvent(new Event('online'));");
            phone.await(Duration.ofSeconds(10), d -> Chromium.text(phone.find("#conn")).equals("Connected"));
            try {
                Thread.sleep(6_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(Chromium.text(phone.find("#conn"))).as("still true seconds later").isEqualTo("Connected");

            // The server goes: an answer made meanwhile says it waits, and goes once it is back.
            server = server.restart(() -> {
                phone.await(Duration.ofSeconds(15), d -> !Chromium.text(phone.find("#conn")).equals("Connected"));
                InBrowser.tapOption(phone, "Nobody");
                InBrowser.pressSend(phone);
                phone.awaitText("#phone .status", "Not sent yet");
            });
            phone.awaitText("#phone .status", "Saved");
            assertThat(Chromium.text(phone.find("#conn"))).isEqualTo("Connected");
            assertThat(phone.consoleErrors()).as("the browser's own word on the refused connections aside")
                    .allMatch(e -> e.contains("ERR_CONNECTION_REFUSED"));
        }
    }

    private static void assertChecked(Chromium phone, String... labels) {
        for (WebElement choice : phone.findAll("#phone .choice")) {
            boolean expected = java.util.Arrays.asList(labels).contains(Chromium.text(choice).trim());
            assertThat(choice.findElement(By.tagName("input")).isSelected())
                    .as("%s is %s", choice.getText(), expected ? "ticked" : "not ticked").isEqualTo(expected);
        }
    }
}
