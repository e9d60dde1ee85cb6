package org.tallersocial.raci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A live workshop on its RACI step (template raci/en: Owner, Community manager, Every employee by
 * Publish content, Answer customers, Measure results), with the console's socket and its script's posts.
 */
final class RaciRoom implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    /** What a console post answered: its status and JSON body. */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status == 200 && body.path("ok").asBoolean();
        }
    }

    final TestServer server;
    final Browser facilitator;
    final LiveRoom room;
    final WsClient console;
    final long step;
    /** The newest console picture seen, for looking up ids. */
    private JsonNode last;

    private RaciRoom(TestServer server, Browser facilitator, LiveRoom room, WsClient console, JsonNode state) {
        this.server = server;
        this.facilitator = facilitator;
        this.room = room;
        this.console = console;
        this.step = state.at("/step/id").asLong();
        this.last = state.get("picture");
    }

    static RaciRoom start(TestServer server, String template) {
        Browser facilitator = Facilitators.first(server);
        LiveRoom room = LiveRoom.draft(server, facilitator, template);
        room.act("/live");
        WsClient console = room.console();
        room.goTo(1);
        return new RaciRoom(server, facilitator, room, console, console.awaitStep(1));
    }

    static RaciRoom start(TestServer server) {
        return start(server, "raci/en");
    }

    /** The newest console picture that passes the test (pictures are coalesced, so wait for the one wanted). */
    JsonNode consolePicture(Predicate<JsonNode> wanted) {
        if (last != null && wanted.test(last)) {
            return last;
        }
        last = picture(console, wanted);
        return last;
    }

    JsonNode consolePicture() {
        return consolePicture(p -> true);
    }

    static JsonNode picture(WsClient ws, Predicate<JsonNode> wanted) {
        JsonNode m = ws.await(msg -> {
            String type = msg.path("type").asText();
            JsonNode p = msg.path("picture");
            return ("picture".equals(type) || "state".equals(type)) && p.isObject() && wanted.test(p);
        }, Duration.ofSeconds(10));
        return m.get("picture");
    }

    long role(String name) {
        return id(consolePicture().path("roles"), name);
    }

    long activity(String name) {
        return id(consolePicture().path("activities"), name);
    }

    static long id(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.path("name").asText())) {
                return item.path("id").asLong();
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    /** A console action as the console's script sends it (CSRF header, JSON answer). */
    Reply post(String path, String... fields) {
        return post(facilitator, room.id, path, fields);
    }

    static Reply post(Browser browser, long workshopId, String path, String... fields) {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            body.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/facilitate/" + workshopId + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", browser.baseUrl())
                .header("X-CSRF-Token", browser.csrfToken()).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> r = browser.client().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().startsWith("{") ? JSON.readTree(r.body()) : JSON.createObjectNode().put("html", r.body());
            return new Reply(r.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply raci(String action, String... fields) {
        return post("/steps/" + step + "/raci/" + action, fields);
    }

    void ok(Reply r) {
        assertThat(r.ok()).as("console action answered %s %s", r.status(), r.body()).isTrue();
    }

    void openAll() {
        ok(raci("open", "activities", "all"));
        consolePicture(p -> p.path("activities").findValues("open").stream().allMatch(JsonNode::asBoolean));
    }

    /** Sets a cell as someone who saw it at the given version. */
    Reply cell(String activity, String role, String letter, int seenVersion) {
        return raci("cells", "activity", String.valueOf(activity(activity)), "role", String.valueOf(role(role)),
                "letter", letter, "version", String.valueOf(seenVersion));
    }

    /** The cell as the console's picture shows it now (letter null when empty, version 0 when never set). */
    static JsonNode cellOf(JsonNode picture, long activity, long role) {
        for (JsonNode c : picture.path("cells")) {
            if (c.path("activity").asLong() == activity && c.path("role").asLong() == role) {
                return c;
            }
        }
        return JSON.createObjectNode().putNull("letter").put("version", 0);
    }

    /** A phone's proposal for an activity; returns its reply. */
    static JsonNode propose(LiveRoom.Phone phone, long step, long activity, Long accountable, List<Long> responsible,
                            long seq) {
        String id = "r" + IDS.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("type", "raci.propose").put("id", id).put("step", step)
                .put("seq", seq).put("activity", activity);
        if (accountable == null) {
            msg.putNull("accountable");
        } else {
            msg.put("accountable", accountable);
        }
        msg.set("responsible", JSON.valueToTree(responsible));
        phone.ws.send(msg);
        return phone.reply(id);
    }

    @Override
    public void close() {
        room.close();
    }
}
