package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** What became of a login attempt. */
sealed interface LoginResult {

    /** With the browser's new device cookie. */
    record LoggedIn(Facilitator facilitator, String sessionToken, String deviceToken) implements LoginResult {
    }

    /** The same answer for an unknown email and a wrong password. */
    record WrongCredentials() implements LoginResult {
    }

    /** Locked for browsers the account does not know, or, in one it does, for that browser alone. */
    record Locked(OffsetDateTime until, boolean thisBrowserOnly) implements LoginResult {

        static Locked account(OffsetDateTime until) {
            return new Locked(until, false);
        }

        static Locked device(OffsetDateTime until) {
            return new Locked(until, true);
        }
    }

    /** Too many wrong passwords from this network address lately: nothing was checked. */
    record TooManyFromAddress() implements LoginResult {
    }

    /** Email or password left empty: nothing was checked or counted. */
    record Incomplete() implements LoginResult {
    }
}
