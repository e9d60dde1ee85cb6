package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tallersocial.db.Database;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.ServerProcess;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * Thousands of generated messages that no phone of ours would send, at a
 * live workshop, on every kind of step, while honest phones answer: nothing
 * they send is stored, no socket is lost, the tallies are those of the honest
 * phones, and the server logs no error. Seeded, so a failure reproduces:
 * run again with -Dfuzz.seed=N.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("data-code=\"([A-Z0-9]{6})\"");
    private static final int HONEST = 5;
    private static final int HOSTILE = 4;
    private static final int MESSAGES_PER_PHASE = 1200;

    private final long seed = Long.getLong("fuzz.seed", 20261201L);
    private final Random random = new Random(seed);

    private ServerProcess server;
    private Browser facilitator;
    private long workshop;
    private String code;
    private final List<Browser> honestBrowsers = new ArrayList<>();
    private final List<WsClient> honest = new ArrayList<>();
    private final List<Browser> hostileBrowsers = new ArrayList<>();
    private final List<WsClient> hostile = new ArrayList<>();
    private final Map<String, Long> steps = new HashMap<>();
    private int sent;
    private final Map<String, String> sentById = new HashMap<>();

    @Test
    void hostile_messages_and_posts_store_nothing_break_no_socket_and_leave_the_tallies_exact() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fuzz-");
        server = ServerProcess.start(data, TestServer.REAL_CONTENT);
        try {
            setUp();
            long start = System.nanoTime();

            int[] whoSpeaks = pollPhase("who-speaks", p -> p % 3);
            int[] scale = pollPhase("inside-organisation", p -> 1 + p % 5);
            profilePhase();
            raciPhase();
            formPosts();

            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("hostile input (seed %d): %d messages and posts in %d ms%n", seed, sent, millis);

            for (WsClient ws : hostile) {
                assertThat(ws.transcript()).as("no hostile message was ever acknowledged").doesNotContain("\"ack\"");
                assertThat(ws.isClosed()).isFalse();
            }
            hostile.forEach(WsClient::close);
            honest.forEach(WsClient::close);
            String log = server.log();
            server.stop();
            assertThat(log).as("the server log").doesNotContain("ERROR", "Exception", "Uncaught");
            checkDatabase(data, whoSpeaks, scale);
        } finally {
            hostile.forEach(WsClient::close);
            honest.forEach(WsClient::close);
            server.close();
        }
    }

    private void setUp() {
        facilitator = server.firstFacilitator();
        Browser.Response created = facilitator.post("/facilitate/workshops", "title", "Fuzz", "company", "Hostil SA",
                "template", "social-business/en");
        workshop = Long.parseLong(created.location().orElseThrow().replace("/facilitate/", ""));
        Matcher m = CODE.matcher(facilitator.get("/facilitate/" + workshop).body());
        assertThat(m.find()).isTrue();
        code = m.group(1);
        act("/live");
        for (int p = 0; p < HONEST + HOSTILE; p++) {
            Browser phone = server.browser();
            phone.get("/j/" + code);
            assertThat(phone.post("/j/" + code, "name", (p < HONEST ? "Honest " : "Hostile ") + p).status())
                    .isEqualTo(303);
            WsClient ws = WsClient.connect(server.wsUrl() + "/ws/phone/" + code, phone.cookieHeader());
            (p < HONEST ? honestBrowsers : hostileBrowsers).add(phone);
            (p < HONEST ? honest : hostile).add(ws);
        }
        WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + workshop, facilitator.cookieHeader());
        int count = console.await("state").at("/step/count").asInt();
        for (int i = 0; i < count; i++) {
            act("/step", "to", String.valueOf(i));
            JsonNode step = console.awaitStep(i).get("step");
            steps.put(step.path("key").asText() + "#index", (long) i);
            steps.put(step.path("key").asText(), step.path("id").asLong());
        }
        console.close();
    }

    private void goTo(String key) {
        int index = steps.get(key + "#index").intValue();
        act("/step", "to", String.valueOf(index));
        for (WsClient ws : honest) {
            ws.awaitStep(index);
        }
    }

    /** Honest phones answer out of order (seqs shuffled) while hostile ones fuzz; returns each honest final answer. */
    private int[] pollPhase(String key, java.util.function.IntUnaryOperator finalValue) {
        goTo(key);
        long step = steps.get(key);
        int[] finals = new int[HONEST];
        for (int p = 0; p < HONEST; p++) {
            finals[p] = finalValue.applyAsInt(p);
            // seq 5 carries the final value; 1 to 4, sent after it, are older and must not replace it.
            int wrong = key.equals("who-speaks") ? (finals[p] + 1) % 3 : 1 + finals[p] % 5;
            honest.get(p).send(answer("h" + p + "-5", step, 5, JSON.getNodeFactory().numberNode(finals[p])));
            for (int seq = 1; seq <= 4; seq++) {
                honest.get(p).send(answer("h" + p + "-" + seq, step, seq, JSON.getNodeFactory().numberNode(wrong)));
            }
        }
        fuzz(step, "answer");
        for (int p = 0; p < HONEST; p++) {
            String last = "h" + p + "-4";
            JsonNode reply = honest.get(p).await(m -> last.equals(m.path("id").asText()), Duration.ofSeconds(10));
            assertThat(reply.path("duplicate").asBoolean()).as("an older answer after a newer one").isTrue();
        }
        WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + workshop, facilitator.cookieHeader());
        JsonNode results = console.await("state").get("results");
        console.close();
        assertThat(results.path("voters").asInt()).as("only the honest phones count").isEqualTo(HONEST);
        if (key.equals("who-speaks")) {
            for (int option = 0; option < 3; option++) {
                int o = option;
                long expected = java.util.Arrays.stream(finals).filter(v -> v == o).count();
                assertThat(results.at("/options/" + option + "/count").asLong()).isEqualTo(expected);
            }
        } else {
            double mean = java.util.Arrays.stream(finals).average().orElseThrow();
            assertThat(results.path("mean").asDouble()).isEqualTo(Math.round(mean * 100.0) / 100.0);
        }
        return finals;
    }

    private void profilePhase() throws Exception {
        goTo("link-profiles");
        long step = steps.get("link-profiles");
        act("/steps/" + step + "/poll", "action", "open");
        for (int p = 0; p < HONEST; p++) {
            JsonNode reply = ProfileAnswers.send(honest.get(p), step, "LinkedIn",
                    ProfileAnswers.answer("yes", 1, List.of("time"), List.of("training")));
            assertThat(reply.path("type").asText()).as(reply.toString()).isEqualTo("ack");
        }
        fuzz(step, "profile");
    }

    private void raciPhase() throws Exception {
        goTo("roles");
        long step = steps.get("roles");
        act("/steps/" + step + "/raci/open", "activities", "all");
        JsonNode picture = honest.get(0).await(m -> m.has("picture") && m.at("/picture/activities/0/open").asBoolean(),
                Duration.ofSeconds(5)).get("picture");
        long activity = picture.at("/activities/0/id").asLong();
        long owner = picture.at("/roles/0/id").asLong();
        for (int p = 0; p < HONEST; p++) {
            ObjectNode msg = JSON.createObjectNode().put("type", "raci.propose").put("id", "r" + p).put("step", step)
                    .put("seq", 1).put("activity", activity).put("accountable", owner);
            msg.putArray("responsible").add(owner);
            honest.get(p).send(msg);
            String id = "r" + p;
            JsonNode reply = honest.get(p).await(m -> id.equals(m.path("id").asText()), Duration.ofSeconds(10));
            assertThat(reply.path("type").asText()).as(reply.toString()).isEqualTo("ack");
        }
        fuzz(step, "raci.propose");
    }

    /** Hostile phones send generated messages; each socket must still answer a ping afterwards. */
    private void fuzz(long currentStep, String mainType) {
        long otherStep = steps.get("networks-used");
        for (int i = 0; i < MESSAGES_PER_PHASE; i++) {
            WsClient ws = hostile.get(random.nextInt(HOSTILE));
            String text = hostileMessage(i, currentStep, otherStep, mainType);
            ws.send(text);
            sentById.put("f" + i + "@" + currentStep, text);
            sent++;
        }
        for (int p = 0; p < HOSTILE; p++) {
            WsClient ws = hostile.get(p);
            String id = "alive-" + currentStep + "-" + p;
            ws.send(JSON.createObjectNode().put("type", "ping").put("id", id).toString());
            // A socket that flooded may be told to slow down ("busy", with the id) instead of answered.
            ws.await(m -> "pong".equals(m.path("type").asText()) || id.equals(m.path("id").asText()),
                    Duration.ofSeconds(10));
            for (String line : ws.transcript().split("\n")) {
                if (line.contains("\"ack\"")) {
                    String acked = line.replaceAll(".*\"id\":\"([^\"]*)\".*", "$1");
                    throw new AssertionError("a hostile message was acknowledged: " + line + "\nit was: "
                            + sentById.get(acked + "@" + currentStep));
                }
            }
            ws.send(JSON.createObjectNode().put("type", "ping").put("id", id).toString());
            assertThat(ws.await(m -> "pong".equals(m.path("type").asText()) || id.equals(m.path("id").asText()),
                    Duration.ofSeconds(10)))
                    .as("hostile socket %d still answers", p).isNotNull();
        }
    }

    private String hostileMessage(int i, long step, long otherStep, String mainType) {
        String id = "f" + i;
        return switch (random.nextInt(12)) {
            case 0 -> randomText(random.nextInt(60));
            case 1 -> pick("[]", "42", "\"answer\"", "null", "true", "{", "{\"type\":", "", " ", "{}}", "\u0000");
            case 2 -> "[".repeat(3000 + random.nextInt(1000)) + "]".repeat(3000);
            case 3 -> answer(id, step, 1, JSON.getNodeFactory().textNode("x".repeat(9_000 + random.nextInt(10_000))))
                    .toString();
            case 4 -> JSON.createObjectNode().put("type", randomType()).put("id", id).put("step", step).toString();
            case 5 -> hello(id);
            default -> {
                ObjectNode msg = switch (random.nextBoolean() ? mainType : pick("answer", "profile", "raci.propose")) {
                    case "answer" -> badAnswer(id, step, otherStep);
                    case "profile" -> badProfile(id, step, otherStep);
                    default -> badRaci(id, step, otherStep);
                };
                yield msg.toString();
            }
        };
    }

    /** hello and ping with junk around them: answered with a snapshot or a pong, never a row. */
    private String hello(String id) {
        ObjectNode msg = JSON.createObjectNode().put("type", pick("hello", "ping")).put("id", id);
        msg.put("step", random.nextLong()).put("value", randomText(20));
        msg.putArray("extra").add(random.nextInt()).addObject().put("deep", randomText(5));
        return msg.toString();
    }

    private ObjectNode badAnswer(String id, long step, long otherStep) {
        JsonNode good = JSON.getNodeFactory().numberNode(1);
        return switch (random.nextInt(10)) {
            case 0 -> answer(id, otherStep, 100 + random.nextInt(100), good);
            case 1 -> answer(id, 9_000_000 + random.nextInt(1000), 1, good);
            case 2 -> answer(id, step, 1, good).put("step", pick("abc", "", "1e400", String.valueOf(step) + "x"));
            case 3 -> (ObjectNode) answer(id, step, 1, good).without("seq");
            case 4 -> answer(id, step, 1, good).put("seq", pick("1", "one", ""));
            case 5 -> answer("x".repeat(65 + random.nextInt(200)), step, 1, good);
            case 6 -> (ObjectNode) answer(id, step, 1, good).without("id");
            case 7 -> answer(id, step, 1, good).put("id", random.nextInt());
            case 8 -> (ObjectNode) answer(id, step, 1, good).without("value");
            default -> answer(id, step, 1 + random.nextInt(1000), badValue());
        };
    }

    /** A value no poll of the default workshop takes: out of range, the wrong type, or absurd. */
    private JsonNode badValue() {
        var f = JSON.getNodeFactory();
        return switch (random.nextInt(12)) {
            case 0 -> f.numberNode(-1 - random.nextInt(1000));
            case 1 -> f.numberNode(100 + random.nextInt(1_000_000));
            case 2 -> f.numberNode(1.5);
            case 3 -> f.textNode(pick("1", "0", "", "<script>alert(1)</script>"));
            case 4 -> f.arrayNode().add(-1).add("x");
            case 5 -> f.objectNode().put("value", 1);
            case 6 -> f.nullNode();
            case 7 -> f.booleanNode(random.nextBoolean());
            case 8 -> f.numberNode(BigInteger.TWO.pow(32 + random.nextInt(100)));
            case 9 -> f.numberNode(new BigInteger("4294967297"));
            case 10 -> f.numberNode(Double.MAX_VALUE);
            default -> f.numberNode(Long.MIN_VALUE);
        };
    }

    private ObjectNode badProfile(String id, long step, long otherStep) {
        ObjectNode good = ProfileAnswers.answer("yes", 1, List.of("time"), List.of("training"));
        ObjectNode msg = JSON.createObjectNode().put("type", "profile").put("id", id).put("step", step)
                .put("network", "LinkedIn").put("seq", 100 + random.nextInt(100));
        msg.set("answer", good);
        switch (random.nextInt(9)) {
            case 0 -> msg.put("step", otherStep);
            case 1 -> msg.put("seq", pick("1", "x"));
            case 2 -> msg.put("seq", -random.nextInt(5));
            case 3 -> msg.put("network", pick("MySpace", "", "<img src=x onerror=alert(1)>", "linkedin "));
            case 4 -> msg.put("network", random.nextInt());
            case 5 -> msg.put("answer", randomText(10));
            case 6 -> good.put("profile", pick("maybe", "", "YES", "1"));
            case 7 -> good.put("ladder", pick(-1, 99, Integer.MAX_VALUE));
            default -> msg.remove("answer");
        }
        return msg;
    }

    private ObjectNode badRaci(String id, long step, long otherStep) {
        ObjectNode msg = JSON.createObjectNode().put("type", "raci.propose").put("id", id).put("step", step)
                .put("seq", 100 + random.nextInt(100)).put("activity", 1).put("accountable", 1);
        msg.putArray("responsible").add(1);
        switch (random.nextInt(8)) {
            case 0 -> msg.put("step", otherStep);
            case 1 -> msg.put("seq", pick("1", "x"));
            case 2 -> msg.put("seq", 0);
            case 3 -> msg.put("activity", pick(9_000_001, -1, Integer.MAX_VALUE));
            case 4 -> msg.put("activity", randomText(8));
            case 5 -> msg.put("accountable", 9_000_000 + random.nextInt(100));
            case 6 -> msg.put("responsible", randomText(4));
            default -> msg.putArray("responsible").add(9_000_000 + random.nextInt(100)).add("x");
        }
        return msg;
    }

    /** Posts a phone or a stranger could forge, and console posts with nonsense in them: never a 500. */
    private void formPosts() throws Exception {
        goTo("who-speaks");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String[] paths = {"/j/" + code, "/facilitate/" + workshop + "/step", "/facilitate/" + workshop + "/timer",
            "/facilitate/" + workshop + "/steps/" + steps.get("who-speaks") + "/poll",
            "/facilitate/" + workshop + "/steps/abc/answers/-1", "/facilitate/999999/live", "/facilitate/abc/close",
            "/facilitate/" + workshop + "/settings", "/language", "/login", "/facilitate/workshops",
            "/facilitate/" + workshop + "/review-links", "/facilitate/" + workshop + "/delete",
            "/facilitate/" + workshop + "/steps/" + steps.get("roles") + "/raci/cells"};
        for (int i = 0; i < 400; i++) {
            String path = pick(paths);
            int who = random.nextInt(3);
            Browser.Response r;
            if (who == 0) {
                // A facilitator's own console, with nonsense fields and the right token.
                if (!path.startsWith("/facilitate/") || path.equals("/facilitate/workshops")) {
                    continue;
                }
                r = facilitator.post(path, "to", pick("abc", "-1", "99999", "", "1e9"), "seconds",
                        pick("-5", "99999999999", "x", ""), "action", pick("", "explode", "open;drop"),
                        "title", "", "letter", pick("Z", "", "RR"), "role", "x", "activity", "-3");
                assertThat(r.status()).as("%s by the facilitator", path).isNotEqualTo(500).isNotEqualTo(303);
            } else if (who == 1) {
                // A phone with a valid CSRF token of its own, on console routes.
                Browser phone = hostileBrowsers.get(random.nextInt(HOSTILE));
                if (path.startsWith("/j/") || path.equals("/language") || path.equals("/login")) {
                    continue;
                }
                r = phone.post(path, "to", "0", "action", "close");
                assertThat(r.status()).as("%s by a phone", path).isIn(401, 403, 404);
            } else {
                // A stranger: no token, a wrong token, or a body too big.
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded");
                String body = switch (random.nextInt(3)) {
                    case 0 -> "name=" + randomText(30);
                    case 1 -> "_csrf=" + "A".repeat(43) + "&name=x";
                    default -> "name=" + "x".repeat(70_000);
                };
                HttpResponse<String> response = http.send(req.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s by a stranger", path).isIn(403, 413);
            }
            sent++;
        }
        WsClient console = WsClient.connect(server.wsUrl() + "/ws/console/" + workshop, facilitator.cookieHeader());
        JsonNode state = console.await("state");
        console.close();
        assertThat(state.at("/step/index").asLong()).as("no post moved the room").isEqualTo(steps.get("who-speaks#index"));
        assertThat(state.at("/results/voters").asInt()).isEqualTo(HONEST);
    }

    private void checkDatabase(Path data, int[] whoSpeaks, int[] scale) throws Exception {
        try (Connection c = DriverManager.getConnection(Database.url(data) + ";IFEXISTS=TRUE", "kit", "")) {
            for (String table : List.of("answer", "profile_answer", "raci_proposal")) {
                assertThat(count(c, "SELECT COUNT(*) FROM " + table + " t JOIN participant p ON p.id = t.participant_id"
                        + " WHERE p.display_name LIKE 'Hostile%'")).as("rows from hostile phones in %s", table).isZero();
                assertThat(count(c, "SELECT COUNT(*) FROM " + table)).as("honest rows in %s", table).isEqualTo(
                        table.equals("answer") ? 2 * HONEST : HONEST);
            }
            assertThat(count(c, "SELECT COUNT(*) FROM participant")).isEqualTo(HONEST + HOSTILE);
            try (PreparedStatement q = c.prepareStatement("SELECT password_hash FROM facilitator");
                 ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("a server started as people start it hashes at bcrypt cost 12, "
                        + "whatever cost the test JVMs use").startsWith("$2a$12$");
            }
            for (int p = 0; p < HONEST; p++) {
                assertThat(value(c, steps.get("who-speaks"), "Honest " + p)).isEqualTo(String.valueOf(whoSpeaks[p]));
                assertThat(value(c, steps.get("inside-organisation"), "Honest " + p)).isEqualTo(String.valueOf(scale[p]));
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String value(Connection c, long step, String name) throws Exception {
        try (PreparedStatement q = c.prepareStatement("SELECT a.value_json FROM answer a JOIN participant p "
                + "ON p.id = a.participant_id WHERE a.step_id = ? AND p.display_name = ?")) {
            q.setLong(1, step);
            q.setString(2, name);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private void act(String path, String... fields) {
        Browser.Response r = facilitator.post("/facilitate/" + workshop + path, fields);
        assertThat(r.status()).as("console %s: %s", path, r.body()).isEqualTo(303);
    }

    private static ObjectNode answer(String id, long step, long seq, JsonNode value) {
        ObjectNode msg = JSON.createObjectNode().put("type", "answer").put("id", id).put("step", step).put("seq", seq);
        msg.set("value", value);
        return msg;
    }

    private String randomType() {
        return pick("", "ANSWER", "answer ", "raci", "raci.settle", "console.step", "profile.delete", "__proto__",
                randomText(12), "x".repeat(200));
    }

    private String randomText(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return s.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
