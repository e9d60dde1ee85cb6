package org.tallersocial.auth;

/** What became of a change to the team: withdrawing an invitation, giving or taking back the right to invite. */
enum TeamChange {
    DONE,
    /** This facilitator's role does not allow it. */
    NOT_ALLOWED,
    /** Nothing to change: the invitation was used, expired or withdrawn, or there is no such member. */
    NOT_FOUND
}
