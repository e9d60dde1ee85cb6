package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tallersocial.db.Database;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.ProcessRoom;
import org.tallersocial.testing.ServerProcess;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * kill -9 of the server while a room answers as fast as it can: whatever a
 * phone saw acknowledged is on disk after the restart, once, and every phone
 * gets its own answer back when it reconnects.
 */
class KillDuringBurstTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PHONES = 30;
    private static final int ANSWERS_EACH = 400;
    private static final int KILL_AFTER_ACKS = 1500;

    /** What each phone sends with a given seq, so a stored row can be checked against what was sent. */
    private static int valueFor(int phone, long seq) {
        return (int) ((phone + seq) % 3);
    }

    @Test
    void after_a_kill_mid_burst_every_acknowledged_answer_is_stored_once_and_phones_get_theirs_back()
            throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kill-");
        ServerProcess server = ServerProcess.start(data, TestServer.TEST_CONTENT);
        List<Browser> browsers = new ArrayList<>();
        List<WsClient> sockets = new ArrayList<>();
        try {
            ProcessRoom room = ProcessRoom.live(server, "Burst", "Kill Nine SL", PHONES);
            Browser facilitator = room.facilitator();
            long id = room.id();
            String code = room.code();
            browsers.addAll(room.phones());
            sockets.addAll(room.sockets());
            long step = sockets.get(0).awaitStep(1).at("/step/id").asLong();

            // Every phone changes its vote again and again without waiting for acks, as an outbox would.
            AtomicBoolean dead = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int p = 0; p < PHONES; p++) {
                int phone = p;
                Thread t = new Thread(() -> {
                    for (long seq = 1; seq <= ANSWERS_EACH && !dead.get(); seq++) {
                        try {
                            sockets.get(phone).send(JSON.createObjectNode().put("type", "answer")
                                    .put("id", "p" + phone + "-" + seq).put("step", step).put("seq", seq)
                                    .put("value", valueFor(phone, seq)));
                        } catch (RuntimeException gone) {
                            return;
                        }
                    }
                });
                t.start();
                senders.add(t);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acks(sockets).values().stream().mapToInt(List::size).sum() < KILL_AFTER_ACKS
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            server.kill();
            dead.set(true);
            for (Thread t : senders) {
                t.join(10_000);
            }
            sockets.forEach(ws -> ws.awaitClose(Duration.ofSeconds(10)));

            Map<Integer, List<JsonNode>> acks = acks(sockets);
            int acked = acks.values().stream().mapToInt(List::size).sum();
            assertThat(acked).as("the kill came in the middle of the burst")
                    .isGreaterThanOrEqualTo(KILL_AFTER_ACKS).isLessThan(PHONES * ANSWERS_EACH);
            Map<Integer, Long> highestAcked = new HashMap<>();
            acks.forEach((p, list) -> list.stream().mapToLong(a -> a.path("seq").asLong()).max()
                    .ifPresent(max -> highestAcked.put(p, max)));
            System.out.printf("kill -9 after %d acks of %d sent at most; %d phones had an ack%n",
                    acked, PHONES * ANSWERS_EACH, highestAcked.size());

            server = server.restart();
            Map<Integer, Long> storedSeq = new HashMap<>();
            for (int p = 0; p < PHONES; p++) {
                WsClient again = WsClient.connect(server.wsUrl() + "/ws/phone/" + code, browsers.get(p).cookieHeader());
                sockets.set(p, again);
                JsonNode state = again.await("state");
                assertThat(state.at("/step/index").asInt()).isEqualTo(1);
                if (highestAcked.containsKey(p)) {
                    long seq = state.at("/mine/seq").asLong();
                    assertThat(seq).as("phone %d got back at least its last acknowledged answer", p)
                            .isGreaterThanOrEqualTo(highestAcked.get(p));
                    assertThat(state.at("/mine/value").asInt()).isEqualTo(valueFor(p, seq));
                    storedSeq.put(p, seq);
                    // The outbox resends what it last sent: the server knows it already.
                    String retryId = "retry-" + p;
                    again.send(JSON.createObjectNode().put("type", "answer").put("id", retryId)
                            .put("step", step).put("seq", seq).put("value", valueFor(p, seq)));
                    JsonNode ack = again.await(r -> retryId.equals(r.path("id").asText()), Duration.ofSeconds(10));
                    assertThat(ack.path("type").asText()).isEqualTo("ack");
                    assertThat(ack.path("duplicate").asBoolean()).isTrue();
                }
            }
            WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + id, facilitator.cookieHeader());
            JsonNode state = console.await("state");
            int voters = state.at("/results/voters").asInt();
            assertThat(voters).as("the projector's count: one per phone that stored an answer")
                    .isGreaterThanOrEqualTo(highestAcked.size()).isLessThanOrEqualTo(PHONES);
            console.close();
            sockets.forEach(WsClient::close);
            server.stop();

            try (Connection c = DriverManager.getConnection(Database.url(data) + ";IFEXISTS=TRUE", "kit", "");
                 PreparedStatement q = c.prepareStatement("SELECT p.display_name, COUNT(*), MAX(a.client_seq) "
                         + "FROM answer a JOIN participant p ON p.id = a.participant_id WHERE a.step_id = ? "
                         + "GROUP BY p.display_name")) {
                q.setLong(1, step);
                int rows = 0;
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        int phone = Integer.parseInt(r.getString(1).replace("Phone ", ""));
                        assertThat(r.getInt(2)).as("phone %d's answer is stored once", phone).isEqualTo(1);
                        if (storedSeq.containsKey(phone)) {
                            assertThat(r.getLong(3)).isEqualTo(storedSeq.get(phone));
                        }
                    }
                }
                assertThat(rows).isEqualTo(voters);
                assertThat(storedSeq.keySet()).hasSize(highestAcked.size());
            }
            assertThat(server.log()).doesNotContain("Exception", "ERROR");
        } finally {
            sockets.forEach(WsClient::close);
            server.close();
        }
    }

    private static Map<Integer, List<JsonNode>> acks(List<WsClient> sockets) throws Exception {
        Map<Integer, List<JsonNode>> acks = new HashMap<>();
        for (int p = 0; p < sockets.size(); p++) {
            List<JsonNode> mine = new ArrayList<>();
            for (String line : sockets.get(p).transcript().split("\n")) {
                if (line.contains("\"ack\"")) {
                    JsonNode msg = JSON.readTree(line);
                    if ("ack".equals(msg.path("type").asText())) {
                        mine.add(msg);
                    }
                }
            }
            acks.put(p, mine);
        }
        return acks;
    }
}
