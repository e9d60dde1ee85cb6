package org.tallersocial.auth;

import java.util.List;

/** What became of a request to create an account through a setup or invitation link. */
sealed interface AccountResult {

    /** The account exists, a session was started for it, and the browser is now one it trusts. */
    record Created(Facilitator facilitator, String sessionToken, String deviceToken) implements AccountResult {
    }

    /** Nothing was written; the form goes back with these messages. */
    record Invalid(List<Problem> problems) implements AccountResult {
    }

    /** The link cannot be used (any more). */
    record LinkRefused(LinkState state) implements AccountResult {
    }
}
