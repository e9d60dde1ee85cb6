package org.tallersocial.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveWorkshop;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.WsClient;

/** Each poll kind's tally, as the console receives it. */
class PollKindsTest {

    @RegisterExtension
    final LiveWorkshop live = new LiveWorkshop();
    private WsClient console;
    private List<Phone> phones;

    @BeforeEach
    void start() {
        console = live.room.console();
        phones = List.of(live.room.join("Ana"), live.room.join("Bo"), live.room.join("Cai"));
    }

    private JsonNode answerAll(int position, Object... values) {
        live.room.goTo(position);
        long step = 0;
        for (Phone p : phones) {
            step = p.ws.awaitStep(position).at("/step/id").asLong();
        }
        for (int i = 0; i < values.length; i++) {
            assertThat(phones.get(i).answerAndWait(step, values[i]).path("type").asText()).isEqualTo("ack");
        }
        return console.await(m -> "results".equals(m.path("type").asText())
                && m.at("/results/voters").asInt() == values.length, Duration.ofSeconds(5)).get("results");
    }

    @Test
    void single_choice_counts_each_option() {
        JsonNode r = answerAll(1, 1, 1, 2);
        assertThat(r.at("/options/0/count").asInt()).isZero();
        assertThat(r.at("/options/1/count").asInt()).isEqualTo(2);
        assertThat(r.at("/options/2/count").asInt()).isEqualTo(1);
        assertThat(r.at("/options/1/label").asText()).isEqualTo("Everyone");
    }

    @Test
    void multiple_choice_counts_every_pick() {
        JsonNode r = answerAll(2, List.of(0, 1), List.of(0), List.of(3, 0));
        assertThat(r.at("/voters").asInt()).isEqualTo(3);
        assertThat(r.at("/options/0/count").asInt()).isEqualTo(3);
        assertThat(r.at("/options/1/count").asInt()).isEqualTo(1);
        assertThat(r.at("/options/3/count").asInt()).isEqualTo(1);
    }

    @Test
    void a_scale_shows_its_distribution_and_mean() {
        JsonNode r = answerAll(3, 1, 4, 4);
        assertThat(r.at("/counts").toString()).isEqualTo("[1,0,0,2,0]");
        assertThat(r.at("/mean").asDouble()).isEqualTo(3.0);
        assertThat(r.at("/minLabel").asText()).isEqualTo("Badly");
    }

    @Test
    void a_word_cloud_counts_words_regardless_of_case_and_accents() {
        JsonNode r = answerAll(4, List.of("Éxito", "equipo"), List.of(" EXITO "), List.of("exito", "Equipo", "clientes"));
        assertThat(r.at("/words/0/count").asInt()).isEqualTo(3);
        assertThat(r.at("/words/0/word").asText()).isEqualTo("éxito");
        assertThat(r.at("/words/1/word").asText()).isEqualTo("equipo");
        assertThat(r.at("/words/1/count").asInt()).isEqualTo(2);
        assertThat(r.at("/words/2/count").asInt()).isEqualTo(1);
    }

    @Test
    void open_text_answers_are_listed_in_the_order_written() {
        JsonNode r = answerAll(5, "No time", "  Fear of   mistakes ", "Privacy");
        assertThat(r.at("/answers/0/text").asText()).isEqualTo("No time");
        assertThat(r.at("/answers/1/text").asText()).isEqualTo("Fear of mistakes");
        assertThat(r.at("/answers/2/text").asText()).isEqualTo("Privacy");
    }

    @Test
    void a_numeric_guess_shows_the_spread_and_the_truth_only_once_revealed() {
        JsonNode r = answerAll(6, 20, 50, 35.5);
        assertThat(r.at("/median").asDouble()).isEqualTo(35.5);
        assertThat(r.at("/low").asDouble()).isEqualTo(20.0);
        assertThat(r.at("/high").asDouble()).isEqualTo(50.0);
        assertThat(r.at("/bins").toString()).isEqualTo("[0,0,1,1,0,1,0,0,0,0]");
        WsClient projector = live.room.projector();
        assertThat(projector.await("state").toString()).doesNotContain("\"truth\"");
    }

    @Test
    void a_ranking_is_aggregated_by_borda_count() {
        JsonNode r = answerAll(7, List.of(2, 0, 1, 3), List.of(2, 1, 0, 3), List.of(0, 2, 3, 1));
        // 4 options: first place 3 points, last 0. Responsibilities: 3+3+2 = 8; Coherence: 2+1+3 = 6.
        assertThat(r.at("/options/0/label").asText()).isEqualTo("Responsibilities");
        assertThat(r.at("/options/0/points").asInt()).isEqualTo(8);
        assertThat(r.at("/options/1/label").asText()).isEqualTo("Coherence");
        assertThat(r.at("/options/1/points").asInt()).isEqualTo(6);
        assertThat(r.at("/maxPoints").asInt()).isEqualTo(9);
    }
}
