package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** A facilitator as the login check needs it: never handed to views. */
record StoredFacilitator(Facilitator facilitator, String passwordHash, int failedLogins, OffsetDateTime lockedUntil) {

    boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
