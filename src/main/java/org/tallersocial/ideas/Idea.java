package org.tallersocial.ideas;

import java.time.OffsetDateTime;

/**
 * An idea from the room on an ideas step. Ideas are anonymous on every screen; the
 * author is kept so one phone can't send the same idea twice. A merged idea gave
 * its votes to {@code mergedInto} and is shown under it.
 */
public record Idea(long id, long stepId, long participantId, String clientId, String text, boolean hidden,
                   Long mergedInto, OffsetDateTime createdAt, boolean held) {

    /** On the list the room sees: not hidden, not waiting for the facilitator, not merged into another. */
    public boolean standing() {
        return !hidden && !held && mergedInto == null;
    }

    Idea withHidden(boolean value) {
        return new Idea(id, stepId, participantId, clientId, text, value, mergedInto, createdAt, held);
    }

    /** The facilitator's word on a held idea: on the list (approved), or hidden (rejected). */
    Idea decided(boolean approve) {
        return new Idea(id, stepId, participantId, clientId, text, !approve, mergedInto, createdAt, false);
    }

    Idea mergedInto(long target) {
        return new Idea(id, stepId, participantId, clientId, text, hidden, target, createdAt, held);
    }
}
