package org.tallersocial.live;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The open event streams, the few threads that write them, and their
 * keep-alive: a comment every 15 s, well inside the 60 s after which common
 * proxies drop a quiet connection. The comment is also how a stream learns
 * that its phone went away (only a write fails), and a write that has not
 * finished by the next keep-alive belongs to a phone that stopped reading:
 * its stream is cut, as a WebSocket that falls behind is.
 */
final class EventStreams implements AutoCloseable {

    static final long KEEP_ALIVE_SECONDS = 15;
    private static final int WRITERS = 4;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, daemon("sse-writer"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("sse-keep-alive"));
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    EventStreams() {
        ticker.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** A new stream over the client; {@code onEnd} runs once when it ends, however it ends. */
    EventStream open(SseClient client, Runnable onEnd) {
        EventStream stream = new EventStream(client, writers);
        open.add(stream);
        client.onClose(() -> {
            if (open.remove(stream)) {
                onEnd.run();
            }
        });
        return stream;
    }

    private void keepAlive() {
        long now = System.nanoTime();
        for (EventStream stream : open) {
            stream.keepAlive(now, TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS));
        }
    }

    /** Lets the writers finish what is queued (the ends of the streams the hub just closed), briefly. */
    @Override
    public void close() {
        ticker.shutdownNow();
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
