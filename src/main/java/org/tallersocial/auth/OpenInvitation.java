package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** An invitation nobody has used yet, as the team page lists it. */
record OpenInvitation(String note, String invitedByName, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
}
