package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.idea;
import static org.tallersocial.testing.Conversation.ideaVote;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.send;
import static org.tallersocial.testing.Conversation.upvote;
import static org.tallersocial.testing.Conversation.volunteer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.TestServer;

/**
 * What every kind of phone message shares now that they take one path: a retry of something stored
 * is acknowledged as a duplicate, with what is stored, whatever the room did since (closed the step,
 * moved on, ended the workshop); and an older message arriving after a newer one of the same slot
 * changes nothing.
 */
class OneMessagePathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RACI = 1;
    private static final int IDEAS = 2;
    private static final int COMMITMENTS = 3;
    private TestServer server;
    private Browser facilitator;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        facilitator = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_poll_answer_and_a_profile_sent_again_after_their_step_closed_are_acknowledged_as_stored() {
        try (LiveRoom polls = LiveRoom.draft(server, facilitator, "poll-kinds/en")) {
            polls.act("/live");
            Phone ana = polls.join("Ana");
            polls.goTo(1);
            long step = ana.ws.awaitStep(1).at("/step/id").asLong();
            ObjectNode answer = message("answer", step, 5).put("value", 2);
            assertThat(send(ana.ws, answer).path("duplicate").asBoolean()).isFalse();
            polls.poll(step, "close");
            assertDuplicate(send(ana.ws, answer), "poll answer after close");
            polls.goTo(2);
            ana.ws.awaitStep(2);
            assertDuplicate(send(ana.ws, answer), "poll answer after moving on");
            assertThat(send(ana.ws, message("answer", step, 6).put("value", 1)).path("code").asText())
                    .as("a new answer to the step the room left").isEqualTo("wrong_step");
        }
        try (LiveRoom profiles = LiveRoom.draft(server, facilitator, "profiles/en")) {
            profiles.act("/live");
            Phone bo = profiles.join("Bo");
            profiles.goTo(1);
            long step = bo.ws.awaitStep(1).at("/step/id").asLong();
            ObjectNode profile = ProfileAnswers.message(step, "LinkedIn",
                    ProfileAnswers.answer("no", null, List.of(), List.of()), 7);
            assertThat(send(bo.ws, profile).path("type").asText()).isEqualTo("ack");
            profiles.poll(step, "close");
            assertDuplicate(send(bo.ws, profile), "profile after close");
        }
    }

    @Test
    void raci_ideas_votes_volunteering_and_questions_sent_again_after_closing_are_acknowledged_as_stored() {
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "conversation/en")) {
            room.act("/live");
            Phone ana = room.join("Ana");
            Phone bo = room.join("Bo");

            room.goTo(RACI);
            JsonNode raci = ana.ws.awaitStep(RACI);
            long raciStep = raci.at("/step/id").asLong();
            room.act("/steps/" + raciStep + "/raci/open", "activities", "all");
            ObjectNode proposal = proposal(raciStep, raci, 0, 5);
            assertThat(send(ana.ws, proposal).path("type").asText()).isEqualTo("ack");
            room.poll(raciStep, "close");
            assertDuplicate(send(ana.ws, proposal), "RACI proposal after close");

            room.goTo(IDEAS);
            long ideasStep = ana.ws.awaitStep(IDEAS).at("/step/id").asLong();
            ObjectNode idea = idea(ideasStep, "Answer every review within a day");
            long ideaId = send(ana.ws, idea).path("idea").asLong();
            ObjectNode vote = ideaVote(ideasStep, ideaId, true);
            assertThat(send(bo.ws, vote).path("votes").asInt()).isEqualTo(1);
            room.poll(ideasStep, "close");
            assertDuplicate(send(ana.ws, idea), "idea after close");
            assertDuplicate(send(bo.ws, vote), "idea vote after close");

            room.act("/commitments", "action", "Photo of the day", "role", "Owner", "due",
                    LocalDate.now().plusMonths(1).toString());
            room.goTo(COMMITMENTS);
            JsonNode commitments = ana.ws.awaitStep(COMMITMENTS);
            long commitmentsStep = commitments.at("/step/id").asLong();
            long commitment = commitments.at("/picture/commitments/0/id").asLong();
            ObjectNode taking = volunteer(commitmentsStep, commitment, true, null);
            assertThat(send(ana.ws, taking).path("volunteers").asInt()).isEqualTo(1);
            room.poll(commitmentsStep, "close");
            assertDuplicate(send(ana.ws, taking), "volunteering after close");

            ObjectNode asked = question("Who answers the reviews?", true);
            long questionId = send(ana.ws, asked).at("/asked/id").asLong();
            ObjectNode up = upvote(questionId, true);
            assertThat(send(bo.ws, up).path("votes").asInt()).isEqualTo(1);
            room.act("/close");
            assertDuplicate(send(ana.ws, asked), "question after the workshop ended");
            assertDuplicate(send(bo.ws, up), "upvote after the workshop ended");
            assertThat(send(bo.ws, question("And another?", true)).path("code").asText())
                    .as("a new question once it ended").isEqualTo("not_live");
        }
    }

    @Test
    void an_older_message_arriving_after_a_newer_one_changes_nothing_for_every_kind() {
        try (LiveRoom polls = LiveRoom.draft(server, facilitator, "poll-kinds/en")) {
            polls.act("/live");
            Phone ana = polls.join("Ana");
            polls.goTo(1);
            long step = ana.ws.awaitStep(1).at("/step/id").asLong();
            send(ana.ws, message("answer", step, 20).put("value", 2));
            JsonNode late = send(ana.ws, message("answer", step, 10).put("value", 0));
            assertThat(late.path("duplicate").asBoolean()).isTrue();
            assertThat(late.path("value").asInt()).as("the newer answer stays").isEqualTo(2);
            assertThat(late.path("seq").asLong()).isEqualTo(20);
        }
        try (LiveRoom profiles = LiveRoom.draft(server, facilitator, "profiles/en")) {
            profiles.act("/live");
            Phone bo = profiles.join("Bo");
            profiles.goTo(1);
            long step = bo.ws.awaitStep(1).at("/step/id").asLong();
            send(bo.ws, ProfileAnswers.message(step, "LinkedIn", ProfileAnswers.answer("no", null, List.of(), List.of()), 20));
            JsonNode late = send(bo.ws, ProfileAnswers.message(step, "LinkedIn",
                    ProfileAnswers.answer("private", null, List.of(), List.of()), 10));
            assertThat(late.path("duplicate").asBoolean()).isTrue();
            assertThat(late.at("/value/profile").asText()).isEqualTo("no");
        }
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "conversation/en")) {
            room.act("/live");
            Phone ana = room.join("Ana");
            Phone bo = room.join("Bo");

            room.goTo(RACI);
            JsonNode raci = ana.ws.awaitStep(RACI);
            long raciStep = raci.at("/step/id").asLong();
            room.act("/steps/" + raciStep + "/raci/open", "activities", "all");
            send(ana.ws, proposal(raciStep, raci, 0, 20));
            JsonNode late = send(ana.ws, proposal(raciStep, raci, 1, 10));
            assertThat(late.path("duplicate").asBoolean()).isTrue();
            assertThat(late.at("/value/accountable").asLong()).isEqualTo(raci.at("/picture/roles/0/id").asLong());

            room.goTo(IDEAS);
            long ideasStep = ana.ws.awaitStep(IDEAS).at("/step/id").asLong();
            long ideaId = send(ana.ws, idea(ideasStep, "A photo every morning")).path("idea").asLong();
            send(bo.ws, ideaVote(ideasStep, ideaId, true).put("seq", 20));
            JsonNode lateVote = send(bo.ws, ideaVote(ideasStep, ideaId, false).put("seq", 10));
            assertThat(lateVote.path("duplicate").asBoolean()).isTrue();
            assertThat(lateVote.path("up").asBoolean()).as("the newer up stays").isTrue();
            assertThat(lateVote.path("votes").asInt()).isEqualTo(1);

            room.act("/commitments", "action", "Photo of the day", "role", "Owner", "due",
                    LocalDate.now().plusMonths(1).toString());
            room.goTo(COMMITMENTS);
            JsonNode commitments = ana.ws.awaitStep(COMMITMENTS);
            long commitmentsStep = commitments.at("/step/id").asLong();
            long commitment = commitments.at("/picture/commitments/0/id").asLong();
            send(ana.ws, volunteer(commitmentsStep, commitment, false, null).put("seq", 20));
            JsonNode lateTaking = send(ana.ws, volunteer(commitmentsStep, commitment, true, null).put("seq", 10));
            assertThat(lateTaking.path("duplicate").asBoolean()).isTrue();
            assertThat(lateTaking.path("on").asBoolean()).as("the newer step back stays").isFalse();
            assertThat(lateTaking.path("volunteers").asInt()).isZero();

            long questionId = send(ana.ws, question("Who answers the reviews?", true)).at("/asked/id").asLong();
            send(bo.ws, upvote(questionId, true).put("seq", 20));
            JsonNode lateUp = send(bo.ws, upvote(questionId, false).put("seq", 10));
            assertThat(lateUp.path("duplicate").asBoolean()).isTrue();
            assertThat(lateUp.path("votes").asInt()).isEqualTo(1);
        }
    }

    private static void assertDuplicate(JsonNode reply, String what) {
        assertThat(reply.path("type").asText()).as("%s: %s", what, reply).isEqualTo("ack");
        assertThat(reply.path("duplicate").asBoolean()).as("%s: %s", what, reply).isTrue();
    }

    private static ObjectNode message(String type, long step, long seq) {
        return JSON.createObjectNode().put("type", type).put("id", type + "-" + step + "-" + seq).put("step", step)
                .put("seq", seq);
    }

    /** A proposal for the first activity, with the role at {@code role} as A. */
    private static ObjectNode proposal(long step, JsonNode state, int role, long seq) {
        ObjectNode p = message("raci.propose", step, seq)
                .put("activity", state.at("/picture/activities/0/id").asLong())
                .put("accountable", state.at("/picture/roles/" + role + "/id").asLong());
        p.putArray("responsible");
        return p;
    }
}
