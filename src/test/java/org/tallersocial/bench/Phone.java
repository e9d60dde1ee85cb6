package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One participant: its cookies, its socket, and the inputs it sent that wait for their ack. */
final class Phone implements WebSocket.Listener {

    private static final String PING = "{\"type\":\"ping\"}";
    private static final String PICTURE = "{\"type\":\"picture\"";
    private static final String QUESTIONS = "{\"type\":\"questions\"";
    /** A real phone keeps trying; the bench gives up after this many, so that a stuck server ends the run. */
    private static final int MAX_RESENDS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_COOKIE = Pattern.compile("^ts_csrf=([^;]*)");

    final int index;
    final BenchRoom room;
    private final ScheduledExecutorService scheduler;
    volatile long joinStartedAt;
    volatile long joinedAt;
    volatile String joinFailure;
    volatile JsonNode state;
    private volatile CompletableFuture<JsonNode> firstState = new CompletableFuture<>();
    volatile WebSocket ws;
    volatile String cookies;
    /** Where the results (and presence) messages this phone receives are noted, while the fan-out is measured. */
    volatile Fanout fanout;
    private final StringBuilder partial = new StringBuilder();

    /** Every input takes the next number: the protocol wants seq strictly increasing per phone, whatever its type. */
    private final AtomicLong seq = new AtomicLong();
    /** Inputs sent and not yet acknowledged or refused, by id. */
    private final Map<String, PhoneMessage> waiting = new ConcurrentHashMap<>();
    /** The poll answer of the current round. */
    volatile PhoneMessage answer;
    /**
     * The last message that carried the exercise's picture, and the last that carried the room's
     * questions (a {@code state} carries both), as received: only a phone about to vote reads them.
     */
    volatile String lastPicture;
    /** The changes since that picture, for an exercise whose phones get only what changed (ideas). */
    final java.util.Queue<String> pictureChanges = new java.util.concurrent.ConcurrentLinkedQueue<>();
    volatile String lastQuestions;
    /** Off, the big picture and questions lists are let through unread: at 1,000 ideas each is ~80 KB, ten a second. */
    volatile boolean keepsLists;
    private boolean skipping;
    /** Every byte the server sent this phone (UTF-8 text, before any compression), for the Wi-Fi's budget. */
    private volatile long received;
    private volatile CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

    Phone(int index, BenchRoom room, ScheduledExecutorService scheduler) {
        this.index = index;
        this.room = room;
        this.scheduler = scheduler;
    }

    /** The join page, the form post, then the socket and its first snapshot. */
    CompletableFuture<JsonNode> join(HttpClient http, HttpClient wsClient, String baseUrl) {
        joinStartedAt = System.nanoTime();
        URI page = URI.create(baseUrl + "/j/" + room.code);
        HttpRequest get = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).GET().build();
        return http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).thenCompose(form -> {
            expect(form, 200, "join page");
            String csrf = form.headers().allValues("Set-Cookie").stream()
                    .map(CSRF_COOKIE::matcher).filter(Matcher::find).map(x -> x.group(1)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the join page set no ts_csrf cookie"));
            String body = "name=" + URLEncoder.encode("Phone " + index, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpRequest post = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "ts_csrf=" + csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.sendAsync(post, HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> participantCookie(r) + "; ts_csrf=" + csrf);
        }).thenCompose(c -> {
            this.cookies = c;
            return connect(wsClient, URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/phone/" + room.code), c);
        }).thenCompose(socket -> firstState);
    }

    /** A socket to the given address, in place of the one this phone had (which must be closed by then). */
    CompletableFuture<WebSocket> connect(HttpClient wsClient, URI uri, String cookieHeader) {
        firstState = new CompletableFuture<>();
        WebSocket.Builder b = wsClient.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        if (cookieHeader != null) {
            b.header("Cookie", cookieHeader);
        }
        return b.buildAsync(uri, this).thenApply(socket -> {
            ws = socket;
            return socket;
        });
    }

    private String participantCookie(HttpResponse<String> r) {
        expect(r, 303, "join post");
        String prefix = "ts_p" + room.workshopId + "=";
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("joining set no " + prefix + " cookie"));
    }

    /**
     * A new input of this type for the step on show (the phone's last snapshot), with the id, seq
     * and step every phone message carries; the caller adds what the type needs.
     */
    ObjectNode message(String type) {
        return message(type, state.path("step").path("id").asLong());
    }

    private ObjectNode message(String type, long stepId) {
        long n = seq.incrementAndGet();
        return JSON.createObjectNode().put("type", type).put("id", "p" + index + "-" + n).put("step", stepId)
                .put("seq", n);
    }

    /** The answer to the poll on show (its kind and options read from the phone's last snapshot). */
    void prepareAnswer(long stepId) {
        String kind = state.path("step").path("kind").asText();
        int options = Math.max(1, state.path("step").path("options").size());
        JsonNode max = state.path("step").path("maxPicks");
        int maxPicks = max.isNumber() ? max.asInt() : options;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode msg = message("answer", stepId);
        if (kind.equals("multiple")) {
            ArrayNode picks = msg.putArray("value");
            int want = 1 + random.nextInt(Math.max(1, Math.min(3, maxPicks)));
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < options; i++) {
                all.add(i);
            }
            java.util.Collections.shuffle(all, random);
            all.subList(0, Math.min(want, options)).forEach(picks::add);
        } else {
            msg.put("value", random.nextInt(options));
        }
        answer = new PhoneMessage(this, msg);
    }

    /** The prepared answer, sent (again: the retry burst) and timed from now. */
    void resend(CountDownLatch done) {
        send(answer, done::countDown);
    }

    /** Sends an input and times it from now; {@code whenDone} runs once, on its ack, refusal or failure. */
    PhoneMessage send(ObjectNode body, Runnable whenDone) {
        PhoneMessage m = new PhoneMessage(this, body);
        send(m, whenDone);
        return m;
    }

    private void send(PhoneMessage m, Runnable whenDone) {
        m.start(System.nanoTime(), whenDone);
        waiting.put(m.id, m);
        transmit(m);
    }

    private void transmit(PhoneMessage m) {
        CompletableFuture<WebSocket> sent;
        synchronized (this) {
            sent = lastSend.handle((x, e) -> null).thenCompose(x -> ws.sendText(m.text, true));
            lastSend = sent;
        }
        sent.whenComplete((x, failure) -> {
            if (failure != null) {
                waiting.remove(m.id);
                m.failed("send failed: " + Bench.rootCause(failure));
            }
        });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
        // The heartbeat a phone page sends: without it the server drops a phone silent for 90 s,
        // which a slow join of thousands of phones would reach.
        long first = 5 + (index % 15);
        scheduler.scheduleAtFixedRate(() -> heartbeat(webSocket), first, 20, TimeUnit.SECONDS);
    }

    // One send at a time on a socket: the heartbeat queues behind the answer like any message.
    private synchronized void heartbeat(WebSocket webSocket) {
        if (!webSocket.isOutputClosed()) {
            lastSend = lastSend.handle((x, e) -> null).thenCompose(x -> webSocket.sendText(PING, true));
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        received += utf8Length(data);
        if (partial.length() == 0 && !skipping && !keepsLists && (startsWith(data, PICTURE) || startsWith(data, QUESTIONS))) {
            skipping = true;
        }
        if (!skipping) {
            partial.append(data);
        }
        if (last) {
            long now = System.nanoTime();
            if (!skipping) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text, now);
            }
            skipping = false;
        }
        webSocket.request(1);
        return null;
    }

    /** What the server has sent this phone so far, in bytes. */
    long received() {
        return received;
    }

    private static long utf8Length(CharSequence data) {
        long n = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static boolean startsWith(CharSequence data, String prefix) {
        return data.length() >= prefix.length() && data.subSequence(0, prefix.length()).toString().equals(prefix);
    }

    private void handle(String text, long now) {
        // Broadcasts are the bulk of what a phone receives; note them cheaply, without parsing.
        if (text.startsWith("{\"type\":\"presence\"") || text.startsWith("{\"type\":\"results\"")) {
            Fanout f = fanout;
            if (f != null) {
                f.received(text, now);
            }
            return;
        }
        if (text.startsWith(PICTURE)) {
            if (text.contains("\"changes\":")) {
                pictureChanges.add(text);
            } else {
                lastPicture = text;
                pictureChanges.clear();
            }
            return;
        }
        if (text.startsWith(QUESTIONS)) {
            lastQuestions = text;
            return;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (IOException e) {
            failAll("server sent invalid JSON");
            return;
        }
        switch (msg.path("type").asText()) {
            case "state" -> {
                state = msg;
                lastPicture = text;
                pictureChanges.clear();
                lastQuestions = text;
                firstState.complete(msg);
            }
            case "ack" -> {
                PhoneMessage m = waiting.remove(msg.path("id").asText());
                if (m != null) {
                    m.acked(now, msg);
                }
            }
            case "error" -> {
                PhoneMessage m = waiting.get(msg.path("id").asText());
                if (m == null) {
                    return;
                }
                String code = msg.path("code").asText();
                String why = code + ": " + msg.path("message").asText();
                // What the phone's script does: a busy or unsaved input is sent again, same id and seq.
                if (code.equals("busy") || code.equals("not_saved")) {
                    int n = m.resends.incrementAndGet();
                    if (n <= MAX_RESENDS) {
                        scheduler.schedule(() -> transmit(m), Math.min(2_000L, 200L * n), TimeUnit.MILLISECONDS);
                    } else {
                        waiting.remove(m.id);
                        m.failed("still " + why + " after " + MAX_RESENDS + " resends");
                    }
                } else {
                    waiting.remove(m.id);
                    m.refused(why);
                }
            }
            default -> {
            }
        }
    }

    /** Everything still waiting for an ack is lost with the connection. */
    private void failAll(String why) {
        for (PhoneMessage m : List.copyOf(waiting.values())) {
            waiting.remove(m.id);
            m.failed(why);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (webSocket == ws) {
            firstState.completeExceptionally(new IllegalStateException("socket closed " + statusCode + " " + reason));
            failAll("socket closed by the server: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (webSocket == ws) {
            firstState.completeExceptionally(error);
            failAll("socket error: " + error);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + Bench.clip(r.body()));
        }
    }
}
