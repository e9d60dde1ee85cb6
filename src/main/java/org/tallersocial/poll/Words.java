package org.tallersocial.poll;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Free text as people type it on phones, tidied for storing and counting. */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n]]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    private Words() {
    }

    /** Control characters out, runs of spaces collapsed, ends trimmed. */
    public static String tidy(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = CONTROL.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ");
        return text.strip();
    }

    /** "Éxito", "exito" and " EXITO " are one word in a cloud. */
    public static String normalise(String word) {
        String decomposed = Normalizer.normalize(word.strip(), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
