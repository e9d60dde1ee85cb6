package org.tallersocial.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a phone, an address): a burst of {@code burst} at once, then
 * {@code perSecond} sustained. Sized so a real room never meets it and a script does; a key
 * that has been quiet long enough to refill is forgotten, so the map stays small.
 */
public final class RateLimit {

    private static final int PURGE_ABOVE = 10_000;
    private static final long PURGE_EVERY_NANOS = 10_000_000_000L;

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    private final int burst;
    private final double perNano;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastPurge;

    public RateLimit(int burst, double perSecond) {
        this(burst, perSecond, System::nanoTime);
    }

    RateLimit(int burst, double perSecond, LongSupplier nanos) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive rate");
        }
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanos = nanos;
    }

    /** Takes one token for the key; false when it has none left (the request is refused). */
    public boolean allow(String key) {
        long now = nanos.getAsLong();
        // A room of ten thousand phones keeps the map above the mark: scanning it on every
        // message would put that scan on the hot path of each vote, so it waits its turn.
        if (buckets.size() > PURGE_ABOVE && now - lastPurge > PURGE_EVERY_NANOS) {
            lastPurge = now;
            buckets.values().removeIf(b -> refilled(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.lastNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Returns a token taken by {@link #allow}, for a request that turned out to be harmless. */
    public void giveBack(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.tokens = Math.min(burst, bucket.tokens + 1);
            }
        }
    }

    /** True when the key has no token left, without taking one: to turn away before any work. */
    public boolean exhausted(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return false;
        }
        synchronized (bucket) {
            return refilled(bucket, nanos.getAsLong()) < 1;
        }
    }

    private double refilled(Bucket bucket, long now) {
        // The server's clock is a wall clock: when it is set back, time stands still instead of running back.
        return Math.min(burst, bucket.tokens + Math.max(0, now - bucket.lastNanos) * perNano);
    }
}
