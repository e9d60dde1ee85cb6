package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DelayingProxy;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveWorkshop;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.RawPhone;
import org.tallersocial.testing.WsClient;

/**
 * One bad phone must not cost the room anything: the server never waits for a socket, keeps
 * at most a bounded queue for each, and cuts off one that falls too far behind.
 */
class SlowPhonesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int STEP_CHANGES = 300;
    private static final int HELLOS = 20_000;

    @RegisterExtension
    final LiveWorkshop live = new LiveWorkshop();

    @Test
    void a_phone_that_never_reads_is_cut_off_and_gets_a_fresh_snapshot_when_it_comes_back() {
        Browser stuck = joined("Stuck");
        RawPhone deaf = RawPhone.connect(live.server.baseUrl(), "/ws/phone/" + live.room.code, stuck.cookieHeader(),
                2_048);
        List<Phone> phones = List.of(live.room.join("Ana"), live.room.join("Bo"), live.room.join("Cy"));
        WsClient projector = live.room.projector();

        // Each "hello" asks for one more snapshot, and each step change sends every screen one: far
        // more than the kernel's buffers and the 256 the server queues for a socket that never reads.
        deaf.send("{\"type\":\"hello\"}", HELLOS);
        for (int i = 0; i < STEP_CHANGES; i++) {
            live.room.goTo(i % 2);
        }
        live.room.goTo(1);
        long step = phones.get(0).ws.awaitStep(1).at("/step/id").asLong();
        phones.forEach(p -> assertThat(p.answerAndWait(step, 1).path("type").asText()).isEqualTo("ack"));
        projector.await(m -> m.path("type").asText().equals("results") && m.at("/results/voters").asInt() == 3, WAIT);

        RawPhone.Received backlog = deaf.readAll(3_000);
        assertThat(backlog.closeCode()).as("cut off as too far behind, after %d messages", backlog.texts().size())
                .isIn(1013, RawPhone.DROPPED);
        assertThat(backlog.texts().size()).as("the server stopped working for it once it fell behind")
                .isLessThan(HELLOS / 4);
        deaf.close();

        WsClient back = WsClient.connect(live.server.wsUrl() + "/ws/phone/" + live.room.code, stuck.cookieHeader());
        JsonNode fresh = back.await("state");
        assertThat(fresh.at("/step/index").asInt()).isEqualTo(1);
        assertThat(fresh.at("/step/pollState").asText()).isEqualTo("open");
        back.close();
    }

    @Test
    void a_phone_that_goes_silent_in_the_middle_of_a_message_holds_up_nobody_and_stores_nothing() {
        live.room.goTo(1);
        Browser halfway = joined("Halfway");
        RawPhone silent = RawPhone.connect(live.server.baseUrl(), "/ws/phone/" + live.room.code,
                halfway.cookieHeader(), 65_536);
        List<Phone> phones = List.of(live.room.join("Ana"), live.room.join("Bo"));
        WsClient projector = live.room.projector();
        WsClient console = live.room.console();
        long step = phones.get(0).ws.awaitStep(1).at("/step/id").asLong();

        silent.sendHalfAMessage("{\"type\":\"answer\",\"id\":\"h1\",\"step\":" + step + ",\"seq\":1,\"value\":", 200);

        phones.forEach(p -> assertThat(p.answerAndWait(step, 0).path("type").asText()).isEqualTo("ack"));
        projector.await(m -> m.path("type").asText().equals("results") && m.at("/results/voters").asInt() == 2, WAIT);
        live.room.goTo(2);
        phones.forEach(p -> p.ws.awaitStep(2));
        console.awaitStep(2);
        silent.close();

        live.room.goTo(1);
        WsClient again = WsClient.connect(live.server.wsUrl() + "/ws/phone/" + live.room.code, halfway.cookieHeader());
        JsonNode mine = again.await("state").at("/mine");
        assertThat(mine.isMissingNode() || mine.isNull()).as("the half-sent answer was never stored: %s", mine)
                .isTrue();
        again.close();
    }

    @Test
    void a_phone_two_seconds_away_gets_its_answer_in_while_the_nearby_phones_are_not_held_back() {
        live.room.goTo(1);
        Browser far = joined("Far");
        try (DelayingProxy twoSeconds = DelayingProxy.to(live.server.baseUrl(), 1_000)) {
            String farUrl = twoSeconds.baseUrl().replace("http", "ws") + "/ws/phone/" + live.room.code;
            WsClient farWs = WsClient.connect(farUrl, far.cookieHeader(), twoSeconds.baseUrl());
            List<Phone> near = List.of(live.room.join("Ana"), live.room.join("Bo"), live.room.join("Cy"));
            WsClient projector = live.room.projector();
            long step = farWs.awaitStep(1).at("/step/id").asLong();

            farWs.send("{\"type\":\"answer\",\"id\":\"far1\",\"step\":" + step + ",\"seq\":1,\"value\":2}");
            near.forEach(p -> p.answerAndWait(step, 1));
            projector.await(m -> m.path("type").asText().equals("results")
                    && m.at("/results/voters").asInt() == 3, WAIT);
            assertThat(farWs.transcript()).as("the far phone's answer is still on its way")
                    .doesNotContain("\"id\":\"far1\"");

            JsonNode ack = farWs.await(m -> "far1".equals(m.path("id").asText()), WAIT);
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            JsonNode results = projector.await(m -> m.path("type").asText().equals("results")
                    && m.at("/results/voters").asInt() == 4, WAIT);
            assertThat(results.at("/results/options/2/count").asInt()).isEqualTo(1);
            farWs.close();
        }
    }

    private Browser joined(String name) {
        Browser browser = live.server.browser();
        browser.get("/j/" + live.room.code);
        assertThat(browser.post("/j/" + live.room.code, "name", name).status()).isEqualTo(303);
        return browser;
    }
}
