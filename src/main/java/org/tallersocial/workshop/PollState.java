package org.tallersocial.workshop;

/** A poll waits, is open to answers, then is closed; it never reopens answers silently. */
public enum PollState {
    PENDING, OPEN, CLOSED;

    public String key() {
        return name().toLowerCase();
    }

    public static PollState fromKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
