package org.tallersocial.poll;

/** An input the room refuses; the code is for programs, the message for people. */
public final class RefusedAnswer extends RuntimeException {

    private final String code;

    public RefusedAnswer(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
