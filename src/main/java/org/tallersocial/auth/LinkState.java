package org.tallersocial.auth;

/** What a setup or invitation link is worth when someone opens it. */
enum LinkState {
    VALID,
    UNKNOWN,
    USED,
    EXPIRED,
    /** Withdrawn by its inviter or the administrator before anyone used it. */
    REVOKED,
    /** A setup link after the first account exists: setup happens once. */
    SETUP_DONE
}
