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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One participant: its cookies, its socket, its answer and when the ack came. */
final class Phone implements WebSocket.Listener {

    private static final String PING = "{\"type\":\"ping\"}";

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

    private String answerText;
    private String messageId;
    volatile long sentAt;
    volatile long ackAt;
    volatile String refusal;
    final AtomicInteger retries = new AtomicInteger();
    private volatile CountDownLatch done;
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

    /** The answer to the poll on show (its kind and options read from the phone's last snapshot). */
    void prepareAnswer(int round, long stepId) {
        String kind = state.path("step").path("kind").asText();
        int options = Math.max(1, state.path("step").path("options").size());
        JsonNode max = state.path("step").path("maxPicks");
        int maxPicks = max.isNumber() ? max.asInt() : options;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        messageId = "r" + round + "p" + index;
        ackAt = 0;
        sentAt = 0;
        refusal = null;
        retries.set(0);
        ObjectNode msg = JSON.createObjectNode().put("type", "answer").put("id", messageId)
                .put("step", stepId).put("seq", round);
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
        answerText = msg.toString();
    }

    /** The same message again, as a phone that never saw its ack would send it. */
    void resend(CountDownLatch done) {
        ackAt = 0;
        refusal = null;
        retries.set(0);
        sendAnswer(done);
    }

    void sendAnswer(CountDownLatch done) {
        this.done = done;
        sentAt = System.nanoTime();
        send();
    }

    private void send() {
        CompletableFuture<WebSocket> sent;
        synchronized (this) {
            sent = lastSend.handle((x, e) -> null).thenCompose(x -> ws.sendText(answerText, true));
            lastSend = sent;
        }
        sent.whenComplete((x, failure) -> {
            if (failure != null) {
                finish("send failed: " + Bench.rootCause(failure));
            }
        });
    }

    private void finish(String why) {
        CountDownLatch d = done;
        if (d != null && ackAt == 0 && refusal == null) {
            refusal = why;
            d.countDown();
        }
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
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            handle(text, now);
        }
        webSocket.request(1);
        return null;
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
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (IOException e) {
            finish("server sent invalid JSON");
            return;
        }
        switch (msg.path("type").asText()) {
            case "state" -> {
                state = msg;
                firstState.complete(msg);
            }
            case "ack" -> {
                if (msg.path("id").asText().equals(messageId) && ackAt == 0) {
                    ackAt = now;
                    CountDownLatch d = done;
                    if (refusal == null && d != null) {
                        d.countDown();
                    }
                }
            }
            case "error" -> {
                if (!msg.path("id").asText().equals(messageId)) {
                    return;
                }
                String code = msg.path("code").asText();
                // What the phone's script does: a busy or unsaved answer is sent again, same id and seq.
                if ((code.equals("busy") || code.equals("not_saved")) && retries.incrementAndGet() <= 5) {
                    scheduler.schedule(this::send, 200L * retries.get(), TimeUnit.MILLISECONDS);
                } else {
                    finish(code + ": " + msg.path("message").asText());
                }
            }
            default -> {
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (webSocket == ws) {
            firstState.completeExceptionally(new IllegalStateException("socket closed " + statusCode + " " + reason));
            finish("socket closed by the server: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (webSocket == ws) {
            firstState.completeExceptionally(error);
            finish("socket error: " + error);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + Bench.clip(r.body()));
        }
    }
}
