package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A phone whose network strips the WebSocket upgrade, in a real Chromium: its
 * WebSocket never opens, so it falls back by itself to the event stream and
 * posts, and the room runs a poll through it as through a socket.
 */
class FallbackJourneyTest {

    /** A WebSocket as a proxy that strips the upgrade leaves it: it fails before it ever opens. */
    private static final String NO_WEBSOCKETS = "(function () {"
            + "function Stripped() { var s = this; s.readyState = 0;"
            + "  setTimeout(function () { s.readyState = 3; if (s.onerror) { s.onerror({}); }"
            + "    if (s.onclose) { s.onclose({ code: 1006 }); } }, 30); }"
            + "Stripped.prototype.send = function () { throw new Error('not open'); };"
            + "Stripped.prototype.close = function () { this.readyState = 3; };"
            + "window.WebSocket = Stripped; window.stripped = true; })();";

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
    void a_phone_without_websockets_answers_a_poll_through_the_fallback_and_an_answer_made_offline_arrives() {
        LiveRoom room = LiveRoom.live(server, facilitator);
        try (room; Chromium console = Chromium.console(); Chromium projector = Chromium.projector();
             Chromium phone = Chromium.phone()) {
            ((ChromeDriver) phone.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", NO_WEBSOCKETS));
            InBrowser.logIn(console, server);
            InBrowser.openConsole(console, server, room.id);
            InBrowser.openProjector(projector, server, room);

            InBrowser.joinByLink(phone, server, room.code, "Ana");
            assertThat(phone.script("return window.stripped === true;")).as("the phone has no WebSocket").isEqualTo(true);
            console.awaitText("#connected", "1");
            console.awaitText("#fallback", "1 on the fallback");
            assertThat(console.find("#fallback").isDisplayed()).isTrue();

            room.goTo(1);
            InBrowser.awaitPhoneStep(phone, 1);
            InBrowser.tapOption(phone, "Everyone");
            InBrowser.pressSend(phone);
            assertThat(phone.awaitText("#phone .status", "Saved").getDomAttribute("class")).contains("ok");
            InBrowser.awaitProjectorStep(projector, 1);
            awaitBar(projector, "Everyone", "1 · 100%");
            projector.awaitText("#stage", "1 answer");
            console.awaitText("#answered", "1");
            assertThat(phone.consoleErrors()).as("nothing refused on the phone: the stream and posts are ours").isEmpty();

            // The stream goes down with the server; an answer changed meanwhile waits on the phone.
            server = server.restart(() -> {
                phone.await(Duration.ofSeconds(10), () -> "the phone sees it is cut off",
                        d -> !d.findElement(By.id("conn")).getDomAttribute("class").contains(" connected"));
                InBrowser.tapOption(phone, "Nobody");
                InBrowser.pressSend(phone);
                phone.awaitText("#phone .status", "Not sent yet");
            });

            phone.await(Duration.ofSeconds(30), () -> "the saved answer after the restart",
                    d -> Chromium.text(d.findElement(By.cssSelector("#phone .status"))).startsWith("Saved"));
            awaitBar(projector, "Nobody", "1 · 100%");
            projector.awaitText("#stage", "1 answer");
            console.awaitText("#answered", "1");
            console.awaitText("#fallback", "1 on the fallback");
            try (WsClient tally = WsClient.connect(server.wsUrl() + "/ws/console/" + room.id, facilitator.cookieHeader())) {
                assertThat(tally.await("state").at("/results/voters").asInt())
                        .as("the changed answer replaced the first, once").isEqualTo(1);
            }
        }
    }

    private static void awaitBar(Chromium projector, String label, String count) {
        // The results are drawn anew with every update, so look the row up afresh each time.
        projector.await(Duration.ofSeconds(15), () -> label + " at " + count,
                d -> d.findElements(By.cssSelector("#stage .bars li")).stream()
                        .map(Chromium::text).anyMatch(row -> row.contains(label) && row.contains(count)));
    }
}
