package org.tallersocial.workshop;

import java.util.Locale;
import java.util.Optional;
import org.tallersocial.web.Tokens;

/**
 * Join codes people read off a projector and type on a phone: six characters
 * from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G).
 */
public final class JoinCodes {

    static final String ALPHABET = "ACDEFHJKMNPQRTUVWXY3479";
    static final int LENGTH = 6;

    private JoinCodes() {
    }

    public static String random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(Tokens.randomInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, made comparable: case, spaces and dashes don't matter. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
