package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.DatabaseFault;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A phone with several answers waiting, in front of a server that cannot store them (`not_saved`:
 * its database refuses writes) and then turns them away (`busy`: the phone's own rate limit is
 * spent): it sends each waiting answer again at most once per pause of its one retry timer, never a
 * flood, says what each is doing, and every answer is stored once the fault ends.
 */
class RetryStormTest {

    private static final List<String> NETWORKS = List.of("LinkedIn", "Instagram", "TikTok");
    /** Each of the three answers: once when made, then once per pause of the timer (2 s, 4 s, 8 s, ...). */
    private static final int AT_MOST_SENT = NETWORKS.size() * 8;

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void waiting_answers_are_resent_at_most_once_a_pause_through_not_saved_and_busy_and_all_are_stored()
            throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, "profiles/en");
            room.act("/live");
            room.goTo(1);
            InBrowser.joinByLink(phone, server, room.code, "Marisa");
            phone.awaitText("#phone .network-name", "LinkedIn");
            phone.script("window.__sent = 0; var send = WebSocket.prototype.send;"
                    + "WebSocket.prototype.send = function (d) {"
                    + "  if (String(d).indexOf('\"type\":\"profile\"') >= 0) { window.__sent++; }"
                    + "  return send.call(this, d); };");

            ScheduledExecutorService flood = Executors.newSingleThreadScheduledExecutor();
            WsClient sameParticipant = null;
            try {
                try (DatabaseFault fault = DatabaseFault.refuseWrites(server, "profile_answer")) {
                    for (int i = 0; i < NETWORKS.size(); i++) {
                        phone.awaitText("#phone .network-name", NETWORKS.get(i));
                        InBrowser.tapOption(phone, "Rather not say");
                        phone.awaitText("#phone .status", "Not saved yet: the server could not store it");
                        phone.find("#phone .profile-nav button:not(.secondary)").click();
                    }
                    Thread.sleep(6_000);

                    // The same person's second connection spends their rate limit and keeps it spent.
                    Cookie cookie = phone.driver().manage().getCookieNamed("ts_p" + room.id);
                    sameParticipant = WsClient.connect(server.wsUrl() + "/ws/phone/" + room.code,
                            cookie.getName() + "=" + cookie.getValue());
                    WsClient spender = sameParticipant;
                    for (int i = 0; i < 100; i++) {
                        spender.send("{\"type\":\"ping\"}");
                    }
                    flood.scheduleAtFixedRate(() -> spender.send("{\"type\":\"ping\"}"), 0, 40, TimeUnit.MILLISECONDS);
                }
                Thread.sleep(6_000);
            } finally {
                flood.shutdownNow();
                flood.awaitTermination(5, TimeUnit.SECONDS);
                if (sameParticipant != null) {
                    sameParticipant.close();
                }
            }

            WsClient console = room.console();
            console.await(m -> m.has("picture") && answeredEvery(m.get("picture")), Duration.ofSeconds(45));
            long sent = ((Number) phone.script("return window.__sent;")).longValue();
            System.out.printf("three answers through 12 s of faults: %d sends%n", sent);
            assertThat(sent).as("sends of three waiting answers while the server could not take them")
                    .isLessThanOrEqualTo(AT_MOST_SENT);
            phone.find("#phone .summary-tab").click();
            phone.awaitText("#phone .profile-summary", "Rather not say");
            assertThat(Chromium.text(phone.find("#phone .profile-summary"))).doesNotContain("Not sent yet");
            assertThat(phone.consoleErrors()).isEmpty();
        }
    }

    private static boolean answeredEvery(JsonNode picture) {
        for (int i = 0; i < NETWORKS.size(); i++) {
            if (picture.at("/networks/" + i + "/answered").asInt() != 1) {
                return false;
            }
        }
        return true;
    }
}
