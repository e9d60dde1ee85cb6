package org.tallersocial.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Words people type on phones, compared for counting (tidying them is {@link org.tallersocial.web.TypedText}'s). */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Words() {
    }

    /** "Éxito", "exito" and " EXITO " are one word in a cloud. */
    public static String normalise(String word) {
        String decomposed = Normalizer.normalize(word.strip(), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
