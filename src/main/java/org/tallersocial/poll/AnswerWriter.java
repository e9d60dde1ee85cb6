package org.tallersocial.poll;

import org.tallersocial.live.Refused;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes answers. Answers that arrive together are
 * committed together in one transaction, and each phone is told only after
 * that commit: a burst of a thousand phones costs a handful of commits, and
 * an acknowledged answer is always on disk. When only a few are waiting, it
 * gathers for a few milliseconds more before committing: a room answering
 * over ten seconds sends a few answers each millisecond, and a commit of one
 * answer costs H2 nearly as much as a commit of ten.
 */
public final class AnswerWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerWriter.class);
    static final int MAX_BATCH = 400;
    static final int MAX_QUEUED = 20_000;
    /** Below this many waiting answers the writer gathers more before it commits... */
    static final int GATHER_BELOW = 32;
    /** ...for at most this long; an acknowledgement waits that much longer at most. */
    static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** An answer that passed validation and waits for its commit. */
    public record Pending(long stepId, long participantId, JsonNode value, long seq, Tally tally,
                          BooleanSupplier stillOpen, Consumer<Outcome> reply, Runnable afterCommit) {
    }

    /** What the phone is told. A duplicate is a retry of something already stored. */
    public record Outcome(boolean accepted, boolean duplicate, JsonNode value, long seq, Refused refusal) {
        static Outcome refused(Refused why) {
            return new Outcome(false, false, null, 0, why);
        }
    }

    private final AnswerRepository answers;
    private final Clock clock;
    private final java.nio.file.Path dataDir;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    private volatile boolean running = true;

    public AnswerWriter(AnswerRepository answers, Clock clock, java.nio.file.Path dataDir) {
        this.dataDir = dataDir;
        this.answers = answers;
        this.clock = clock;
        this.thread = new Thread(this::loop, "answer-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void submit(Pending pending) {
        if (!running || !queue.offer(pending)) {
            pending.reply().accept(Outcome.refused(new Refused("busy", "busy")));
        }
    }

    private void loop() {
        List<Pending> drained = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                drained.add(first);
                queue.drainTo(drained, MAX_BATCH - 1);
                if (drained.size() < GATHER_BELOW) {
                    gather(drained);
                }
                writeInBatches(drained);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("answer writer failed on a batch", e);
            } finally {
                drained.clear();
            }
        }
    }

    private void gather(List<Pending> drained) throws InterruptedException {
        long until = System.nanoTime() + GATHER_NANOS;
        while (drained.size() < MAX_BATCH) {
            Pending next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            drained.add(next);
            queue.drainTo(drained, MAX_BATCH - drained.size());
        }
    }

    /** A person who answers twice within one batch splits it, so the later answer is written last. */
    private void writeInBatches(List<Pending> drained) {
        List<Pending> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Pending p : drained) {
            if (!keys.add(p.stepId() + ":" + p.participantId())) {
                write(batch);
                batch = new ArrayList<>();
                keys.clear();
                keys.add(p.stepId() + ":" + p.participantId());
            }
            batch.add(p);
        }
        write(batch);
    }

    private void write(List<Pending> batch) {
        List<Pending> toStore = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            var existing = p.tally().of(p.participantId());
            if (!p.stillOpen().getAsBoolean()) {
                p.reply().accept(Outcome.refused(new Refused("poll_closed", "poll_closed")));
            } else if (existing.isPresent() && existing.get().seq() >= p.seq()) {
                p.reply().accept(new Outcome(true, true, existing.get().value(), existing.get().seq(), null));
            } else {
                toStore.add(p);
            }
        }
        if (toStore.isEmpty()) {
            return;
        }
        List<Long> ids;
        try {
            ids = answers.upsertAll(toStore.stream()
                    .map(p -> new AnswerRepository.NewAnswer(p.stepId(), p.participantId(), p.value(), p.seq(),
                            p.tally().of(p.participantId()).map(Tally.Entry::answerId).orElse(null)))
                    .toList(), OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            LOG.error("could not store {} answers: the database file cannot be written (disk full or read-only?): {}."
                    + " Phones were told not_saved, keep the answers and resend them.", toStore.size(), rootCause(e), e);
            Refused why = new Refused("not_saved", "not_saved");
            toStore.forEach(p -> p.reply().accept(Outcome.refused(why)));
            return;
        }
        Set<Runnable> changed = new LinkedHashSet<>();
        for (int i = 0; i < toStore.size(); i++) {
            Pending p = toStore.get(i);
            boolean hidden = p.tally().of(p.participantId()).map(Tally.Entry::hidden).orElse(false);
            p.tally().put(new Tally.Entry(ids.get(i), p.participantId(), p.value(), p.seq(), hidden));
            p.reply().accept(new Outcome(true, false, p.value(), p.seq(), null));
            changed.add(p.afterCommit());
        }
        changed.forEach(Runnable::run);
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

    /** Writes what is queued, then stops: a clean shutdown loses no answer. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
