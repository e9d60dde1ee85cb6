package org.tallersocial.workshop;

/** A facilitator's or a phone's request the workshop cannot carry out, with a message for them. */
public final class WorkshopRefusal extends RuntimeException {

    public WorkshopRefusal(String message) {
        super(message, null, false, false);
    }
}
