package org.tallersocial.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wrong logins for emails that have no account, counted in memory so that
 * they lock exactly like a real account does. Without this, five wrong tries
 * followed by a "locked" answer (or its absence) would tell anyone whether
 * an email has an account. Bounded, so a flood of made-up emails costs a
 * fixed amount of memory; losing the counts on restart reveals nothing.
 */
final class DecoyLockouts {

    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration lockFor;
    private final Map<String, Entry> byEmail = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    DecoyLockouts(int maxFailures, Duration lockFor) {
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    synchronized Optional<OffsetDateTime> lockedUntil(String email, OffsetDateTime now) {
        Entry entry = byEmail.get(email);
        if (entry == null || entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(entry.lockedUntil);
    }

    /** @return when this email is now locked until, if this failure locked it */
    synchronized Optional<OffsetDateTime> recordFailure(String email, OffsetDateTime now) {
        Entry entry = byEmail.computeIfAbsent(email, e -> new Entry());
        entry.failures++;
        if (entry.failures < maxFailures) {
            return Optional.empty();
        }
        entry.failures = 0;
        entry.lockedUntil = now.plus(lockFor);
        return Optional.of(entry.lockedUntil);
    }

    private static final class Entry {
        int failures;
        OffsetDateTime lockedUntil;
    }
}
