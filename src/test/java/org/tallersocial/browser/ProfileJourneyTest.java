package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.ProfileAnswers.answer;
import static org.tallersocial.testing.ProfileAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A person goes through the profile-linking exercise on a 390-px phone, network
 * by network; the projector and the console show the room's counts as they come.
 */
class ProfileJourneyTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_phone_answers_network_by_network_and_the_projector_shows_the_room() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium phone = Chromium.phone();
             Chromium projector = Chromium.projector(); Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, "profiles/en");
            try (room) {
                room.act("/live");
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                InBrowser.openProjector(projector, server, room);
                InBrowser.joinByLink(phone, server, room.code, "Marisa");
                List<Phone> others = new ArrayList<>();
                for (String name : List.of("Ana", "Bo", "Cai", "Dee")) {
                    others.add(room.join(name));
                }
                WsClient console = room.console();
                room.goTo(1);
                long step = console.awaitStep(1).at("/step/id").asLong();
                InBrowser.awaitPhoneStep(phone, 1);
                phone.awaitText("#phone .network-name", "LinkedIn");
                phone.screenshot("profiles-01-phone-start");
                assertThat(phone.scrollsSideways()).isFalse();

                InBrowser.tapOption(phone, "Yes");
                InBrowser.tapOption(phone, "Share the company's posts");
                InBrowser.tapOption(phone, "Lack of time");
                InBrowser.tapOption(phone, "Training");
                phone.awaitText("#phone .status", "Saved");
                phone.fullPageScreenshot("profiles-02-phone-linkedin");
                assertThat(phone.scrollsSideways()).isFalse();

                phone.find("#phone .profile-nav button:not(.secondary)").click();
                phone.awaitText("#phone .network-name", "Instagram");
                InBrowser.tapOption(phone, "Something else");
                phone.awaitVisible("#phone .other-text").sendKeys("My ex follows the shop");
                InBrowser.tapOption(phone, "No");
                phone.awaitText("#phone .status", "Saved");
                phone.screenshot("profiles-03-phone-instagram");

                // The phone comes back after a reload to where the person was, with the answer kept.
                phone.driver().navigate().refresh();
                InBrowser.awaitConnected(phone);
                phone.awaitText("#phone .network-name", "Instagram");
                assertThat(phone.find("#phone .other-text").getDomProperty("value")).isEqualTo("My ex follows the shop");

                for (Phone p : others) {
                    send(p.ws, step, "LinkedIn", answer("yes", 3, List.of("time"), List.of("training")));
                    send(p.ws, step, "Instagram", answer("no", null, List.of(), List.of()));
                }
                projector.awaitText("#stage", "5 people answered");
                projector.screenshot("profiles-04-projector");
                projector.await(Duration.ofSeconds(5), d -> d.findElements(By.cssSelector("#stage .stack .seg-l3")).size() == 1);
                assertThat(Chromium.text(projector.find("#stage .stack .seg-l3"))).isEqualTo("5");
                assertThat(Chromium.text(projector.find("#stage"))).contains("Lack of time").contains("Training")
                        .doesNotContain("Marisa").doesNotContain("My ex follows");
                projector.screenshot("profiles-04-projector");
                laptop.awaitText("#results", "5 people answered");
                laptop.screenshot("profiles-05-console");
                assertThat(Chromium.text(laptop.find("#results"))).doesNotContain("Marisa");

                phone.find("#phone .summary-tab").click();
                phone.awaitText("#phone h2", "All your networks");
                phone.screenshot("profiles-06-phone-summary");
                room.poll(step, "close");
                phone.awaitText("#phone h2", "The exercise is closed");
                phone.screenshot("profiles-07-phone-closed");
                assertThat(Chromium.text(phone.find("#phone .profile-summary"))).contains("Share the company's posts");
                for (Chromium screen : List.of(phone, projector, laptop)) {
                    assertThat(screen.consoleErrors()).as("script errors on %s", screen.size()).isEmpty();
                }
            }
        }
    }

    @Test
    void an_answer_the_server_never_acknowledged_is_sent_again_after_a_reconnect() {
        TestServer server = TestServer.start(TestServer.TEST_CONTENT);
        try (Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, "profiles/en");
            room.act("/live");
            room.goTo(1);
            InBrowser.joinByLink(phone, server, room.code, "Marisa");
            phone.awaitText("#phone .network-name", "LinkedIn");

            // The message leaves the page but is lost on the way, as on a Wi-Fi that drops.
            phone.script("window.__lose = true; WebSocket.prototype.__send = WebSocket.prototype.send;"
                    + "WebSocket.prototype.send = function (d) { if (!window.__lose) { this.__send(d); } };");
            InBrowser.tapOption(phone, "Rather not say");
            phone.awaitText("#phone .status", "Sending");
            phone.script("window.__lose = false;");
            server = server.restart();
            InBrowser.awaitConnected(phone);
            phone.awaitText("#phone .status", "Saved");

            WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + room.id, facilitator.cookieHeader());
            JsonNode state = console.await("state");
            assertThat(state.at("/picture/networks/0/answered").asInt()).isEqualTo(1);
            console.close();
        } finally {
            server.close();
        }
    }
}
