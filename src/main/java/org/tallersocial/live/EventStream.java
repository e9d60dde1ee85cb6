package org.tallersocial.live;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * A phone's server-sent event stream, the fallback for a network that strips
 * the WebSocket upgrade. A servlet response is written blocking, so messages
 * wait in a queue and a small pool of writers sends them: the hub never waits
 * for a slow phone, and {@link Socket} bounds what may wait, as for a WebSocket.
 */
final class EventStream implements Outbound {

    /** One thing to write: a message, a keep-alive comment (no data), or the end of the stream. */
    private record Frame(String data, Runnable done, boolean end) {
    }

    private static final Frame KEEP_ALIVE = new Frame(null, null, false);
    private static final Frame END = new Frame(null, null, true);

    private final SseClient client;
    private final Executor writers;
    private final Queue<Frame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean open = new AtomicBoolean(true);
    /** When the write under way began (System.nanoTime), 0 when none is: how the keep-alive spots a stuck phone. */
    private volatile long writingSince;

    EventStream(SseClient client, Executor writers) {
        this.client = client;
        this.writers = writers;
    }

    @Override
    public boolean isOpen() {
        return open.get() && !client.terminated();
    }

    @Override
    public boolean isFallback() {
        return true;
    }

    @Override
    public void send(Text text, Runnable done) {
        String message = text.string();
        queue.add(new Frame(message, done, false));
        drainSoon();
    }

    /** A comment line every so often keeps proxies from closing a quiet stream, and finds phones gone. */
    void keepAlive(long nowNanos, long stuckAfterNanos) {
        long since = writingSince;
        if (since != 0 && nowNanos - since > stuckAfterNanos) {
            close(1013, "a write waited too long");
            return;
        }
        queue.add(KEEP_ALIVE);
        drainSoon();
    }

    /**
     * Ends the stream. A phone too far behind (1013), or one a write is under way to, has its
     * connection cut, which also frees a writer stuck on it; otherwise the stream ends in order.
     */
    @Override
    public void close(int code, String reason) {
        if (!open.getAndSet(false)) {
            return;
        }
        if (writingSince != 0 || code == 1013) {
            cutOff(reason);
        }
        queue.add(END);
        drainSoon();
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            try {
                writers.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                draining.set(false);
            }
        }
    }

    /** One writer at a time per stream, so frames go out whole and in order. */
    private void drain() {
        do {
            Frame frame;
            while ((frame = queue.poll()) != null) {
                write(frame);
            }
            draining.set(false);
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    private void write(Frame frame) {
        try {
            if (frame.end()) {
                client.close();
            } else if (isOpen()) {
                writingSince = Math.max(1, System.nanoTime());
                if (frame.data() == null) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent("message", frame.data());
                }
            }
        } catch (RuntimeException gone) {
            // A response Jetty has already let go of (a stopping server): the stream is over all the same.
            open.set(false);
            endQuietly();
        } finally {
            writingSince = 0;
            if (frame.done() != null) {
                frame.done().run();
            }
        }
    }

    private void endQuietly() {
        try {
            client.close();
        } catch (RuntimeException alreadyEnded) {
            // nothing is left to end
        }
    }

    /**
     * Closes the connection under the stream, as a failing network would: the write under way fails, and the
     * stream ends as for a phone gone. (Aborting the servlet channel instead lets Jetty recycle the response
     * while Javalin still holds it.)
     */
    private void cutOff(String reason) {
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(client.ctx().req());
            if (request != null) {
                request.getServletChannel().getEndPoint().close(new IOException(reason));
            }
        } catch (RuntimeException alreadyGone) {
            // the response is complete already: nothing is left to cut
        }
    }
}
