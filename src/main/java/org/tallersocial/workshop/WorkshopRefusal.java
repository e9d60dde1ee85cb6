package org.tallersocial.workshop;

/**
 * A facilitator's or a phone's request the workshop cannot carry out. The
 * text key and its arguments become a message in the person's language.
 */
public final class WorkshopRefusal extends RuntimeException {

    private final String textKey;
    private final transient Object[] args;

    public WorkshopRefusal(String textKey, Object... args) {
        super(textKey, null, false, false);
        this.textKey = textKey;
        this.args = args;
    }

    /** The key under `refusal.` in the text bundles. */
    public String textKey() {
        return "refusal." + textKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
