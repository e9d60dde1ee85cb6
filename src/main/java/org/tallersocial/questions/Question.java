package org.tallersocial.questions;

import java.time.OffsetDateTime;

/**
 * A question from the room. {@code authorName} is null when the person asked anonymously.
 * {@code clientId} is the id of the phone's message, so a resent question is recognised.
 */
public record Question(long id, long participantId, String clientId, String text, String authorName,
                       Status status, boolean answered, boolean pinned, OffsetDateTime askedAt) {

    /** Only a visible question reaches phones and the projector. */
    public enum Status {
        PENDING, VISIBLE, HIDDEN;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean visible() {
        return status == Status.VISIBLE;
    }

    Question withStatus(Status s) {
        return new Question(id, participantId, clientId, text, authorName, s, answered, pinned && s == Status.VISIBLE,
                askedAt);
    }

    Question withAnswered(boolean value) {
        return new Question(id, participantId, clientId, text, authorName, status, value, pinned, askedAt);
    }

    Question withPinned(boolean value) {
        return new Question(id, participantId, clientId, text, authorName, status, answered, value, askedAt);
    }
}
