package org.tallersocial.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that decides on and writes what phones send, every kind alike. Messages that arrive
 * together are decided one after the other against the rooms' memory, under each room's lock, then
 * committed together in one transaction, then applied to memory and acknowledged: a burst of a
 * thousand phones costs a handful of commits, and an acknowledged message is always on disk. When only
 * a few are waiting, it gathers for a few milliseconds more first: a room answering over ten seconds
 * sends a few messages each millisecond, and a commit of one costs H2 nearly as much as a commit of ten.
 *
 * <p>"On disk" means in the file, as the operating system holds it: a killed server loses nothing, a power
 * cut may lose what the OS had not written out yet (docs/security.md). With durable commits, the writer also
 * has the file forced to the device ({@code CHECKPOINT SYNC}, an fsync) once per drained batch, after its
 * last commit and before any of its acks leave.
 */
public final class Writer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);
    static final int MAX_BATCH = 400;
    static final int MAX_QUEUED = 20_000;
    /** Below this many waiting messages the writer gathers more before it commits... */
    static final int GATHER_BELOW = 32;
    /** ...for at most this long; an acknowledgement waits that much longer at most. */
    static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final DSLContext dsl;
    private final Path dataDir;
    private final Replies replies;
    private final boolean durable;
    /** Something was committed since the file was last forced to disk; the writer's thread only. */
    private boolean unforced;
    private final AtomicLong forced = new AtomicLong();
    private final BlockingQueue<Delivery<?>> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    /**
     * Sends the replies of a batch once it is committed, while the writer goes on to the next batch:
     * sending a thousand acks costs about what committing them does, and both then use the machine.
     * One thread, so a phone's replies keep the writer's order.
     */
    private final ExecutorService replying = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "writer-replies");
        t.setDaemon(true);
        return t;
    });
    /** The replies of the batch being processed; the writer's thread only. */
    private final List<Reply> outgoing = new ArrayList<>();
    private volatile boolean running = true;

    public Writer(DSLContext dsl, Path dataDir, Replies replies) {
        this(dsl, dataDir, replies, false);
    }

    /** @param durable whether each batch is forced to the disk device before it is acknowledged */
    public Writer(DSLContext dsl, Path dataDir, Replies replies, boolean durable) {
        this.dsl = dsl;
        this.dataDir = dataDir;
        this.replies = replies;
        this.durable = durable;
        if (durable) {
            LOG.info("durable commits: each batch of answers is forced to disk (fsync) before phones are told saved");
        }
        this.thread = new Thread(this::loop, "writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(Delivery<?> delivery) {
        if (!running || !queue.offer(delivery)) {
            // "busy" makes the phone keep what it sent and send it again a little later.
            delivery.answer(replies.error(delivery.message().id(), new Refused("busy", "busy"), delivery.locale()));
        }
    }

    private void loop() {
        List<Delivery<?>> drained = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                // Short, so that a stop (close) is noticed within 20 ms; idle, that is 50 cheap wake-ups a second.
                Delivery<?> first = queue.poll(20, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                drained.add(first);
                queue.drainTo(drained, MAX_BATCH - 1);
                if (drained.size() < GATHER_BELOW) {
                    gather(drained);
                }
                process(drained);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("the writer failed on a batch", e);
            } finally {
                drained.clear();
            }
        }
    }

    private void gather(List<Delivery<?>> drained) throws InterruptedException {
        long until = System.nanoTime() + GATHER_NANOS;
        while (drained.size() < MAX_BATCH) {
            Delivery<?> next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            drained.add(next);
            queue.drainTo(drained, MAX_BATCH - drained.size());
        }
    }

    /**
     * Decides each message in turn; a second message for a slot already in the batch (a person who
     * answered twice) first commits the batch, so it is decided against the first one's outcome.
     */
    void process(List<Delivery<?>> drained) {
        try {
            decideAndCommit(drained);
        } finally {
            // Even after a failure half-way, what was committed and acked so far is forced before its acks leave.
            if (durable && !forceToDisk()) {
                // Committed, in the rooms' memory, but maybe not on the device: no phone is told saved. Each
                // keeps its message and sends it again, and is then acked as a duplicate once a force succeeds.
                outgoing.replaceAll(r -> r.ack() ? new Reply(r.delivery(), replies.error(
                        r.delivery().message().id(), new Refused("not_saved", "not_saved"), r.delivery().locale()),
                        false) : r);
            }
            List<Reply> batch = List.copyOf(outgoing);
            outgoing.clear();
            replying.execute(() -> batch.forEach(r -> r.delivery().answer(r.message())));
        }
    }

    /**
     * With durable commits, once per batch: the file to the device, if anything was committed since the
     * last time. A duplicate's ack waits for it too, since its first ack may have been held back.
     *
     * @return whether everything committed so far is on the device
     */
    private boolean forceToDisk() {
        if (!unforced) {
            return true;
        }
        try {
            dsl.execute("CHECKPOINT SYNC");
            unforced = false;
            forced.incrementAndGet();
            return true;
        } catch (RuntimeException e) {
            LOG.error("could not force the database file to disk: {}. Phones were told not_saved, keep their"
                    + " answers and send them again.", rootCause(e), e);
            return false;
        }
    }

    /** How many times the file was forced to disk (durable commits): once per batch that committed. */
    public long forcedToDisk() {
        return forced.get();
    }

    private void decideAndCommit(List<Delivery<?>> drained) {
        Batch batch = new Batch();
        try {
            for (Delivery<?> d : drained) {
                if (!batch.slots.add(d.slot())) {
                    batch.commit();
                    batch = new Batch();
                    batch.slots.add(d.slot());
                }
                batch.hold(d.room());
                Delivery.Verdict verdict = d.decide();
                if (verdict.change() != null) {
                    batch.changes.put(d, verdict.change());
                } else if (verdict.refusal() != null) {
                    refuse(d, verdict.refusal());
                } else {
                    reply(d, replies.ack(d.message().id(), verdict.reply(), true));
                }
            }
            batch.commit();
        } finally {
            batch.release();
        }
    }

    /** What is decided and waits for one commit, and the rooms whose locks it holds until then. */
    private final class Batch {
        private final Set<String> slots = new HashSet<>();
        private final Map<Delivery<?>, Change> changes = new LinkedHashMap<>();
        private final Set<Room> held = new LinkedHashSet<>();

        void hold(Room room) {
            if (held.add(room)) {
                room.lock();
            }
        }

        void release() {
            held.forEach(Room::unlock);
            held.clear();
        }

        /** Commits, then applies and acknowledges, then lets the rooms go. */
        void commit() {
            try {
                if (changes.isEmpty()) {
                    return;
                }
                if (store(changes.values())) {
                    changes.forEach((d, c) -> finish(d, c, true));
                } else if (changes.size() == 1) {
                    changes.forEach((d, c) -> finish(d, c, false));
                } else {
                    // One message the database refuses must not hold up the others: each on its own.
                    changes.forEach((d, c) -> finish(d, c, store(List.of(c))));
                }
            } finally {
                release();
            }
        }
    }

    /** @return whether the commit went through */
    private boolean store(java.util.Collection<Change> changes) {
        Map<Store, List<Change>> byStore = new IdentityHashMap<>();
        changes.forEach(c -> byStore.computeIfAbsent(c.store(), s -> new ArrayList<>()).add(c));
        try {
            dsl.transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                byStore.forEach((store, list) -> store.write(tx, list));
            });
            unforced = true;
            return true;
        } catch (RuntimeException e) {
            LOG.error("could not store {} messages: the database file cannot be written (disk full or read-only?): {}."
                    + " Phones were told not_saved, keep them and send them again.", changes.size(), rootCause(e), e);
            return false;
        }
    }

    private void finish(Delivery<?> d, Change change, boolean stored) {
        if (!stored) {
            refuse(d, new Refused("not_saved", "not_saved"));
            return;
        }
        reply(d, replies.ack(d.message().id(), change.apply(), false));
        d.room().changed(d.feature());
    }

    private void refuse(Delivery<?> d, Refused why) {
        outgoing.add(new Reply(d, replies.error(d.message().id(), why, d.locale()), false));
    }

    /** After the batch: an ack goes out only once what it acknowledges is committed (and forced, if durable). */
    private void reply(Delivery<?> d, ObjectNode ack) {
        outgoing.add(new Reply(d, ack, true));
    }

    private record Reply(Delivery<?> delivery, ObjectNode message, boolean ack) {
    }

    /** The innermost message names the file and the failed write, which is what the operator can act on. */
    private String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return (dataDir == null ? "" : "data directory " + dataDir + ": ") + t.getClass().getSimpleName() + " "
                + t.getMessage();
    }

    /** Writes what is queued, then stops: a clean shutdown loses no message. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
            replying.shutdown();
            replying.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
