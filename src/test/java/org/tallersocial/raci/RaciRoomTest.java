package org.tallersocial.raci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Phones propose over real sockets; the projector and the console see how the room's proposals spread. */
class RaciRoomTest {

    private TestServer server;
    private RaciRoom raci;

    @BeforeEach
    void start() {
        server = TestServer.start();
        raci = RaciRoom.start(server);
    }

    @AfterEach
    void stop() {
        raci.close();
        server.close();
    }

    @Test
    void the_RACI_step_opens_with_the_template_roles_and_activities_and_nothing_open_to_phones() {
        JsonNode picture = raci.consolePicture();

        assertThat(picture.path("roles").findValuesAsText("name"))
                .containsExactly("Owner", "Community manager", "Every employee");
        assertThat(picture.path("activities").findValuesAsText("name"))
                .containsExactly("Publish content", "Answer customers", "Measure results");
        assertThat(picture.path("activities").findValues("open")).allMatch(o -> !o.asBoolean());
        raci.console.send("{\"type\":\"hello\"}");
        assertThat(raci.console.awaitStep(1).at("/step/pollState").asText()).as("the round opens on arrival").isEqualTo("open");
    }

    @Test
    void several_phones_propose_and_the_projector_shows_the_spread_with_disagreement_and_gaps() {
        WsClient projector = raci.room.projector();
        Phone ana = raci.room.join("Ana");
        Phone ben = raci.room.join("Ben");
        Phone cris = raci.room.join("Cris");
        raci.openAll();
        long owner = raci.role("Owner");
        long cm = raci.role("Community manager");
        long everyone = raci.role("Every employee");
        long publish = raci.activity("Publish content");
        long answer = raci.activity("Answer customers");
        long measure = raci.activity("Measure results");

        assertThat(RaciRoom.propose(ana, raci.step, publish, owner, List.of(cm), 1).path("type").asText()).isEqualTo("ack");
        RaciRoom.propose(ben, raci.step, publish, owner, List.of(cm, everyone), 1);
        RaciRoom.propose(cris, raci.step, publish, cm, List.of(cm), 1);
        // Answering customers: one vote each for A, so the room disagrees.
        RaciRoom.propose(ana, raci.step, answer, owner, List.of(cm), 2);
        RaciRoom.propose(ben, raci.step, answer, cm, List.of(everyone), 2);
        RaciRoom.propose(cris, raci.step, answer, everyone, List.of(cm), 2);
        // Measuring results: an A but nobody doing it.
        JsonNode ack = RaciRoom.propose(ana, raci.step, measure, owner, List.of(), 3);

        assertThat(ack.path("activity").asLong()).isEqualTo(measure);
        assertThat(ack.at("/value/accountable").asLong()).isEqualTo(owner);
        JsonNode shown = RaciRoom.picture(projector, p -> p.path("respondents").asInt() == 3
                && row(p, measure).path("proposers").asInt() == 1);
        JsonNode pub = row(shown, publish);
        assertThat(pub.path("proposers").asInt()).isEqualTo(3);
        assertThat(pub.path("a").path(String.valueOf(owner)).asInt()).isEqualTo(2);
        assertThat(pub.path("a").path(String.valueOf(cm)).asInt()).isEqualTo(1);
        assertThat(pub.path("r").path(String.valueOf(cm)).asInt()).isEqualTo(3);
        assertThat(pub.path("majorityA").asLong()).isEqualTo(owner);
        assertThat(pub.path("split").asBoolean()).isFalse();
        assertThat(row(shown, answer).path("split").asBoolean()).as("no clear majority for A").isTrue();
        assertThat(row(shown, answer).path("majorityA").isNull()).isTrue();
        assertThat(row(shown, measure).path("gap").asBoolean()).as("no one proposed as R").isTrue();
        assertThat(shown.has("cells")).as("the projector gets the spread, not the console's matrix").isFalse();
        assertThat(shown.toString()).doesNotContain("Ana", "Ben", "Cris");
    }

    @Test
    void a_changed_proposal_replaces_the_old_one_and_a_retry_counts_once() {
        Phone ana = raci.room.join("Ana");
        raci.openAll();
        long owner = raci.role("Owner");
        long cm = raci.role("Community manager");
        long publish = raci.activity("Publish content");

        RaciRoom.propose(ana, raci.step, publish, owner, List.of(cm), 5);
        JsonNode retry = RaciRoom.propose(ana, raci.step, publish, owner, List.of(cm), 5);
        JsonNode late = RaciRoom.propose(ana, raci.step, publish, cm, List.of(), 4);
        JsonNode changed = RaciRoom.propose(ana, raci.step, publish, cm, List.of(owner), 6);

        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(late.path("duplicate").asBoolean()).as("an older message arriving late changes nothing").isTrue();
        assertThat(late.at("/value/accountable").asLong()).isEqualTo(owner);
        assertThat(changed.path("duplicate").asBoolean()).isFalse();
        JsonNode p = raci.consolePicture(pic -> row(pic, publish).path("a").path(String.valueOf(cm)).asInt() == 1);
        assertThat(row(p, publish).path("proposers").asInt()).isEqualTo(1);
        assertThat(row(p, publish).path("a").has(String.valueOf(owner))).isFalse();
    }

    @Test
    void a_phone_gets_its_own_proposals_back_after_reconnecting_and_after_a_restart() {
        Phone ana = raci.room.join("Ana");
        Phone ben = raci.room.join("Ben");
        raci.openAll();
        long owner = raci.role("Owner");
        long everyone = raci.role("Every employee");
        long answer = raci.activity("Answer customers");
        RaciRoom.propose(ana, raci.step, answer, owner, List.of(everyone), 7);
        RaciRoom.propose(ben, raci.step, answer, everyone, List.of(), 7);

        ana.reconnect(server.wsUrl(), raci.room.code);
        JsonNode mine = ana.ws.await("state").path("mine").path("proposals").path(String.valueOf(answer));
        assertThat(mine.path("accountable").asLong()).isEqualTo(owner);
        assertThat(mine.path("responsible").findValuesAsText("")).isEmpty();
        assertThat(mine.path("responsible").get(0).asLong()).isEqualTo(everyone);
        assertThat(mine.path("seq").asLong()).isEqualTo(7);

        server = server.restart();
        ana.reconnect(server.wsUrl(), raci.room.code);
        JsonNode state = ana.ws.await("state");
        assertThat(state.at("/mine/proposals/" + answer + "/accountable").asLong()).as("kept in H2").isEqualTo(owner);
        assertThat(state.at("/mine/proposals").size()).as("only Ana's own").isEqualTo(1);
        assertThat(state.at("/picture/activities/1/open").asBoolean()).as("phones see which activities are open").isTrue();
        assertThat(state.at("/picture/activities/1").has("a")).as("phones get no counts").isFalse();
    }

    @Test
    void opening_one_activity_closes_the_others_to_proposals() {
        Phone ana = raci.room.join("Ana");
        long owner = raci.role("Owner");
        long publish = raci.activity("Publish content");
        long measure = raci.activity("Measure results");

        raci.ok(raci.raci("open", "activities", String.valueOf(measure)));
        JsonNode phones = RaciRoom.picture(ana.ws, p -> row(p, measure).path("open").asBoolean());

        assertThat(row(phones, publish).path("open").asBoolean()).isFalse();
        assertThat(RaciRoom.propose(ana, raci.step, measure, owner, List.of(owner), 1).path("type").asText())
                .isEqualTo("ack");
        JsonNode refused = RaciRoom.propose(ana, raci.step, publish, owner, List.of(owner), 2);
        assertThat(refused.path("code").asText()).isEqualTo("activity_closed");
        assertThat(refused.path("message").asText()).contains("Publish content");
    }

    static JsonNode row(JsonNode picture, long activity) {
        for (JsonNode a : picture.path("activities")) {
            if (a.path("id").asLong() == activity) {
                return a;
            }
        }
        throw new AssertionError("no activity " + activity + " in " + picture);
    }
}
