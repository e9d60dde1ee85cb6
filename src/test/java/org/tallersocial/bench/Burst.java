package org.tallersocial.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * What one burst measured for a set of inputs (the phones' poll answers, or every message of an
 * exercise): acknowledgement latencies, when the acks came, and what was refused or lost on the way.
 */
final class Burst {

    final int sent;
    final long start;
    final List<PhoneMessage> acked;
    final List<PhoneMessage> refused;
    final List<PhoneMessage> failed;
    final int resends;
    final double[] latencies;
    final long lastAck;

    Burst(List<PhoneMessage> messages, long start) {
        this.sent = messages.size();
        this.start = start;
        this.acked = messages.stream().filter(m -> m.ackAt > 0).toList();
        this.refused = messages.stream().filter(m -> m.refusal != null).toList();
        this.failed = messages.stream().filter(m -> m.failure != null).toList();
        this.resends = messages.stream().mapToInt(m -> m.resends.get()).sum();
        this.latencies = acked.stream().mapToDouble(PhoneMessage::latencyMillis).sorted().toArray();
        this.lastAck = acked.stream().mapToLong(m -> m.ackAt).max().orElse(start);
    }

    /** The poll answers the phones sent in a burst that began at start. */
    static Burst ofAnswers(List<Phone> phones, long start) {
        return new Burst(phones.stream().map(p -> p.answer).toList(), start);
    }

    /** Offsets at which n phones answer evenly over the given time (all at once for 0). */
    static long[] evenly(int n, int spreadMillis) {
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = (long) i * spreadMillis * 1_000_000L / Math.max(1, n);
        }
        return offsets;
    }

    /**
     * Each phone sends its prepared answer at its offset from now (phones in the order of their offsets);
     * returns when the burst began. The acks count the latch down as they come.
     */
    static long fire(List<Phone> inOrder, long[] offsets, CountDownLatch done) {
        return fire(inOrder.stream().<Runnable>map(p -> () -> p.resend(done)).toList(), offsets);
    }

    /** Runs each send at its offset from now (sends in the order of their offsets); returns when it began. */
    static long fire(List<Runnable> sends, long[] offsets) {
        long start = System.nanoTime();
        for (int i = 0; i < sends.size(); i++) {
            long wait = start + offsets[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sends.get(i).run();
        }
        return start;
    }

    /** The refusals by reason, with how many of each and the first phone that got it. */
    List<String> refusals() {
        java.util.Map<String, List<PhoneMessage>> byWhy = new java.util.LinkedHashMap<>();
        refused.forEach(m -> byWhy.computeIfAbsent(m.refusal, k -> new ArrayList<>()).add(m));
        failed.forEach(m -> byWhy.computeIfAbsent(m.failure, k -> new ArrayList<>()).add(m));
        return byWhy.entrySet().stream().map(e -> String.format(Locale.ROOT, "%d x %s (first: phone %d, %s)",
                e.getValue().size(), e.getKey(), e.getValue().get(0).phone.index, e.getValue().get(0).text)).toList();
    }

    double p(double percent) {
        return Bench.percentile(latencies, percent);
    }

    double window() {
        return (lastAck - start) / 1e6;
    }

    /** Acks grouped where more than 20 ms pass without one: each group is roughly one commit. */
    String waves() {
        long[] times = acked.stream().mapToLong(m -> m.ackAt).sorted().toArray();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < times.length) {
            int j = i;
            while (j + 1 < times.length && times[j + 1] - times[j] < 20_000_000L) {
                j++;
            }
            out.add(String.format(Locale.ROOT, "%.0f-%.0f: %d", (times[i] - start) / 1e6,
                    (times[j] - start) / 1e6, j - i + 1));
            i = j + 1;
        }
        return out.size() <= 15 ? String.join(", ", out)
                : String.join(", ", out.subList(0, 15)) + ", ... (" + out.size() + " waves)";
    }
}
