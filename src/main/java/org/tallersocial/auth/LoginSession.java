package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** A stored login: only the hash of the cookie's token is kept. */
record LoginSession(String tokenHash, Facilitator facilitator, OffsetDateTime createdAt,
        OffsetDateTime lastSeenAt, OffsetDateTime expiresAt) {
}
