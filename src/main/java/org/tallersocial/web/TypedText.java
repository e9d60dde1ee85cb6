package org.tallersocial.web;

import java.text.Normalizer;

/**
 * Everything a person types (a name, a title, an answer, a note), as it is stored and shown: without
 * what nobody sees but can still turn a name around or hide it (bidi overrides, zero-width
 * characters, NUL and other controls), and measured in the characters a person counts, Unicode code
 * points, whatever the form, the phone or the database counts. Every column holding typed text is
 * wide enough for its limit in code points in UTF-16 units (twice), so a text this class lets
 * through is never the database's to refuse.
 */
public final class TypedText {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;

    private TypedText() {
    }

    /** One line: a name, a title, a word; every line break becomes a space. Null is empty. */
    public static String line(String raw) {
        return clean(raw, false);
    }

    /** Text that may run over lines (an open answer): line breaks stay, everything else as {@link #line}. */
    public static String lines(String raw) {
        return clean(raw, true);
    }

    /** How long a text is, in the characters a person counts (a flag or an accent typed apart count two). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean tooLong(String text, int max) {
        return length(text) > max;
    }

    private static String clean(String raw, boolean keepBreaks) {
        if (raw == null) {
            return "";
        }
        int[] in = Normalizer.normalize(raw, Normalizer.Form.NFC).codePoints().toArray();
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < in.length; i++) {
            int c = in[i];
            if (c == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.append(keepBreaks ? '\n' : ' ');
            } else if (c == '\t' || c == 0x0B || c == '\f' || Character.getType(c) == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else if (!invisible(in, i)) {
                out.appendCodePoint(c);
            }
        }
        return collapseSpaces(out);
    }

    /**
     * Controls, lone surrogates, format characters (bidi marks and overrides, zero-width spaces, the
     * byte-order mark...) and the Hangul fillers that pass for letters. Two format characters stay
     * where they draw something: a joiner between two visible characters (the family emoji, Indic and
     * Persian scripts), and the tags that spell a flag after the black flag (Scotland, Wales).
     */
    private static boolean invisible(int[] text, int i) {
        int c = text[i];
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.SURROGATE) {
            return true;
        }
        if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0) {
            return true;
        }
        if (type != Character.FORMAT) {
            return false;
        }
        if (c == ZWJ || c == ZWNJ) {
            return !(i > 0 && visible(text[i - 1]) && i + 1 < text.length && visible(text[i + 1]));
        }
        if (c >= 0xE0020 && c <= 0xE007F) {
            for (int j = i - 1; j >= 0; j--) {
                if (text[j] == BLACK_FLAG) {
                    return false;
                }
                if (text[j] < 0xE0020 || text[j] > 0xE007F) {
                    return true;
                }
            }
        }
        return true;
    }

    private static boolean visible(int c) {
        return Character.isLetterOrDigit(c) || switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL, Character.MATH_SYMBOL,
                 Character.CURRENCY_SYMBOL, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Runs of spaces are one space; the text neither starts nor ends with a space or a break. */
    private static String collapseSpaces(StringBuilder text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' || out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
