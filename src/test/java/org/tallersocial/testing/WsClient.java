package org.tallersocial.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client, as a phone, projector or console would hold one. */
public final class WsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final List<String> transcript = java.util.Collections.synchronizedList(new ArrayList<>());

    private WsClient(WebSocket socket) {
        this.socket = socket;
    }

    public static WsClient connect(String url, String cookieHeader) {
        return connect(url, cookieHeader, null);
    }

    public static WsClient connect(String url, String cookieHeader, String origin) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (cookieHeader != null && !cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        WebSocket ws = builder.buildAsync(URI.create(url), listener).join();
        WsClient client = new WsClient(ws);
        listener.client = client;
        listener.flushEarly();
        return client;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(JsonNode message) {
        send(message.toString());
    }

    /** Waits for the next message that matches, skipping (but remembering) the others. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            for (JsonNode m : seen) {
                if (match.test(m)) {
                    seen.remove(m);
                    return m;
                }
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching message within " + timeout + "; unmatched: " + seen);
            }
            JsonNode m;
            try {
                m = inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (m == null) {
                continue;
            }
            if (match.test(m)) {
                return m;
            }
            synchronized (seen) {
                seen.add(m);
                if (seen.size() > 2000) {
                    seen.remove(0);
                }
            }
        }
    }

    public JsonNode await(String type) {
        return await(m -> type.equals(m.path("type").asText()), Duration.ofSeconds(10));
    }

    /** The next state message whose current step is at the given position. */
    public JsonNode awaitStep(int index) {
        return await(m -> "state".equals(m.path("type").asText()) && m.path("step").path("index").asInt() == index,
                Duration.ofSeconds(10));
    }

    /** Drops everything received so far, so that the next await sees only what comes after. */
    public void forget() {
        synchronized (seen) {
            seen.clear();
        }
        inbox.clear();
    }

    /** Every message received so far, as the server wrote it, including those already awaited. */
    public String transcript() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public int awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private volatile WsClient client;
        private final StringBuilder partial = new StringBuilder();
        private final List<JsonNode> early = new ArrayList<>();
        private final List<String> earlyText = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(partial.toString());
                    synchronized (this) {
                        (client == null ? earlyText : client.transcript).add(partial.toString());
                        if (client == null) {
                            early.add(node);
                        } else {
                            client.inbox.add(node);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("server sent invalid JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }

        synchronized void flushEarly() {
            early.forEach(client.inbox::add);
            early.clear();
            client.transcript.addAll(earlyText);
            earlyText.clear();
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (client != null) {
                client.closed.complete(statusCode);
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (client != null) {
                client.closed.complete(-1);
            }
        }
    }
}
