package org.tallersocial.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workshop driven the way people drive it: a facilitator's console over
 * HTTP, phones and a projector over WebSockets.
 */
public final class LiveRoom implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("data-code=\"([A-Z0-9]{6})\"");
    private static final Pattern KEY = Pattern.compile("/screen\\?k=([A-Za-z0-9_-]+)\"");
    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    public final TestServer server;
    public final Browser facilitator;
    public final long id;
    public final String code;
    /** The join key the console's projector link and the QR code carry. */
    public final String key;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private LiveRoom(TestServer server, Browser facilitator, long id, String code, String key) {
        this.key = key;
        this.server = server;
        this.facilitator = facilitator;
        this.id = id;
        this.code = code;
    }

    /** A draft workshop from the given template, e.g. "poll-kinds/en". */
    public static LiveRoom draft(TestServer server, Browser facilitator, String template) {
        return draft(server, facilitator, template, "All hands on social", "Panadería Ruiz");
    }

    public static LiveRoom draft(TestServer server, Browser facilitator, String template, String title,
                                 String company) {
        Browser.Response created = facilitator.post("/facilitate/workshops", "title", title,
                "company", company, "template", template);
        assertThat(created.status()).as("workshop created: %s", created.body()).isEqualTo(303);
        String location = created.location().orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String console = facilitator.get("/facilitate/" + id).body();
        Matcher m = CODE.matcher(console);
        assertThat(m.find()).as("console shows the join code").isTrue();
        Matcher k = KEY.matcher(console);
        assertThat(k.find()).as("console links to the projector with the join key").isTrue();
        return new LiveRoom(server, facilitator, id, m.group(1), k.group(1));
    }

    /** A live workshop with the poll-kinds test template. */
    public static LiveRoom live(TestServer server, Browser facilitator) {
        LiveRoom room = draft(server, facilitator, "poll-kinds/en");
        room.act("/live");
        return room;
    }

    /** A console action as the console's script sends it; fails the test if refused. */
    public JsonNode act(String path, String... fields) {
        Browser.Response r = actRaw(path, fields);
        assertThat(r.status()).as("console action %s: %s", path, r.body()).isEqualTo(303);
        return null;
    }

    public Browser.Response actRaw(String path, String... fields) {
        return facilitator.post("/facilitate/" + id + path, fields);
    }

    public void goTo(int position) {
        act("/step", "to", String.valueOf(position));
    }

    public void poll(long stepId, String action) {
        act("/steps/" + stepId + "/poll", "action", action);
    }

    public Phone join(String name) {
        Browser browser = server.browser();
        browser.get("/j/" + code);
        Browser.Response r = browser.post("/j/" + code, "name", name);
        assertThat(r.status()).as("join: %s", r.body()).isEqualTo(303);
        Phone phone = new Phone(browser, WsClient.connect(server.wsUrl() + "/ws/phone/" + code, browser.cookieHeader()));
        toClose.add(phone);
        return phone;
    }

    /** The catch-up link the console shows once the window is open, key included ("/later/{id}?k=..."). */
    public String catchUpPath() {
        Matcher m = Pattern.compile("/later/\\d+\\?k=[A-Za-z0-9_-]+").matcher(facilitator.get("/facilitate/" + id).body());
        assertThat(m.find()).as("the console shows the catch-up link").isTrue();
        return m.group();
    }

    /** Joins through the catch-up link of a closed workshop, and opens the late phone's socket. */
    public Phone joinLater(String name) {
        Browser browser = server.browser();
        String link = catchUpPath();
        assertThat(browser.get(link).status()).isEqualTo(200);
        Browser.Response r = browser.post(link.substring(0, link.indexOf('?')), "k", link.substring(link.indexOf("k=") + 2),
                "name", name);
        assertThat(r.status()).as("join later: %s", r.body()).isEqualTo(303);
        Phone phone = new Phone(browser, WsClient.connect(server.wsUrl() + "/ws/later/" + id, browser.cookieHeader()));
        toClose.add(phone);
        return phone;
    }

    /** Joins as a person does, but opens no socket: for a phone that will use the fallback. */
    public Browser joinWithoutSocket(String name) {
        Browser browser = server.browser();
        browser.get("/j/" + code);
        Browser.Response r = browser.post("/j/" + code, "name", name);
        assertThat(r.status()).as("join: %s", r.body()).isEqualTo(303);
        return browser;
    }

    /** The projector's address as the console links to it, join key included. */
    public String projectorPath() {
        return "/w/" + code + "/screen?k=" + key;
    }

    /** The projector's connection as its page opens it, join key included. */
    public WsClient projector() {
        WsClient ws = WsClient.connect(server.wsUrl() + "/ws/screen/" + code + "?k=" + key, null);
        toClose.add(ws);
        return ws;
    }

    public WsClient console() {
        WsClient ws = WsClient.connect(server.wsUrl() + "/ws/console/" + id, facilitator.cookieHeader());
        toClose.add(ws);
        return ws;
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
    }

    /** A participant's phone: its browser (cookies) and its socket. */
    public static final class Phone implements AutoCloseable {
        public final Browser browser;
        public WsClient ws;
        private long seq = 1;

        Phone(Browser browser, WsClient ws) {
            this.browser = browser;
            this.ws = ws;
        }

        /** Sends an answer and returns the message id used. */
        public String answer(long stepId, Object value) {
            return answer(stepId, value, seq++);
        }

        public String answer(long stepId, Object value, long seqNumber) {
            String msgId = "m" + MESSAGE_IDS.incrementAndGet();
            ObjectNode msg = JSON.createObjectNode().put("type", "answer").put("id", msgId)
                    .put("step", stepId).put("seq", seqNumber);
            msg.set("value", JSON.valueToTree(value));
            ws.send(msg);
            return msgId;
        }

        /** The reply (ack or error) to a message id. */
        public JsonNode reply(String msgId) {
            return ws.await(m -> msgId.equals(m.path("id").asText()), Duration.ofSeconds(10));
        }

        public JsonNode answerAndWait(long stepId, Object value) {
            return reply(answer(stepId, value));
        }

        public void reconnect(String wsUrl, String code) {
            ws.close();
            ws = WsClient.connect(wsUrl + "/ws/phone/" + code, browser.cookieHeader());
        }

        @Override
        public void close() {
            ws.close();
        }
    }
}
