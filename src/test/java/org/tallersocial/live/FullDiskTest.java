package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.ServerProcess;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * The database cannot grow (the file-size limit of the server's process, which
 * fails writes with EFBIG as a full disk does, and binds root too, where a
 * read-only chmod would not): phones are told `not_saved` and keep their
 * answer, the log says why, and nothing acknowledged before is lost.
 */
class FullDiskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("data-code=\"([A-Z0-9]{6})\"");
    private static final int PHONES = 10;

    @Test
    void when_the_disk_is_full_phones_are_told_not_saved_the_log_says_so_and_nothing_acknowledged_is_lost()
            throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "full-");
        ServerProcess server = ServerProcess.start(data, TestServer.TEST_CONTENT);
        List<Browser> phones = new ArrayList<>();
        List<WsClient> sockets = new ArrayList<>();
        try {
            Browser facilitator = server.firstFacilitator();
            Browser.Response created = facilitator.post("/facilitate/workshops", "title", "Full", "company", "Disco SA",
                    "template", "poll-kinds/en");
            long id = Long.parseLong(created.location().orElseThrow().replace("/facilitate/", ""));
            Matcher m = CODE.matcher(facilitator.get("/facilitate/" + id).body());
            assertThat(m.find()).isTrue();
            String code = m.group(1);
            facilitator.post("/facilitate/" + id + "/live");
            for (int p = 0; p < PHONES; p++) {
                Browser phone = server.browser();
                phone.get("/j/" + code);
                assertThat(phone.post("/j/" + code, "name", "Phone " + p).status()).isEqualTo(303);
                phones.add(phone);
            }
            server.stop();

            server = server.restartWithRoomFor(256);
            for (Browser phone : phones) {
                sockets.add(WsClient.connect(server.wsUrl() + "/ws/phone/" + code, phone.cookieHeader()));
            }
            WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + id, facilitator.cookieHeader());
            int steps = console.await("state").at("/step/count").asInt();
            long textStep = -1;
            int textIndex = -1;
            for (int i = 0; i < steps && textStep < 0; i++) {
                facilitator.post("/facilitate/" + id + "/step", "to", String.valueOf(i));
                JsonNode step = console.awaitStep(i).get("step");
                if (step.path("kind").asText().equals("text")) {
                    textStep = step.path("id").asLong();
                    textIndex = i;
                }
            }
            assertThat(textStep).isPositive();

            // Every phone rewrites its text answer until the file cannot grow any more.
            Map<Integer, Long> acked = new HashMap<>();
            String refusal = null;
            int sent = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (long seq = 1; refusal == null && System.nanoTime() < deadline && seq < 5_000; seq++) {
                for (int p = 0; p < PHONES && refusal == null; p++) {
                    String msgId = "t" + p + "-" + seq;
                    sockets.get(p).send(JSON.createObjectNode().put("type", "answer").put("id", msgId)
                            .put("step", textStep).put("seq", seq).put("value", text(p, seq)));
                    sent++;
                    JsonNode reply = sockets.get(p).await(r -> msgId.equals(r.path("id").asText()),
                            Duration.ofSeconds(20));
                    if (reply.path("type").asText().equals("ack")) {
                        acked.put(p, seq);
                    } else {
                        refusal = reply.path("code").asText() + ": " + reply.path("message").asText();
                    }
                }
            }
            System.out.printf("disk full after %d answers (%d acknowledged phones): %s%n", sent, acked.size(), refusal);
            assertThat(refusal).as("the disk filled within the test").isNotNull()
                    .startsWith("not_saved: The server could not save this answer right now. It will be sent again.");
            JsonNode alarm = console.await(r -> r.path("type").asText().equals("storage"), Duration.ofSeconds(5));
            assertThat(alarm.at("/storage/ok").asBoolean()).as("the console is told at once").isFalse();
            console.forget();
            console.send("{\"type\":\"hello\"}");
            assertThat(console.await("state").at("/storage/ok").asBoolean())
                    .as("a fresh snapshot of the console says so too").isFalse();
            String log = server.log();
            assertThat(log).contains("could not store", "disk full or read-only?", data.toString());
            Browser.Response health = server.browser().get("/health");
            assertThat(health.status()).as("health says the database is down: %s", health.body()).isEqualTo(503);
            String later = "later";
            sockets.get(1).send(JSON.createObjectNode().put("type", "answer").put("id", later).put("step", textStep)
                    .put("seq", 9_000).put("value", text(1, 9_000)));
            assertThat(sockets.get(1).await(r -> later.equals(r.path("id").asText()), Duration.ofSeconds(20))
                    .path("code").asText()).as("a later answer is refused too, not acknowledged").isEqualTo("not_saved");
            server.kill();
            sockets.forEach(WsClient::close);

            server = server.restart();
            for (int p = 0; p < PHONES; p++) {
                WsClient again = WsClient.connect(server.wsUrl() + "/ws/phone/" + code, phones.get(p).cookieHeader());
                sockets.set(p, again);
                JsonNode state = again.await("state");
                assertThat(state.at("/step/index").asInt()).isEqualTo(textIndex);
                if (acked.containsKey(p)) {
                    long seq = state.at("/mine/seq").asLong();
                    assertThat(seq).as("phone %d keeps its last acknowledged answer", p).isGreaterThanOrEqualTo(acked.get(p));
                    assertThat(state.at("/mine/value").asText()).isEqualTo(text(p, seq));
                }
            }
            WsClient consoleAfter = WsClient.connect(server.wsUrl() + "/ws/console/" + id, facilitator.cookieHeader());
            assertThat(consoleAfter.await("state").at("/storage/ok").asBoolean()).isTrue();
            consoleAfter.close();
            // With room again, the answer that was refused goes through.
            String retry = "retry";
            sockets.get(0).send(JSON.createObjectNode().put("type", "answer").put("id", retry).put("step", textStep)
                    .put("seq", 10_000).put("value", text(0, 10_000)));
            assertThat(sockets.get(0).await(r -> retry.equals(r.path("id").asText()), Duration.ofSeconds(10))
                    .path("type").asText()).isEqualTo("ack");
        } finally {
            sockets.forEach(WsClient::close);
            server.close();
        }
    }

    private static String text(int phone, long seq) {
        return ("Phone " + phone + " answer " + seq + " ").repeat(6).substring(0, 90);
    }
}
