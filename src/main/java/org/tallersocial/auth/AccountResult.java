package org.tallersocial.auth;

import java.util.List;

/** What became of a request to create an account through a setup or invitation link. */
sealed interface AccountResult {

    /** The account exists and a session was started for it. */
    record Created(Facilitator facilitator, String sessionToken) implements AccountResult {
    }

    /** Nothing was written; the form goes back with these messages. */
    record Invalid(List<Problem> problems) implements AccountResult {
    }

    /** The link cannot be used (any more). */
    record LinkRefused(LinkState state) implements AccountResult {
    }
}
