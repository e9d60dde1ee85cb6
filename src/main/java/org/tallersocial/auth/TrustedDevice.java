package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** A browser where a facilitator has logged in, as its device cookie's stored hash finds it. */
record TrustedDevice(String tokenHash, long facilitatorId, OffsetDateTime expiresAt, OffsetDateTime lockedUntil) {

    boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
