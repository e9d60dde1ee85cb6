package org.tallersocial.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;

/** What each kind of poll shows of its answers, computed from a tally as the hub computes it. */
class ResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void choices_count_each_option_in_the_templates_order() {
        ObjectNode r = Results.of(spec(StepKind.MULTIPLE, poll(List.of("A", "B", "C"), null, null, null)),
                entries("[0, 2]", "[2]", "[1, 2]"), false, false);
        assertThat(r.path("voters").asInt()).isEqualTo(3);
        assertThat(r.get("options").toString())
                .isEqualTo("[{\"label\":\"A\",\"count\":1},{\"label\":\"B\",\"count\":1},{\"label\":\"C\",\"count\":3}]");
    }

    @Test
    void a_scale_counts_every_value_and_rounds_its_mean_to_two_decimals() {
        ObjectNode r = Results.of(spec(StepKind.SCALE, poll(null, 1.0, 5.0, null)), entries("1", "2", "2"), false, false);
        assertThat(r.get("counts").toString()).isEqualTo("[1,2,0,0,0]");
        assertThat(r.path("mean").asDouble()).isEqualTo(1.67);
        assertThat(Results.of(spec(StepKind.SCALE, poll(null, 1.0, 5.0, null)), List.of(), false, false).get("mean").isNull())
                .as("no answers, no mean").isTrue();
    }

    @Test
    void a_word_cloud_counts_words_regardless_of_case_and_accents_most_frequent_first() {
        ObjectNode r = Results.of(spec(StepKind.WORDCLOUD, poll(null, null, null, null)),
                entries("[\"Éxito\", \"time\"]", "[\"exito\"]", "[\"TIME\", \"éxito\"]"), false, false);
        assertThat(r.at("/words/0/count").asInt()).isEqualTo(3);
        assertThat(r.at("/words/0/word").asText()).isEqualTo("éxito");
        assertThat(r.at("/words/1/count").asInt()).isEqualTo(2);
    }

    @Test
    void hidden_text_answers_leave_the_projector_and_stay_marked_on_the_console() {
        List<Tally.Entry> entries = new ArrayList<>(entries("\"kept\"", "\"rude\""));
        Tally.Entry rude = entries.get(1);
        entries.set(1, new Tally.Entry(rude.answerId(), rude.participantId(), rude.value(), rude.seq(), true, false));
        StepSpec text = spec(StepKind.TEXT, poll(null, null, null, null));
        ObjectNode projector = Results.of(text, entries, false, false);
        assertThat(projector.get("answers").toString()).isEqualTo("[{\"text\":\"kept\"}]");
        assertThat(projector.path("hiddenCount").asInt()).isEqualTo(1);
        ObjectNode console = Results.of(text, entries, true, true);
        assertThat(console.at("/answers/1/hidden").asBoolean()).isTrue();
        assertThat(console.at("/answers/1/id").asLong()).isEqualTo(rude.answerId());
    }

    @Test
    void a_guess_bins_the_answers_and_shows_the_truth_only_once_it_may() {
        StepSpec guess = spec(StepKind.GUESS, poll(null, 0.0, 100.0, 44.0));
        List<Tally.Entry> entries = entries("10", "35.5", "100");
        ObjectNode hidden = Results.of(guess, entries, false, false);
        assertThat(hidden.get("bins").toString()).isEqualTo("[0,1,0,1,0,0,0,0,0,1]");
        assertThat(hidden.path("median").asDouble()).isEqualTo(35.5);
        assertThat(hidden.path("low").asDouble()).isEqualTo(10.0);
        assertThat(hidden.has("truth")).isFalse();
        assertThat(Results.of(guess, entries, false, true).path("truth").asDouble()).isEqualTo(44.0);
    }

    @Test
    void a_ranking_adds_borda_points_highest_first() {
        ObjectNode r = Results.of(spec(StepKind.RANKING, poll(List.of("A", "B", "C"), null, null, null)),
                entries("[2, 0, 1]", "[2, 1, 0]"), false, false);
        assertThat(r.get("options").toString()).isEqualTo(
                "[{\"label\":\"C\",\"points\":4},{\"label\":\"A\",\"points\":1},{\"label\":\"B\",\"points\":1}]");
        assertThat(r.path("maxPoints").asInt()).isEqualTo(4);
    }

    private static StepSpec spec(StepKind kind, StepSpec.PollSpec poll) {
        return new StepSpec("p", kind, "Poll", null, null, 60, poll);
    }

    private static StepSpec.PollSpec poll(List<String> options, Double min, Double max, Double truth) {
        return new StepSpec.PollSpec("Q?", options, null, min, max, null, null, 3, 30, truth, "%", "a survey", false,
                null);
    }

    private static List<Tally.Entry> entries(String... values) {
        List<Tally.Entry> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            try {
                JsonNode v = JSON.readTree(values[i]);
                out.add(new Tally.Entry(100 + i, i + 1, v, 1, false, false));
            } catch (Exception e) {
                throw new IllegalArgumentException(values[i], e);
            }
        }
        return out;
    }
}
