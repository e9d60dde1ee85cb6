package org.tallersocial.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.tallersocial.web.Limits;

/**
 * A second copy of the phones' pipeline (parse, read, writer, commit, ack, publish) on a throwaway
 * database, for warming up a burst before any phone comes. The classes are the server's own, so what
 * the JVM learns here (loaded classes, compiled hot paths) serves the first real burst. Its sockets
 * carry nothing anywhere; they count the replies they get.
 */
public final class WarmUp implements AutoCloseable {

    private final Hub hub;
    private final Writer writer;
    private final LiveMessages messages;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger acks = new AtomicInteger();

    public WarmUp(Hub hub, DSLContext dsl, Replies replies, ObjectMapper json, Features features) {
        this.hub = hub;
        this.writer = new Writer(dsl, null, replies);
        this.messages = new LiveMessages(hub, writer, replies, json, features, new Limits(false, java.time.Clock.systemUTC()),
                java.time.Clock.systemUTC());
    }

    public Socket phone(Room room, long participantId) {
        return hub.attach(room, new Counting(), Viewer.PHONE, participantId);
    }

    public void projector(Room room) {
        hub.attach(room, new Counting(), Viewer.PROJECTOR, 0);
    }

    /** A message as a phone's socket would hand it over. */
    public void send(Room room, Socket phone, String text) {
        messages.take(room, phone, text, Locale.ENGLISH, "127.0.0.1");
    }

    /** @return whether that many acks or errors came, in all, within the time */
    public boolean awaitReplies(int count, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (answered.get() < count) {
            if (System.nanoTime() > until) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return true;
    }

    public int acks() {
        return acks.get();
    }

    @Override
    public void close() {
        writer.close();
    }

    private final class Counting implements Outbound {

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void send(Text message, Runnable done) {
            String s = message.string();
            message.bytes();
            boolean ack = s.startsWith("{\"type\":\"ack\"");
            if (ack) {
                acks.incrementAndGet();
            }
            if (ack || s.startsWith("{\"type\":\"error\"")) {
                answered.incrementAndGet();
            }
            done.run();
        }

        @Override
        public void close(int code, String reason) {
            // nothing to close
        }
    }
}
