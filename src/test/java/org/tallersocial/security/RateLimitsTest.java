package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveWorkshop;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.WsClient;

/**
 * A script on one phone or one address cannot flood the room, and a real room never meets the
 * limits: what is turned away is told to wait, and a phone keeps what it sent and sends it later.
 */
class RateLimitsTest {

    @RegisterExtension
    final LiveWorkshop live = new LiveWorkshop();

    @Test
    void a_phone_that_floods_answers_is_told_to_wait_and_its_last_acknowledged_answer_is_the_one_counted() {
        Phone flood = live.room.join("Flood");
        WsClient console = live.room.console();
        live.room.goTo(3);
        long step = flood.ws.awaitStep(3).at("/step/id").asLong();

        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            ids.add(flood.answer(step, 1 + i % 5, i));
        }
        int acked = 0;
        int lastAcked = 0;
        int told = 0;
        for (int i = 0; i < ids.size(); i++) {
            JsonNode reply = flood.reply(ids.get(i));
            if (reply.path("type").asText().equals("ack")) {
                acked++;
                lastAcked = reply.path("value").asInt();
            } else {
                assertThat(reply.path("code").asText()).isEqualTo("busy");
                assertThat(reply.path("message").asText()).contains("faster than the server takes answers");
                told++;
            }
        }
        assertThat(acked).as("a burst of 60 goes through").isBetween(60, 80);
        assertThat(told).isEqualTo(200 - acked);
        console.await(m -> m.path("type").asText().equals("results") && m.at("/results/voters").asInt() == 1,
                Duration.ofSeconds(5));
        flood.reconnect(live.server.wsUrl(), live.room.code);
        assertThat(flood.ws.await("state").at("/mine/value").asInt()).as("the last acknowledged answer stands")
                .isEqualTo(lastAcked);

        // The phone resends once the pace allows, as its script does after a "busy".
        JsonNode later = awaitAck(flood, step, 4, 1_000);
        assertThat(later.path("value").asInt()).isEqualTo(4);
    }

    @Test
    void joining_from_one_address_is_limited_and_the_one_turned_away_is_told_to_wait_and_not_counted() {
        WsClient console = live.room.console();
        int joined = 0;
        Browser.Response refused = null;
        for (int i = 0; i < 1_000 && refused == null; i++) {
            Browser phone = live.server.browser();
            phone.get("/j/" + live.room.code);
            Browser.Response r = phone.post("/j/" + live.room.code, "name", "P" + i);
            if (r.status() == 303) {
                joined++;
            } else {
                refused = r;
            }
        }
        assertThat(refused).as("the limit was met").isNotNull();
        assertThat(joined).as("a room of 300 joins at once").isGreaterThanOrEqualTo(300).isLessThan(1_000);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Many people have just joined from this network");
        assertThat(refused.setCookies()).noneMatch(c -> c.startsWith("ts_p"));
        int count = joined;
        console.await(m -> m.at("/presence/joined").asInt() == count, Duration.ofSeconds(5));
    }

    @Test
    void guessing_codes_from_one_address_stops_even_the_right_code_for_a_while() {
        Browser guesser = live.server.browser();
        int wrong = 0;
        for (String code : List.of("AAAAAA", "BBBBBB", "CCCCCC")) {
            for (int i = 0; i < 10; i++) {
                assertThat(guesser.get("/j/" + code.substring(0, 5) + (char) ('A' + i)).status()).isEqualTo(404);
                wrong++;
            }
        }
        assertThat(wrong).isEqualTo(30);
        Browser.Response blocked = guesser.get("/j/" + live.room.code);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body()).contains("Many wrong codes were typed from this network");
    }

    private static JsonNode awaitAck(Phone phone, long step, int value, long seq) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode reply = phone.reply(phone.answer(step, value, seq++));
            if (reply.path("type").asText().equals("ack")) {
                return reply;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the phone was never let through again");
    }
}
