package org.tallersocial.live;

/**
 * An input the room refuses. The code is for programs; the text key and its
 * arguments become a message in the language of the screen that sent it.
 */
public final class Refused extends RuntimeException {

    private final String code;
    private final String textKey;
    private final transient Object[] args;

    public Refused(String code, String textKey, Object... args) {
        super(code + ": " + textKey, null, false, false);
        this.code = code;
        this.textKey = textKey;
        this.args = args;
    }

    public String code() {
        return code;
    }

    /** The key under `error.` in the text bundles. */
    public String textKey() {
        return "error." + textKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
