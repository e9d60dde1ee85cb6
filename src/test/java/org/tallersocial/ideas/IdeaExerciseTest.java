package org.tallersocial.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.byText;
import static org.tallersocial.testing.Conversation.hasText;
import static org.tallersocial.testing.Conversation.idea;
import static org.tallersocial.testing.Conversation.ideasOnPhone;
import static org.tallersocial.testing.Conversation.ideaVote;
import static org.tallersocial.testing.Conversation.pictureWith;
import static org.tallersocial.testing.Conversation.send;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** The ideas step over real sockets: sending, upvoting, merging duplicates, hiding, closing, restarting. */
class IdeaExerciseTest {

    private static final int IDEAS = 2;
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

    private long reach(Phone... phones) {
        room.goTo(IDEAS);
        long step = 0;
        for (Phone p : phones) {
            JsonNode state = p.ws.awaitStep(IDEAS);
            assertThat(state.at("/step/kind").asText()).isEqualTo("ideas");
            assertThat(state.at("/step/pollState").asText()).as("the step opens when reached").isEqualTo("open");
            assertThat(state.at("/step/exercise/prompt").asText()).contains("next month");
            step = state.at("/step/id").asLong();
        }
        return step;
    }

    private static long ideaId(JsonNode ack) {
        assertThat(ack.path("type").asText()).as("ack: %s", ack).isEqualTo("ack");
        return ack.path("idea").asLong();
    }

    @Test
    void phones_hold_the_top_fifty_ideas_live_and_ask_for_the_others_a_page_at_a_time() {
        Phone watcher = room.join("Watcher");
        long step = reach(watcher);
        java.util.List<Phone> senders = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            senders.add(room.join("Sender " + i));
        }
        for (int n = 0; n < 55; n++) {
            ideaId(send(senders.get(n % 11).ws, idea(step, "Idea number " + n + " for next month")));
        }
        JsonNode last = send(watcher.ws, idea(step, "The watcher's own idea"));
        ideaId(last);
        long lowest = last.path("idea").asLong();
        // The first 50 by votes then age: the watcher's own idea, the 56th, is not among them.
        JsonNode onPhone = ideasOnPhone(watcher.ws, p -> p.get("ideas").size() == 50).get("ideas");
        assertThat(onPhone).hasSize(50);
        assertThat(onPhone.findValuesAsText("text")).doesNotContain("The watcher's own idea");

        JsonNode page = send(watcher.ws, org.tallersocial.testing.Conversation.message("ideasMore").put("step", step)
                .put("from", 50));
        assertThat(page.path("type").asText()).as("page: %s", page).isEqualTo("ideasPage");
        assertThat(page.path("total").asInt()).isEqualTo(56);
        assertThat(page.path("ideas")).hasSize(6);
        assertThat(page.at("/ideas/5/id").asLong()).isEqualTo(lowest);

        // Voted up, it enters the phones' live list, and the idea it outranks leaves it.
        send(senders.get(0).ws, ideaVote(step, lowest, true));
        JsonNode after = ideasOnPhone(watcher.ws,
                p -> p.get("ideas").size() == 50 && p.at("/ideas/0/id").asLong() == lowest).get("ideas");
        assertThat(after.findValuesAsText("text")).doesNotContain("Idea number 49 for next month");

        JsonNode bad = send(watcher.ws, org.tallersocial.testing.Conversation.message("ideasMore").put("step", step)
                .put("from", "fifty"));
        assertThat(bad.path("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void ideas_are_upvoted_once_each_and_shown_by_votes_without_their_authors() {
        WsClient projector = room.projector();
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        Phone cai = room.join("Cai");
        long step = reach(ana, bo, cai);

        long reviews = ideaId(send(ana.ws, idea(step, "Answer every review within a day")));
        long photos = ideaId(send(bo.ws, idea(step, "A photo of the bakery every morning")));
        assertThat(send(ana.ws, ideaVote(step, photos, true)).path("votes").asInt()).isEqualTo(1);
        assertThat(send(ana.ws, ideaVote(step, photos, true)).path("votes").asInt()).as("once each").isEqualTo(1);
        assertThat(send(cai.ws, ideaVote(step, photos, true)).path("votes").asInt()).isEqualTo(2);
        assertThat(send(cai.ws, ideaVote(step, reviews, true)).path("votes").asInt()).isEqualTo(1);

        JsonNode picture = pictureWith(projector, p -> p.at("/ideas/0/votes").asInt() == 2
                && p.at("/ideas/1/votes").asInt() == 1);
        assertThat(picture.at("/ideas/0/text").asText()).isEqualTo("A photo of the bakery every morning");
        assertThat(picture.path("respondents").asInt()).isEqualTo(3);
        assertThat(projector.transcript()).doesNotContain("Ana").doesNotContain("participant");
        ideasOnPhone(bo.ws, p -> p.at("/ideas/0/votes").asInt() == 2);

        assertThat(send(cai.ws, ideaVote(step, photos, false)).path("votes").asInt()).as("undone").isEqualTo(1);
        assertThat(send(cai.ws, ideaVote(step, photos, false)).path("votes").asInt()).isEqualTo(1);
        cai.reconnect(server.wsUrl(), room.code);
        JsonNode mine = cai.ws.await("state").get("mine");
        assertThat(mine.path("voted").toString()).isEqualTo("[" + reviews + "]");
    }

    @Test
    void merging_a_duplicate_gives_its_votes_to_the_other_and_counts_each_person_once() {
        WsClient projector = room.projector();
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        Phone cai = room.join("Cai");
        long step = reach(ana, bo, cai);
        long kept = ideaId(send(ana.ws, idea(step, "Reply to reviews fast")));
        long dup = ideaId(send(bo.ws, idea(step, "Answer reviews quickly")));
        send(ana.ws, ideaVote(step, dup, true));
        send(bo.ws, ideaVote(step, dup, true));
        send(bo.ws, ideaVote(step, kept, true));
        send(cai.ws, ideaVote(step, kept, true));

        assertThat(room.actRaw("/steps/" + step + "/ideas/" + dup, "action", "merge", "into", String.valueOf(dup))
                .status()).as("not into itself").isEqualTo(409);
        room.act("/steps/" + step + "/ideas/" + dup, "action", "merge", "into", String.valueOf(kept));
        JsonNode picture = pictureWith(projector, p -> p.path("ideas").size() == 1 && p.at("/ideas/0/merged").size() == 1);
        JsonNode merged = byText(picture.get("ideas"), "Reply to reviews fast");
        assertThat(merged.path("votes").asInt()).as("Ana, Bo (once) and Cai").isEqualTo(3);
        assertThat(merged.path("merged").toString()).isEqualTo("[\"Answer reviews quickly\"]");

        assertThat(send(ana.ws, ideaVote(step, dup, false)).path("idea").asLong())
                .as("a vote for the merged idea counts for the one it joined").isEqualTo(kept);
        pictureWith(projector, p -> p.at("/ideas/0/votes").asInt() == 2);
        assertThat(room.actRaw("/steps/" + step + "/ideas/" + dup, "action", "merge", "into", String.valueOf(kept))
                .status()).as("twice").isEqualTo(409);

        server = server.restart();
        WsClient after = WsClient.connect(server.wsUrl() + "/ws/screen/" + room.code, null);
        JsonNode reloaded = pictureWith(after, p -> p.path("ideas").size() == 1);
        after.close();
        assertThat(reloaded.at("/ideas/0/votes").asInt()).isEqualTo(2);
        assertThat(reloaded.at("/ideas/0/merged/0").asText()).isEqualTo("Answer reviews quickly");
    }

    @Test
    void a_hidden_idea_leaves_every_phone_and_the_projector_but_not_the_console() {
        WsClient projector = room.projector();
        WsClient console = room.console();
        Phone ana = room.join("Ana");
        Phone bo = room.join("Bo");
        long step = reach(ana, bo);
        long rude = ideaId(send(ana.ws, idea(step, "Something rude")));
        ideasOnPhone(bo.ws, p -> hasText(p.get("ideas"), "Something rude"));
        room.act("/steps/" + step + "/ideas/" + rude, "action", "hide");
        ideasOnPhone(bo.ws, p -> p.get("ideas").isEmpty());
        pictureWith(projector, p -> p.get("ideas").isEmpty());
        pictureWith(console, p -> p.at("/ideas/0/hidden").asBoolean());
        assertThat(send(bo.ws, ideaVote(step, rude, true)).path("code").asText()).isEqualTo("unknown_idea");
        long fine = ideaId(send(bo.ws, idea(step, "Something fine")));
        assertThat(room.actRaw("/steps/" + step + "/ideas/" + fine, "action", "merge", "into", String.valueOf(rude))
                .status()).as("nothing merges into a hidden idea").isEqualTo(409);
    }

    @Test
    void limits_and_bad_input_are_refused() {
        Phone ana = room.join("Ana");
        WsClient projector = room.projector();
        long slide = ana.ws.await("state").at("/step/id").asLong();
        assertThat(send(ana.ws, idea(slide, "Too early")).path("code").asText()).isEqualTo("wrong_step");
        long step = reach(ana);
        for (int i = 1; i <= IdeaExercise.PER_MINUTE; i++) {
            ideaId(send(ana.ws, idea(step, "Idea number " + i)));
        }
        assertThat(send(ana.ws, idea(step, "One too many")).path("code").asText()).isEqualTo("too_fast");
        Phone bo = room.join("Bo");
        bo.ws.awaitStep(IDEAS);
        ideaId(send(bo.ws, idea(step, "Same idea")));
        assertThat(send(bo.ws, idea(step, "same IDEA!")).path("code").asText()).isEqualTo("duplicate");
        assertThat(send(bo.ws, idea(step, "x".repeat(IdeaExercise.MAX_CHARS + 1))).path("code").asText())
                .isEqualTo("too_long");
        assertThat(send(bo.ws, idea(step, " ")).path("code").asText()).isEqualTo("invalid_answer");
        assertThat(send(bo.ws, ideaVote(step, 424242, true)).path("code").asText()).isEqualTo("unknown_idea");
        assertThat(send(projector, idea(step, "From the projector")).path("code").asText()).isEqualTo("not_allowed");
        assertThat(room.actRaw("/steps/" + step + "/ideas/1", "action", "explode").status()).isEqualTo(409);

        room.poll(step, "close");
        assertThat(send(bo.ws, idea(step, "After closing")).path("code").asText()).isEqualTo("poll_closed");
    }
}
