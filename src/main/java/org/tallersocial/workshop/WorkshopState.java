package org.tallersocial.workshop;

/** A workshop is prepared as a draft, runs live, and is closed for good. */
public enum WorkshopState {
    DRAFT, LIVE, CLOSED;

    public String key() {
        return name().toLowerCase();
    }

    public static WorkshopState fromKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
