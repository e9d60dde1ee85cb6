package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A cheap phone on a bad mobile connection (400 ms per request, 50 KB/s each way, as DevTools'
 * "Slow 3G") still joins from the code and gets its vote in: the page is light enough.
 * How long it took is printed; the bound here is only the patience of the test.
 */
@Tag("browser")
class SlowNetworkTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void on_slow_3g_a_phone_joins_and_answers_a_poll_and_the_room_counts_it() {
        try (TestServer server = TestServer.start(); Chromium phone = Chromium.phone()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            WsClient console = room.console();
            room.goTo(1);
            phone.throttle(400, 50);

            long started = System.nanoTime();
            InBrowser.joinFromHome(phone, server, room.code, "Ana");
            double joinedSeconds = (System.nanoTime() - started) / 1e9;
            InBrowser.tapOption(phone, "Everyone");
            InBrowser.pressSend(phone);
            phone.await(Duration.ofSeconds(30), () -> "the answer saved on slow 3G",
                    d -> Chromium.text(d.findElement(org.openqa.selenium.By.cssSelector("#phone .status")))
                            .startsWith("Saved"));
            double answeredSeconds = (System.nanoTime() - started) / 1e9;

            JsonNode results = console.await(m -> m.path("type").asText().equals("results")
                    && m.at("/results/voters").asInt() == 1, Duration.ofSeconds(10));
            assertThat(results.at("/results/options/1/count").asInt()).isEqualTo(1);
            phone.screenshot("slow-3g-answered");
            System.out.printf("slow 3G (400 ms, 50 KB/s): home to live page %.1f s, to a saved answer %.1f s%n",
                    joinedSeconds, answeredSeconds);
            room.close();
        }
    }
}
