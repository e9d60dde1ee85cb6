package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tallersocial.Config;
import org.tallersocial.Main;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.ProcessRoom;
import org.tallersocial.testing.ServerProcess;
import org.tallersocial.testing.Stored;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * --durable-commits on: the writer forces the database file to the disk device after each batch it
 * commits, before the batch's acks leave; what it acknowledged is stored. Off, the default, it never does
 * (a commit still reaches the file before its ack, which a killed server survives: KillDuringBurstTest).
 */
class DurableCommitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PHONES = 8;

    @Test
    void on_the_writer_forces_the_file_to_disk_once_per_batch_before_the_acks_and_the_answers_are_stored() {
        try (TestServer server = TestServer.withDurableCommits()) {
            assertThat(server.app().config().durableCommits()).isTrue();
            Answered answered = answerOnEveryPhone(server);
            long forced = server.app().writer().forcedToDisk();
            assertThat(forced).as("forced after each batch that committed, never more often than answers")
                    .isBetween(1L, (long) answered.acks());
            assertThat(Stored.values(server, "answer", "client_seq")).hasSize(PHONES);

            // A batch with nothing new to commit (a phone resending what is stored) forces nothing.
            LiveRoom.Phone late = answered.room().join("Late");
            long step = late.ws.awaitStep(1).at("/step/id").asLong();
            assertThat(late.reply(late.answer(step, 2, 5)).path("type").asText()).isEqualTo("ack");
            long afterOne = server.app().writer().forcedToDisk();
            assertThat(afterOne).as("one more answer, one more force").isEqualTo(forced + 1);
            JsonNode duplicate = late.reply(late.answer(step, 2, 5));
            assertThat(duplicate.path("duplicate").asBoolean()).as("%s", duplicate).isTrue();
            assertThat(server.app().writer().forcedToDisk()).isEqualTo(afterOne);
        }
    }

    @Test
    void off_by_default_the_writer_never_forces_the_file() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.app().config().durableCommits()).isFalse();
            answerOnEveryPhone(server);
            assertThat(server.app().writer().forcedToDisk()).isZero();
            assertThat(Stored.values(server, "answer", "client_seq")).hasSize(PHONES);
        }
    }

    @Test
    void the_flag_reaches_the_writer_of_the_real_process_and_what_it_acked_survives_a_kill() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "durable-");
        ServerProcess server = ServerProcess.start(data, TestServer.TEST_CONTENT, List.of("--durable-commits", "on"));
        List<WsClient> sockets = new ArrayList<>();
        try {
            assertThat(server.log()).contains("durable commits: each batch of answers is forced to disk");
            ProcessRoom room = ProcessRoom.live(server, "Durable", "Disco Duro SL", PHONES);
            String code = room.code();
            List<Browser> phones = room.phones();
            sockets.addAll(room.sockets());
            long step = sockets.get(0).awaitStep(1).at("/step/id").asLong();
            for (int p = 0; p < PHONES; p++) {
                sockets.get(p).send(JSON.createObjectNode().put("type", "answer").put("id", "d" + p)
                        .put("step", step).put("seq", 7).put("value", p % 3));
            }
            for (int p = 0; p < PHONES; p++) {
                String msg = "d" + p;
                JsonNode ack = sockets.get(p).await(r -> msg.equals(r.path("id").asText()), Duration.ofSeconds(10));
                assertThat(ack.path("type").asText()).as("%s", ack).isEqualTo("ack");
            }
            server.kill();
            sockets.forEach(WsClient::close);
            sockets.clear();

            server = server.restart();
            for (int p = 0; p < PHONES; p++) {
                WsClient back = WsClient.connect(server.wsUrl() + "/ws/phone/" + code, phones.get(p).cookieHeader());
                sockets.add(back);
                JsonNode state = back.await("state");
                assertThat(state.at("/mine/seq").asLong()).as("phone %d's acknowledged answer", p).isEqualTo(7);
                assertThat(state.at("/mine/value").asInt()).isEqualTo(p % 3);
            }
            assertThat(server.log()).doesNotContain("ERROR", "Exception");
        } finally {
            sockets.forEach(WsClient::close);
            server.close();
        }
    }

    @Test
    void only_on_or_off_is_taken_and_a_bad_value_stops_the_kit_at_start() throws Exception {
        assertThat(Config.from(new String[0], Map.of()).durableCommits()).isFalse();
        assertThat(Config.from(new String[0], Map.of("DURABLE_COMMITS", "on")).durableCommits()).isTrue();
        assertThat(Config.from(new String[] {"--durable-commits", "off"}, Map.of("DURABLE_COMMITS", "on"))
                .durableCommits()).as("the flag wins").isFalse();
        assertThatThrownBy(() -> Config.from(new String[] {"--durable-commits", "yes"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durable commits must be on or off, got 'yes'");
        assertThatThrownBy(() -> Config.from(new String[0], Map.of("DURABLE_COMMITS", "ON")))
                .hasMessage("durable commits must be on or off, got 'ON'");
        assertThat(Config.USAGE).contains("--durable-commits on|off", "DURABLE_COMMITS");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--durable-commits", "always")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("error: durable commits must be on or off, got 'always'", "Usage:");
    }

    private record Answered(LiveRoom room, int acks) {
    }

    /** A live room on its first poll, each phone answering once, all acknowledged. */
    private static Answered answerOnEveryPhone(TestServer server) {
        Browser marta = Facilitators.first(server);
        LiveRoom room = LiveRoom.live(server, marta);
        List<LiveRoom.Phone> phones = new ArrayList<>();
        for (int p = 0; p < PHONES; p++) {
            phones.add(room.join("Phone " + p));
        }
        room.goTo(1);
        long step = phones.get(0).ws.awaitStep(1).at("/step/id").asLong();
        List<String> sent = new ArrayList<>();
        for (int p = 0; p < PHONES; p++) {
            sent.add(phones.get(p).answer(step, p % 3));
        }
        int acks = 0;
        for (int p = 0; p < PHONES; p++) {
            JsonNode reply = phones.get(p).reply(sent.get(p));
            assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("ack");
            acks++;
        }
        return new Answered(room, acks);
    }
}
