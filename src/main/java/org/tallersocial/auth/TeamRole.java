package org.tallersocial.auth;

import java.util.Arrays;
import java.util.Locale;

/** What a facilitator may do about who is in the team; stored by its key. */
enum TeamRole {
    /** Made the first account with the setup link. */
    ADMINISTRATOR,
    /** Given the right to invite by the administrator. */
    INVITER,
    MEMBER;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TeamRole of(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown team role in the database: " + key));
    }

    boolean mayInvite() {
        return this != MEMBER;
    }

    /** Whose invitations this role may withdraw: the administrator any, an inviter their own. */
    boolean mayRevoke(long invitedBy, long self) {
        return this == ADMINISTRATOR || (this == INVITER && invitedBy == self);
    }
}
