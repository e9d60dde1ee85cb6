package org.tallersocial.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * When each broadcast reached the phones: for every distinct message text, the
 * first and the last phone to receive it and how many did. The same results
 * text goes to every phone of a room at once, so the text names the broadcast.
 */
final class Fanout {

    /** One broadcast as the phones saw it; times are System.nanoTime(), shared by every JVM on the machine. */
    record Broadcast(String text, long first, long last, int phones) {
        double spreadMillis() {
            return (last - first) / 1e6;
        }
    }

    private static final class Times {
        final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
        final AtomicInteger count = new AtomicInteger();
    }

    private final Map<String, Times> byText = new ConcurrentHashMap<>();

    void received(String text, long nanoTime) {
        Times t = byText.computeIfAbsent(text, k -> new Times());
        t.first.accumulate(nanoTime);
        t.last.accumulate(nanoTime);
        t.count.incrementAndGet();
    }

    /** Every broadcast, in the order the first phone received them. */
    List<Broadcast> broadcasts() {
        return byText.entrySet().stream()
                .map(e -> new Broadcast(e.getKey(), e.getValue().first.get(), e.getValue().last.get(),
                        e.getValue().count.get()))
                .sorted(Comparator.comparingLong(Broadcast::first))
                .toList();
    }

    /** Those that reached all the given phones: only they have a time "to all clients". */
    List<Broadcast> reachingAll(int phones) {
        return broadcasts().stream().filter(b -> b.phones() >= phones).toList();
    }
}
