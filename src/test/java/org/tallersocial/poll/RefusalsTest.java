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

/** Every bad input gets a clear error on its own socket; the socket and the room carry on. */
class RefusalsTest {

    @RegisterExtension
    final LiveWorkshop live = new LiveWorkshop();
    private Phone phone;
    private WsClient console;
    private long singleStep;

    @BeforeEach
    void start() {
        console = live.room.console();
        phone = live.room.join("Ana");
        live.room.goTo(1);
        singleStep = phone.ws.awaitStep(1).at("/step/id").asLong();
    }

    private JsonNode error(String code) {
        return phone.ws.await(m -> "error".equals(m.path("type").asText()) && code.equals(m.path("code").asText()),
                Duration.ofSeconds(5));
    }

    private void theRoomCarriesOnWithNothingStored() {
        JsonNode ack = phone.answerAndWait(singleStep, 0);
        assertThat(ack.path("type").asText()).isEqualTo("ack");
        JsonNode results = console.await(m -> "results".equals(m.path("type").asText()), Duration.ofSeconds(5));
        assertThat(results.at("/results/voters").asInt()).as("only the valid answer counts").isEqualTo(1);
    }

    @Test
    void a_vote_on_a_closed_poll_is_refused() {
        live.room.poll(singleStep, "close");
        phone.ws.await(m -> m.at("/step/pollState").asText().equals("closed"), Duration.ofSeconds(5));

        JsonNode reply = phone.answerAndWait(singleStep, 0);

        assertThat(reply.path("code").asText()).isEqualTo("poll_closed");
        assertThat(reply.path("message").asText()).isEqualTo("This poll is closed.");
        live.room.poll(singleStep, "open");
        theRoomCarriesOnWithNothingStored();
    }

    @Test
    void a_number_too_big_for_an_int_is_not_taken_as_option_zero() {
        // 2^32 and 2^121 wrap to 0 in JsonNode.asInt(); the fuzz test found them counted as the first option.
        for (Object huge : List.of(new java.math.BigInteger("4294967296"), java.math.BigInteger.TWO.pow(121))) {
            JsonNode reply = phone.answerAndWait(singleStep, huge);
            assertThat(reply.path("code").asText()).as("%s", huge).isEqualTo("unknown_option");
        }
    }

    @Test
    void a_step_or_seq_that_is_not_a_whole_number_is_refused() {
        for (String bad : List.of("1.5", "1e400", "\"1\"", "18446744073709551617")) {
            String text = "{\"type\":\"answer\",\"id\":\"w\",\"step\":" + singleStep + ",\"seq\":" + bad
                    + ",\"value\":0}";
            phone.ws.send(text);
            assertThat(phone.reply("w").path("code").asText()).as(text).isEqualTo("invalid_message");
            // 3.0 would read as step 3; a fraction of the right step is no step either.
            text = "{\"type\":\"answer\",\"id\":\"w\",\"step\":" + singleStep + ".5,\"seq\":1,\"value\":0}";
            phone.ws.send(text);
            JsonNode reply = phone.reply("w");
            assertThat(reply.path("code").asText()).as(text).isEqualTo("invalid_message");
        }
        theRoomCarriesOnWithNothingStored();
    }

    @Test
    void a_vote_for_another_step_is_refused() {
        JsonNode reply = phone.answerAndWait(singleStep + 1, List.of(0));
        assertThat(reply.path("code").asText()).isEqualTo("wrong_step");
        theRoomCarriesOnWithNothingStored();
    }

    @Test
    void a_vote_for_an_unknown_option_is_refused() {
        assertThat(phone.answerAndWait(singleStep, 7).path("code").asText()).isEqualTo("unknown_option");
        assertThat(phone.answerAndWait(singleStep, "1").path("code").asText()).isEqualTo("unknown_option");
        assertThat(phone.answerAndWait(singleStep, -1).path("code").asText()).isEqualTo("unknown_option");
        theRoomCarriesOnWithNothingStored();
    }

    @Test
    void malformed_and_unknown_messages_get_an_error_and_the_socket_stays_open() {
        phone.ws.send("{not json");
        assertThat(error("bad_json").path("message").asText()).isEqualTo("That message is not valid JSON.");
        phone.ws.send("[1,2,3]");
        error("bad_json");
        phone.ws.send("{\"type\":\"vote-for-me\"}");
        assertThat(error("unknown_type").path("message").asText()).contains("vote-for-me");
        phone.ws.send("{\"type\":\"answer\",\"id\":\"x1\",\"value\":0}");
        error("invalid_message");
        phone.ws.send("{\"type\":\"answer\",\"id\":\"x2\",\"step\":" + singleStep + ",\"value\":0,\"seq\":0}");
        error("invalid_message");
        phone.ws.send("{\"type\":\"answer\",\"id\":\"x3\",\"step\":" + singleStep + ",\"seq\":5}");
        error("invalid_answer");

        assertThat(phone.ws.isClosed()).isFalse();
        theRoomCarriesOnWithNothingStored();
    }

    @Test
    void an_oversize_message_is_refused() {
        phone.ws.send("{\"type\":\"answer\",\"id\":\"big\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(error("too_large").path("message").asText()).isEqualTo("That message is too large.");
        theRoomCarriesOnWithNothingStored();
    }

    @Test
    void an_oversize_text_answer_is_refused() {
        live.room.goTo(5);
        long textStep = phone.ws.awaitStep(5).at("/step/id").asLong();
        JsonNode reply = phone.answerAndWait(textStep, "y".repeat(101));
        assertThat(reply.path("code").asText()).isEqualTo("too_long");
        assertThat(reply.path("message").asText()).isEqualTo("At most 100 characters, please.");
        assertThat(phone.answerAndWait(textStep, "   ").path("code").asText()).isEqualTo("invalid_answer");
        assertThat(phone.answerAndWait(textStep, "y".repeat(100)).path("type").asText()).isEqualTo("ack");
    }

    @Test
    void the_projector_cannot_answer() {
        WsClient projector = live.room.projector();
        projector.await("state");
        projector.send("{\"type\":\"answer\",\"id\":\"p1\",\"step\":" + singleStep + ",\"value\":0,\"seq\":1}");
        JsonNode reply = projector.await("error");
        assertThat(reply.path("code").asText()).isEqualTo("not_allowed");
        theRoomCarriesOnWithNothingStored();
    }

    @Test
    void too_many_picks_and_repeated_picks_are_refused() {
        live.room.goTo(2);
        long multiStep = phone.ws.awaitStep(2).at("/step/id").asLong();
        assertThat(phone.answerAndWait(multiStep, List.of(0, 1, 2)).path("code").asText()).isEqualTo("too_many_picks");
        assertThat(phone.answerAndWait(multiStep, List.of(1, 1)).path("code").asText()).isEqualTo("invalid_answer");
        assertThat(phone.answerAndWait(multiStep, List.of()).path("code").asText()).isEqualTo("invalid_answer");
    }

    @Test
    void out_of_range_scale_guess_and_incomplete_ranking_are_refused() {
        live.room.goTo(3);
        long scale = phone.ws.awaitStep(3).at("/step/id").asLong();
        assertThat(phone.answerAndWait(scale, 6).path("code").asText()).isEqualTo("out_of_range");
        assertThat(phone.answerAndWait(scale, 2.5).path("code").asText()).isEqualTo("out_of_range");
        live.room.goTo(6);
        long guess = phone.ws.awaitStep(6).at("/step/id").asLong();
        assertThat(phone.answerAndWait(guess, 101).path("code").asText()).isEqualTo("out_of_range");
        live.room.goTo(7);
        long ranking = phone.ws.awaitStep(7).at("/step/id").asLong();
        assertThat(phone.answerAndWait(ranking, List.of(0, 1, 2)).path("code").asText()).isEqualTo("invalid_answer");
        assertThat(phone.answerAndWait(ranking, List.of(0, 1, 2, 2)).path("code").asText()).isEqualTo("invalid_answer");
    }

    @Test
    void a_slide_takes_no_answers() {
        live.room.goTo(0);
        long slide = phone.ws.awaitStep(0).at("/step/id").asLong();
        assertThat(phone.answerAndWait(slide, 0).path("code").asText()).isEqualTo("not_a_poll");
    }
}
