package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** An invitation nobody has used or withdrawn yet, as the team page lists it; the hash names it, and opens nothing. */
record OpenInvitation(String tokenHash, String note, long invitedBy, String invitedByName, OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {
}
