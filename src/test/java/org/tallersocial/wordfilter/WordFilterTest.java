package org.tallersocial.wordfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.hasText;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.questionsWith;
import static org.tallersocial.testing.Conversation.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.LiveWorkshop;
import org.tallersocial.testing.WsClient;

/**
 * What the word filter holds, on a real server: stored and acknowledged as waiting, off the projector and
 * the other phones, in the console's waiting list; approved it reaches them, rejected it never does.
 */
class WordFilterTest {

    private static final int CLOUD = 4;
    private static final int TEXT = 5;

    @RegisterExtension
    final LiveWorkshop live = new LiveWorkshop();
    private WsClient console;
    private WsClient projector;
    private Phone ana;
    private Phone bo;

    @BeforeEach
    void start() {
        console = live.room.console();
        projector = live.room.projector();
        ana = live.room.join("Ana");
        bo = live.room.join("Bo");
    }

    private long reach(int position) {
        live.room.goTo(position);
        bo.ws.awaitStep(position);
        projector.awaitStep(position);
        return ana.ws.awaitStep(position).at("/step/id").asLong();
    }

    private JsonNode filterWith(Predicate<JsonNode> match) {
        return console.await(m -> m.path("type").asText().equals("wordFilter") && match.test(m.get("wordFilter"))
                || m.path("type").asText().equals("state") && match.test(m.get("wordFilter")), Duration.ofSeconds(5))
                .get("wordFilter");
    }

    private JsonNode resultsWith(WsClient ws, Predicate<JsonNode> match) {
        return ws.await(m -> m.has("results") && match.test(m.get("results")), Duration.ofSeconds(5)).get("results");
    }

    private static boolean hasWord(JsonNode results, String word) {
        for (JsonNode w : results.path("words")) {
            if (w.path("word").asText().equals(word)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_caught_word_cloud_word_waits_and_reaches_the_projector_once_approved() {
        long step = reach(CLOUD);
        live.room.poll(step, "reveal");
        JsonNode ack = ana.answerAndWait(step, List.of("equipo", "Gilipollas"));
        assertThat(ack.path("type").asText()).isEqualTo("ack");
        assertThat(ack.path("held").asBoolean()).as("the phone is told it waits").isTrue();
        assertThat(ack.path("value").toString()).as("stored as sent").contains("Gilipollas");
        bo.answerAndWait(step, List.of("equipo"));

        JsonNode waiting = filterWith(f -> f.path("waiting").size() == 1).get("waiting").get(0);
        assertThat(waiting.path("kind").asText()).isEqualTo("answer");
        assertThat(waiting.path("step").asLong()).isEqualTo(step);
        assertThat(waiting.path("text").asText()).isEqualTo("equipo, Gilipollas");
        JsonNode onScreen = resultsWith(projector, r -> r.path("voters").asInt() == 2);
        assertThat(onScreen.path("words").toString()).doesNotContain("gilipollas").doesNotContain("Gilipollas");
        assertThat(onScreen.at("/words/0/count").asInt()).as("a held answer counts none of its words").isEqualTo(1);
        assertThat(resultsWith(console, r -> r.path("voters").asInt() == 2).path("words").toString())
                .doesNotContain("ilipollas");
        assertThat(ana.ws.await("state").toString()).doesNotContain("\"held\":true");
        ana.reconnect(live.server.wsUrl(), live.room.code);
        assertThat(ana.ws.await("state").at("/mine/held").asBoolean()).as("after a reload too").isTrue();
        assertThat(bo.ws.transcript()).doesNotContain("ilipollas");
        assertThat(projector.transcript()).doesNotContain("ilipollas").doesNotContain("wordFilter");

        live.room.act("/waiting/answer/" + waiting.path("id").asLong(), "action", "approve");
        filterWith(f -> f.path("waiting").isEmpty());
        resultsWith(projector, r -> hasWord(r, "gilipollas") && r.at("/words/0/count").asInt() == 2);
        resultsWith(bo.ws, r -> hasWord(r, "gilipollas"));
        assertThat(live.room.actRaw("/waiting/answer/" + waiting.path("id").asLong(), "action", "reject").status())
                .as("decided once").isEqualTo(409);
    }

    @Test
    void a_rejected_open_answer_stays_hidden_and_a_changed_clean_answer_goes_through() {
        long step = reach(TEXT);
        JsonNode ack = ana.answerAndWait(step, "Management are a bunch of assholes!");
        assertThat(ack.path("held").asBoolean()).isTrue();
        assertThat(bo.answerAndWait(step, "No time").has("held")).as("a clean answer is not held").isFalse();
        long id = filterWith(f -> f.path("waiting").size() == 1).at("/waiting/0/id").asLong();
        JsonNode wall = resultsWith(console, r -> r.path("voters").asInt() == 2);
        assertThat(wall.path("answers").toString()).as("waiting, not on the console's wall either").doesNotContain("assholes");
        live.room.act("/waiting/answer/" + id, "action", "reject");
        filterWith(f -> f.path("waiting").isEmpty());
        JsonNode after = resultsWith(console, r -> r.path("hiddenCount").asInt() == 1);
        assertThat(after.at("/answers/0/hidden").asBoolean()).as("rejected is the console's hide").isTrue();
        assertThat(resultsWith(projector, r -> r.path("voters").asInt() == 2).path("answers").toString())
                .doesNotContain("assholes");
        assertThat(projector.transcript()).doesNotContain("assholes");
        assertThat(bo.ws.transcript()).doesNotContain("assholes");
    }

    @Test
    void a_caught_question_waits_as_a_pending_question_and_is_approved_from_the_waiting_list() {
        JsonNode asked = send(ana.ws, question("Why is our boss such a cabrón?", true));
        assertThat(asked.at("/asked/status").asText()).isEqualTo("pending");
        JsonNode clean = send(ana.ws, question("When is the next workshop?", true));
        assertThat(clean.at("/asked/status").asText()).isEqualTo("visible");
        JsonNode waiting = filterWith(f -> f.path("waiting").size() == 1).at("/waiting/0");
        assertThat(waiting.path("kind").asText()).isEqualTo("question");
        questionsWith(projector, q -> hasText(q.get("list"), "When is the next workshop?"));
        assertThat(projector.transcript()).doesNotContain("cabr");
        assertThat(bo.ws.transcript()).doesNotContain("cabr");

        live.room.act("/waiting/question/" + waiting.path("id").asLong(), "action", "approve");
        questionsWith(projector, q -> hasText(q.get("list"), "Why is our boss such a cabrón?"));
        questionsWith(bo.ws, q -> hasText(q.get("list"), "Why is our boss such a cabrón?"));
        filterWith(f -> f.path("waiting").isEmpty());

        long rude = send(bo.ws, question("Gilipollas", false)).at("/asked/id").asLong();
        filterWith(f -> f.path("waiting").size() == 1);
        live.room.act("/waiting/question/" + rude, "action", "reject");
        questionsWith(console, q -> q.at("/list").findValuesAsText("status").contains("hidden"));
        assertThat(projector.transcript()).doesNotContain("Gilipollas");
    }

    @Test
    void the_facilitator_adapts_the_list_and_a_change_judges_only_what_comes_next() {
        long step = reach(TEXT);
        live.room.act("/word-filter", "action", "add", "word", "Pelota");
        live.room.act("/word-filter", "action", "remove", "word", "culo");
        JsonNode f = filterWith(s -> s.path("added").size() == 1 && s.path("removed").size() == 1);
        assertThat(f.path("added").toString()).isEqualTo("[\"Pelota\"]");
        assertThat(f.path("removed").toString()).isEqualTo("[\"culo\"]");
        assertThat(ana.answerAndWait(step, "Vaya pelota").path("held").asBoolean()).isTrue();
        assertThat(bo.answerAndWait(step, "Culo").has("held")).as("a word taken off passes").isFalse();
        long id = filterWith(s -> s.path("waiting").size() == 1).at("/waiting/0/id").asLong();
        live.room.act("/waiting/answer/" + id, "action", "approve");

        live.room.act("/word-filter", "action", "add", "word", "time");
        assertThat(resultsWith(projector, r -> r.path("answers").size() == 2).path("answers").toString())
                .as("an approved answer is not judged again").contains("Vaya pelota");
        live.room.act("/word-filter", "action", "remove", "word", "pelota");
        live.room.act("/word-filter", "action", "add", "word", "CULO");
        f = filterWith(s -> s.path("added").toString().equals("[\"time\"]") && s.path("removed").isEmpty());
        assertThat(f.path("on").asBoolean()).isTrue();

        live.room.act("/word-filter", "action", "off");
        filterWith(s -> !s.path("on").asBoolean());
        assertThat(ana.answerAndWait(step, "No time, gilipollas").has("held")).as("off, nothing waits").isFalse();
        resultsWith(projector, r -> r.path("answers").toString().contains("No time, gilipollas"));
        live.room.act("/word-filter", "action", "on");
        assertThat(bo.answerAndWait(step, "no time").path("held").asBoolean()).isTrue();
    }

    @Test
    void bad_words_for_the_list_are_refused_in_the_facilitators_language_and_change_nothing() {
        Browser facilitator = live.room.facilitator;
        assertThat(refusal("add", "")).contains("Write the word or phrase first.");
        assertThat(refusal("add", "x".repeat(41))).contains("at most 40 characters");
        assertThat(refusal("add", "<script>")).contains("letters, digits, spaces");
        assertThat(refusal("add", "Gilipollas")).contains("is already on the list");
        assertThat(refusal("remove", "Panadería")).contains("is not on the list");
        assertThat(refusal("sideways", "x")).isNotEmpty();
        facilitator.setCookie("ts_lang", "es");
        assertThat(refusal("add", "a;b")).contains("Usa solo letras");
        assertThat(refusal("add", "Culo")).contains("ya está en la lista");
        JsonNode f = console.await("state").get("wordFilter");
        assertThat(f.path("added").isEmpty()).isTrue();
        assertThat(f.path("removed").isEmpty()).isTrue();
        live.room.act("/word-filter", "action", "add", "word", "x".repeat(40));
        filterWith(s -> s.path("added").size() == 1);
    }

    private String refusal(String action, String word) {
        Browser.Response r = live.room.actRaw("/word-filter", "action", action, "word", word);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        return r.body();
    }
}
