package org.tallersocial.testing;

/** Texts people type that the server must count and clean as a person would. */
public final class TypedTexts {

    /**
     * What nobody sees: a right-to-left override, a zero-width space, the bidi isolates, a byte-order
     * mark and NUL.
     */
    public static final String INVISIBLE = "\u202E\u200B\u2066\u2067\u2068\u2069\uFEFF\u0000";

    private static final String FLAG = "\uD83C\uDDEA\uD83C\uDDF8";
    private static final String ACCENT_APART = "x\u0301";
    private static final String EMOJI = "\uD83D\uDE00";

    private TypedTexts() {
    }

    /**
     * Exactly {@code characters} code points, nearly twice as many UTF-16 units: a flag (two code
     * points), an accent typed apart (no letter holds it, so it stays two) and then 4-byte emoji.
     */
    public static String ofLength(int characters) {
        if (characters < 4) {
            throw new IllegalArgumentException("at least 4 characters: " + characters);
        }
        return FLAG + ACCENT_APART + EMOJI.repeat(characters - 4);
    }
}
