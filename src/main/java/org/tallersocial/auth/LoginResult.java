package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** What became of a login attempt. */
sealed interface LoginResult {

    record LoggedIn(Facilitator facilitator, String sessionToken) implements LoginResult {
    }

    /** The same answer for an unknown email and a wrong password. */
    record WrongCredentials() implements LoginResult {
    }

    record Locked(OffsetDateTime until) implements LoginResult {
    }

    /** Email or password left empty: nothing was checked or counted. */
    record Incomplete() implements LoginResult {
    }
}
