package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read-only screen (projector or console): notes when it first shows everyone connected and
 * everyone's vote, and during an exercise what each message it receives shows counted.
 */
final class Screen implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final CompletableFuture<JsonNode> firstState = new CompletableFuture<>();
    final AtomicLong votersAt = new AtomicLong();
    final AtomicLong connectedAt = new AtomicLong();
    final AtomicInteger resultMessages = new AtomicInteger();
    volatile long stepId = -1;
    volatile int expectedVoters = Integer.MAX_VALUE;
    volatile int expectedConnected = Integer.MAX_VALUE;
    volatile int lastVoters;
    volatile int lastConnected;
    /** During an exercise: what a message shows counted (null for a message that shows none of it). */
    private volatile Function<JsonNode, Map<String, Long>> counting;
    private final Queue<Counted> counted = new ConcurrentLinkedQueue<>();
    private final StringBuilder partial = new StringBuilder();
    volatile WebSocket ws;

    /** What one message showed counted, and when it came. */
    record Counted(long at, Map<String, Long> counts) {
    }
    volatile boolean closing;

    Screen(String name) {
        this.name = name;
    }

    void connect(HttpClient client, String url, String cookies) {
        WebSocket.Builder b = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (cookies != null && !cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        ws = b.buildAsync(URI.create(url), this).orTimeout(15, TimeUnit.SECONDS).join();
    }

    void watch(long step) {
        stepId = step;
    }

    void expectVoters(int n) {
        votersAt.set(0);
        expectedVoters = n;
    }

    void expectConnected(int n) {
        expectedConnected = n;
    }

    /** From now on, notes what each message shows counted, as the given function reads it. */
    void count(Function<JsonNode, Map<String, Long>> reading) {
        counted.clear();
        counting = reading;
    }

    /** When a message first showed at least these counts (each key at least its value), or 0 if none did yet. */
    long firstShowing(Map<String, Long> expected) {
        for (Counted c : counted) {
            if (expected.entrySet().stream().allMatch(e -> c.counts().getOrDefault(e.getKey(), -1L) >= e.getValue())) {
                return c.at();
            }
        }
        return 0;
    }

    /** The counts of the last message that showed any, for a log line when the screen never got there. */
    Map<String, Long> lastCounted() {
        Map<String, Long> last = Map.of();
        for (Counted c : counted) {
            last = c.counts();
        }
        return last;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            try {
                handle(JSON.readTree(partial.toString()), now);
            } catch (IOException e) {
                Bench.log("%s got invalid JSON", name);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void handle(JsonNode msg, long now) {
        Function<JsonNode, Map<String, Long>> reading = counting;
        if (reading != null) {
            Map<String, Long> counts = reading.apply(msg);
            if (counts != null) {
                counted.add(new Counted(now, counts));
            }
        }
        String type = msg.path("type").asText();
        if (type.equals("state")) {
            firstState.complete(msg);
        }
        JsonNode presence = msg.path("presence");
        if (presence.isObject()) {
            lastConnected = presence.path("connected").asInt();
            if (lastConnected >= expectedConnected) {
                connectedAt.compareAndSet(0, now);
            }
        }
        JsonNode results = msg.path("results");
        boolean ours = type.equals("results") ? msg.path("step").asLong() == stepId
                : msg.path("step").path("id").asLong() == stepId;
        if (results.isObject() && ours) {
            if (type.equals("results")) {
                resultMessages.incrementAndGet();
            }
            lastVoters = results.path("voters").asInt();
            if (lastVoters >= expectedVoters) {
                votersAt.compareAndSet(0, now);
            }
        }
    }

    void close() {
        closing = true;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        firstState.completeExceptionally(new IllegalStateException(name + " closed " + statusCode));
        if (!closing) {
            Bench.log("%s socket closed by the server: %d %s", name, statusCode, reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        firstState.completeExceptionally(error);
        Bench.log("%s socket error: %s", name, error);
    }
}
