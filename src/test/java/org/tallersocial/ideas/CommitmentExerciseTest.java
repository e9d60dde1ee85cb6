package org.tallersocial.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.idea;
import static org.tallersocial.testing.Conversation.ideaVote;
import static org.tallersocial.testing.Conversation.pictureWith;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.send;
import static org.tallersocial.testing.Conversation.volunteer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Commitments made from the room's ideas: created on the console, taken on from phones, followed to done. */
class CommitmentExerciseTest {

    private static final int IDEAS = 2;
    private static final int COMMITMENTS = 3;
    private static final String NEXT_MONTH = LocalDate.now().plusMonths(1).toString();
    private TestServer server;
    private Browser facilitator;
    private LiveRoom room;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        facilitator = Facilitators.first(server);
        room = LiveRoom.draft(server, facilitator, "conversation/en");
        room.act("/live");
    }

    @AfterEach
    void stop() {
        room.close();
        server.close();
    }

    @Test
    void an_idea_becomes_a_commitment_people_volunteer_for_and_it_goes_from_planned_to_done() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        Phone ana = room.join("Ana");
        Phone bo = room.join("");
        room.goTo(IDEAS);
        long ideasStep = ana.ws.awaitStep(IDEAS).at("/step/id").asLong();
        long reviews = send(ana.ws, idea(ideasStep, "Answer every review within a day")).path("idea").asLong();
        send(bo.ws, ideaVote(ideasStep, reviews, true));

        room.goTo(COMMITMENTS);
        JsonNode state = ana.ws.awaitStep(COMMITMENTS);
        long step = state.at("/step/id").asLong();
        assertThat(state.at("/step/pollState").asText()).isEqualTo("open");
        JsonNode offered = pictureWith(console, p -> p.path("kind").asText().equals("commitments"));
        assertThat(offered.at("/ideas/0/votes").asInt()).isEqualTo(1);
        assertThat(offered.path("roles").toString()).as("the RACI step's roles are suggested")
                .isEqualTo("[\"Owner\",\"Community manager\",\"Every employee\"]");

        room.act("/commitments", "idea", String.valueOf(reviews), "action", "", "role", "Customer service",
                "due", NEXT_MONTH);
        JsonNode onProjector = pictureWith(projector, p -> p.path("commitments").size() == 1);
        JsonNode c = onProjector.at("/commitments/0");
        assertThat(c.path("action").asText()).as("the idea's words").isEqualTo("Answer every review within a day");
        assertThat(c.path("role").asText()).isEqualTo("Customer service");
        assertThat(c.path("due").asText()).isEqualTo(NEXT_MONTH);
        assertThat(c.path("status").asText()).isEqualTo("planned");
        assertThat(onProjector.has("ideas")).as("the idea list is the console's").isFalse();
        pictureWith(console, p -> p.at("/ideas/0/committed").asBoolean());
        long id = c.path("id").asLong();

        assertThat(send(ana.ws, volunteer(step, id, true, null)).path("volunteers").asInt()).isEqualTo(1);
        assertThat(send(ana.ws, volunteer(step, id, true, null)).path("volunteers").asInt()).as("once").isEqualTo(1);
        assertThat(send(bo.ws, volunteer(step, id, true, null)).path("code").asText())
                .as("someone who joined without a name gives one").isEqualTo("name_needed");
        assertThat(send(bo.ws, volunteer(step, id, true, "Bo")).path("volunteers").asInt()).isEqualTo(2);
        assertThat(pictureWith(projector, p -> p.at("/commitments/0/volunteers").size() == 2)
                .at("/commitments/0/volunteers").toString()).isEqualTo("[\"Ana\",\"Bo\"]");
        assertThat(send(bo.ws, volunteer(step, id, false, null)).path("volunteers").asInt()).as("undone").isEqualTo(1);

        room.act("/commitments/" + id, "status", "in_progress");
        pictureWith(projector, p -> p.at("/commitments/0/status").asText().equals("in_progress"));
        room.act("/commitments/" + id, "status", "done");
        pictureWith(projector, p -> p.at("/commitments/0/status").asText().equals("done"));
        assertThat(send(bo.ws, volunteer(step, id, true, "Bo")).path("code").asText())
                .as("a done commitment takes no new volunteers").isEqualTo("invalid_answer");
        assertThat(room.actRaw("/commitments/" + id, "status", "finished").status()).isEqualTo(409);

        ana.reconnect(server.wsUrl(), room.code);
        assertThat(ana.ws.await("state").at("/mine/volunteered/0").asLong()).isEqualTo(id);
        server = server.restart();
        WsClient after = WsClient.connect(server.wsUrl() + "/ws/screen/" + room.code, null);
        JsonNode reloaded = pictureWith(after, p -> p.path("commitments").size() == 1);
        after.close();
        assertThat(reloaded.at("/commitments/0/status").asText()).isEqualTo("done");
        assertThat(reloaded.at("/commitments/0/volunteers").toString()).isEqualTo("[\"Ana\"]");
    }

    @Test
    void a_commitment_needs_an_action_a_role_and_a_date_not_in_the_past() {
        room.goTo(COMMITMENTS);
        WsClient projector = room.projector();
        assertThat(refusal("/commitments", "action", "", "role", "Owner", "due", NEXT_MONTH)).contains("Write the action");
        assertThat(refusal("/commitments", "action", "Post weekly", "role", " ", "due", NEXT_MONTH))
                .contains("responsible role");
        assertThat(refusal("/commitments", "action", "Post weekly", "role", "Owner", "due", "next week"))
                .contains("as a date");
        assertThat(refusal("/commitments", "action", "Post weekly", "role", "Owner",
                "due", LocalDate.now().minusDays(2).toString())).contains("past");
        assertThat(refusal("/commitments", "action", "x".repeat(201), "role", "Owner", "due", NEXT_MONTH))
                .contains("200");
        assertThat(refusal("/commitments", "idea", "99999", "action", "Post weekly", "role", "Owner",
                "due", NEXT_MONTH)).contains("idea");
        assertThat(refusal("/commitments/12345", "status", "done")).contains("not in this workshop");

        room.act("/commitments", "action", "=HYPERLINK(\"x\")", "role", "Owner", "due", NEXT_MONTH);
        assertThat(pictureWith(projector, p -> p.path("commitments").size() == 1).at("/commitments/0/action").asText())
                .startsWith("=HYPERLINK");
    }

    @Test
    void the_conversation_exports_as_csv_with_formulas_neutralised() {
        Phone ana = room.join("Ana");
        send(ana.ws, question("-1 is this a formula?", false));
        room.goTo(IDEAS);
        long ideasStep = ana.ws.awaitStep(IDEAS).at("/step/id").asLong();
        send(ana.ws, idea(ideasStep, "@mention the customers"));
        room.act("/commitments", "action", "=SUM(A1)", "role", "Owner", "due", NEXT_MONTH);
        room.goTo(COMMITMENTS);
        long step = ana.ws.awaitStep(COMMITMENTS).at("/step/id").asLong();
        send(ana.ws, volunteer(step, 1, true, null));

        Browser.Response csv = facilitator.get("/facilitate/" + room.id + "/conversation.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFWhat,Text,Votes,Status,Responsible role,Due,People");
        assertThat(csv.body()).contains("Question,'-1 is this a formula?,0,shown,,,Ana")
                .contains("Idea,'@mention the customers,0")
                .contains("Commitment,'=SUM(A1),,Planned,Owner," + NEXT_MONTH + ",Ana");
        assertThat(server.browser().get("/facilitate/" + room.id + "/conversation.csv").status())
                .as("facilitators only").isIn(302, 303, 401, 403);
    }

    private String refusal(String path, String... fields) {
        Browser.Response r = room.actRaw(path, fields);
        assertThat(r.status()).as("%s %s", path, r.body()).isEqualTo(409);
        return r.body();
    }
}
