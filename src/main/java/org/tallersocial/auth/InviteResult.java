package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** What became of a request to invite someone. */
sealed interface InviteResult {

    /** The token is the only copy there will ever be: show it once. */
    record Invited(String token, OffsetDateTime expiresAt) implements InviteResult {
    }

    record Invalid(Problem problem) implements InviteResult {
    }

    /** Only the administrator and those they allow may invite. */
    record NotAllowed() implements InviteResult {
    }
}
