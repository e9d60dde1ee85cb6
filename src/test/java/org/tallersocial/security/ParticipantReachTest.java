package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** A participant's phone, however it is tampered with, stays a phone of its own workshop. */
class ParticipantReachTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private Browser marta;
    private LiveRoom room;
    private LiveRoom other;

    @BeforeEach
    void start() {
        server = TestServer.start();
        marta = Facilitators.first(server);
        room = LiveRoom.live(server, marta);
        other = LiveRoom.live(server, marta);
    }

    @AfterEach
    void stop() {
        room.close();
        other.close();
        server.close();
    }

    @Test
    void a_participant_reaches_no_console_or_report_route_whatever_ids_it_sends() {
        Phone ana = room.join("Ana");
        long step = ana.ws.awaitStep(0).at("/step/id").asLong();
        List<String> routes = server.app().routes().stream()
                .filter(r -> r.contains(" /facilitate") || r.contains(" /r/") || r.contains(" /admin/"))
                .toList();
        assertThat(routes).hasSizeGreaterThan(20);
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            for (long id : new long[] {room.id, other.id, 0, -1, 999_999}) {
                String path = route.substring(method.length() + 1).replace("{id}", String.valueOf(id))
                        .replace("{stepId}", String.valueOf(step)).replace("{token}", "A".repeat(43))
                        .replace("{file}", "report.json").replaceAll("\\{[a-zA-Z]+}", "1");
                Browser.Response r = method.equals("GET") ? ana.browser.get(path + "?a=" + room.id + "&b=" + other.id)
                        : ana.browser.post(path, "to", "1", "action", "close", "name", "x");
                assertThat(r.status()).as("%s %s by a phone", method, path).isIn(302, 401, 403, 404);
                if (r.status() == 302) {
                    assertThat(r.location()).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
                }
                assertThat(r.body()).doesNotContain(room.code);
            }
        }
        assertThat(marta.get("/facilitate/" + room.id).status()).isEqualTo(200);
        assertThat(room.console().await("state").at("/step/index").asInt()).as("nothing moved").isZero();
    }

    @Test
    void a_phone_sending_another_workshops_step_ids_is_refused_and_stores_nothing() {
        room.goTo(1);
        other.goTo(1);
        Phone ana = room.join("Ana");
        Phone bea = other.join("Bea");
        long otherStep = bea.ws.awaitStep(1).at("/step/id").asLong();
        ana.ws.awaitStep(1);
        for (String type : List.of("answer", "profile", "raci.propose")) {
            ObjectNode msg = JSON.createObjectNode().put("type", type).put("id", "x-" + type).put("step", otherStep)
                    .put("seq", 1).put("value", 0).put("network", "LinkedIn").put("activity", 1).put("accountable", 1);
            ana.ws.send(msg);
            JsonNode reply = ana.ws.await(m -> ("x-" + type).equals(m.path("id").asText()), Duration.ofSeconds(5));
            assertThat(reply.path("type").asText()).as(type).isEqualTo("error");
        }
        WsClient console = other.console();
        assertThat(console.await("state").at("/results/voters").asInt()).as("the other room counts nobody").isZero();
        assertThat(bea.answerAndWait(otherStep, 1).path("type").asText()).isEqualTo("ack");
    }
}
