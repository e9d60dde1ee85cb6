package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** An invitation to join as a facilitator; the link's token itself is never stored. */
record Invitation(String tokenHash, long invitedBy, String note, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, OffsetDateTime usedAt, OffsetDateTime revokedAt) {

    LinkState stateAt(OffsetDateTime now) {
        if (usedAt != null) {
            return LinkState.USED;
        }
        if (revokedAt != null) {
            return LinkState.REVOKED;
        }
        return now.isBefore(expiresAt) ? LinkState.VALID : LinkState.EXPIRED;
    }
}
