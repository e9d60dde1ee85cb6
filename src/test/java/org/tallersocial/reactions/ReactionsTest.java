package org.tallersocial.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.message;
import static org.tallersocial.testing.Conversation.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.Stored;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Reactions from phones: counted once, paced, coalesced for the projector, kept as counts without names. */
class ReactionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        Browser facilitator = Facilitators.first(server);
        room = LiveRoom.draft(server, facilitator, "conversation/en");
        room.act("/live");
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    private static ObjectNode reaction(long step, String key) {
        return message("reaction").put("step", step).put("reaction", key);
    }

    @Test
    void a_burst_from_several_phones_reaches_the_projector_coalesced_and_the_console_counted() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        long step = console.await("state").at("/step/id").asLong();
        List<Phone> phones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            phones.add(room.join("P" + i));
        }
        JsonNode offered = phones.get(0).ws.await("state").at("/reactions/offered");
        assertThat(offered.findValuesAsText("key")).as("the default set has no laughing face")
                .containsExactly("like", "clap", "love", "idea", "wow");
        List<ObjectNode> sent = new ArrayList<>();
        for (Phone p : phones) {
            ObjectNode clap = reaction(step, "clap");
            sent.add(clap);
            p.ws.send(clap);
            p.ws.send(reaction(step, "love"));
        }
        for (int i = 0; i < phones.size(); i++) {
            String id = sent.get(i).get("id").asText();
            JsonNode ack = phones.get(i).ws.await(m -> id.equals(m.path("id").asText()), Duration.ofSeconds(10));
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            assertThat(ack.path("reaction").asText()).isEqualTo("clap");
        }
        JsonNode counted = console.await(m -> m.path("type").asText().equals("reactions")
                && m.at("/reactions/steps/0/total").asInt() == 12, Duration.ofSeconds(10));
        assertThat(counted.at("/reactions/steps/0/step").asLong()).isEqualTo(step);
        assertThat(counted.at("/reactions/steps/0/counts/clap").asInt()).isEqualTo(6);
        assertThat(counted.at("/reactions/steps/0/counts/love").asInt()).isEqualTo(6);

        int claps = 0, bursts = 0;
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (claps < 6 && System.nanoTime() < until) {
            // Each await takes the next burst; the ones that came meanwhile wait their turn.
            JsonNode burst = projector.await(m -> m.path("type").asText().equals("reactionBurst"), Duration.ofSeconds(5));
            bursts++;
            assertThat(burst.path("step").asLong()).isEqualTo(step);
            for (JsonNode r : burst.get("burst")) {
                if (r.path("key").asText().equals("clap")) {
                    claps += r.path("count").asInt();
                    assertThat(r.path("emoji").asText()).isEqualTo("\uD83D\uDC4F");
                }
            }
        }
        assertThat(claps).as("every clap reached the projector").isEqualTo(6);
        assertThat(bursts).as("twelve taps, a few bursts").isLessThan(12);

        ObjectNode again = sent.get(0);
        JsonNode duplicate = send(phones.get(0).ws, again);
        assertThat(duplicate.path("duplicate").asBoolean()).as("a resent reaction is acknowledged").isTrue();
        room.act("/close");
        JsonNode report = report();
        assertThat(report.at("/reactions/0/counts/clap").asInt()).as("and not counted twice").isEqualTo(6);
        assertThat(report.at("/reactions/0/total").asInt()).isEqualTo(12);
        assertThat(report.at("/reactions/0/position").asInt()).isZero();
        assertThat(room.facilitator.get("/facilitate/" + room.id + "/report").body()).contains("How the room reacted");
    }

    @Test
    void a_phone_that_taps_too_fast_is_told_to_wait_in_its_language() {
        Phone ana = room.join("Ana");
        long step = ana.ws.await("state").at("/step/id").asLong();
        for (int i = 0; i < ReactionBoard.PACE; i++) {
            assertThat(send(ana.ws, reaction(step, "like")).path("type").asText()).isEqualTo("ack");
        }
        JsonNode refused = send(ana.ws, reaction(step, "like"));
        assertThat(refused.path("code").asText()).isEqualTo("too_fast");
        assertThat(refused.path("message").asText()).isEqualTo("At most 5 reactions every 5 seconds: wait a moment.");
        Phone bo = room.join("Bo");
        assertThat(send(bo.ws, reaction(step, "like")).path("type").asText())
                .as("another phone is not held back").isEqualTo("ack");
    }

    @Test
    void the_facilitator_chooses_what_phones_offer_and_none_at_all_is_a_choice() {
        Phone ana = room.join("Ana");
        long step = ana.ws.await("state").at("/step/id").asLong();
        room.act("/reactions", "offered", "", "offered", "clap", "offered", "laugh");
        JsonNode update = ana.ws.await(m -> m.path("type").asText().equals("reactions"), Duration.ofSeconds(5));
        assertThat(update.at("/reactions/offered").findValuesAsText("key")).containsExactly("clap", "laugh");
        assertThat(send(ana.ws, reaction(step, "love")).path("code").asText()).isEqualTo("not_offered");
        assertThat(send(ana.ws, reaction(step, "laugh")).path("type").asText()).isEqualTo("ack");
        assertThat(send(ana.ws, reaction(step, "shrug")).path("code").asText()).isEqualTo("invalid_message");

        assertThat(room.actRaw("/reactions", "offered", "", "offered", "shrug").status())
                .as("a reaction outside the palette changes nothing").isEqualTo(409);
        assertThat(room.actRaw("/reactions").status()).as("nor does a post without the field").isEqualTo(409);
        assertThat(room.facilitator.get("/facilitate/" + room.id).body()).contains("value=\"laugh\" checked");

        room.act("/reactions", "offered", "");
        ana.ws.await(m -> m.path("type").asText().equals("reactions") && m.at("/reactions/offered").isEmpty(),
                Duration.ofSeconds(5));
        assertThat(send(ana.ws, reaction(step, "clap")).path("code").asText()).isEqualTo("not_offered");
        ana.reconnect(server.wsUrl(), room.code);
        assertThat(ana.ws.await("state").at("/reactions/offered").isEmpty()).as("and it holds for a new snapshot").isTrue();
    }

    @Test
    void a_reaction_counts_for_the_step_the_room_is_on_and_only_while_it_is_live() {
        Phone ana = room.join("Ana");
        long first = ana.ws.await("state").at("/step/id").asLong();
        room.goTo(1);
        long second = ana.ws.awaitStep(1).at("/step/id").asLong();
        assertThat(send(ana.ws, reaction(first, "clap")).path("code").asText())
                .as("sent as the room moved on: let go").isEqualTo("wrong_step");
        assertThat(send(ana.ws, reaction(second, "clap")).path("type").asText()).isEqualTo("ack");
        ObjectNode noStep = message("reaction").put("reaction", "clap");
        assertThat(send(ana.ws, noStep).path("code").asText()).isEqualTo("invalid_message");
        room.act("/close");
        assertThat(send(ana.ws, reaction(second, "clap")).path("code").asText()).isEqualTo("not_live");
    }

    @Test
    void only_counts_are_stored_and_they_outlive_a_restart() {
        Phone ana = room.join("Ana");
        long step = ana.ws.await("state").at("/step/id").asLong();
        send(ana.ws, reaction(step, "idea"));
        send(ana.ws, reaction(step, "idea"));
        assertThat(Stored.columns(server, "reaction_count")).as("no participant, no time: only counts")
                .containsExactlyInAnyOrder("STEP_ID", "REACTION", "REACTIONS");
        room.close();
        server = server.restart();
        WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + room.id, room.facilitator.cookieHeader());
        try {
            JsonNode state = console.await("state");
            assertThat(state.at("/reactions/steps/0/counts/idea").asInt()).isEqualTo(2);
        } finally {
            console.close();
        }
    }

    private JsonNode report() {
        try {
            return JSON.readTree(room.facilitator.get("/facilitate/" + room.id + "/report/report.json").body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
