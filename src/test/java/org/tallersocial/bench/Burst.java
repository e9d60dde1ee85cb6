package org.tallersocial.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/** What one burst measured for a set of phones: acknowledgement latencies and when the acks came. */
final class Burst {

    final int sent;
    final long start;
    final List<Phone> acked;
    final double[] latencies;
    final long lastAck;

    Burst(List<Phone> phones, long start) {
        this.sent = phones.size();
        this.start = start;
        this.acked = phones.stream().filter(p -> p.ackAt > 0).toList();
        this.latencies = acked.stream().mapToDouble(p -> (p.ackAt - p.sentAt) / 1e6).sorted().toArray();
        this.lastAck = acked.stream().mapToLong(p -> p.ackAt).max().orElse(start);
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
        long start = System.nanoTime();
        for (int i = 0; i < inOrder.size(); i++) {
            long wait = start + offsets[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inOrder.get(i).resend(done);
        }
        return start;
    }

    double p(double percent) {
        return Bench.percentile(latencies, percent);
    }

    double window() {
        return (lastAck - start) / 1e6;
    }

    /** Acks grouped where more than 20 ms pass without one: each group is roughly one commit. */
    String waves() {
        long[] times = acked.stream().mapToLong(p -> p.ackAt).sorted().toArray();
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
