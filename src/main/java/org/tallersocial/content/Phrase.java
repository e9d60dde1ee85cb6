package org.tallersocial.content;

import java.util.List;
import java.util.Locale;
import org.tallersocial.web.Texts;

/**
 * A piece of a problem's message that is itself worded, such as "a ranking poll" or {@code text "abc"}, kept as
 * a text key and its arguments so that it reads in the reader's language along with the message around it.
 * Arguments are phrases in turn, or the file's own words (field names, ids, typed values), which stay as
 * they are.
 */
public record Phrase(String key, List<Object> args) {

    /** The content package's one copy of the bundles: loading them per message would read two files each time. */
    static final Texts TEXTS = new Texts();

    public Phrase {
        args = List.copyOf(args);
    }

    public Phrase(String key, Object... args) {
        this(key, List.of(args));
    }

    public String text(Locale locale) {
        Object[] words = args.stream().map(arg -> word(arg, locale)).toArray();
        return TEXTS.get(locale, key, words);
    }

    /**
     * Numbers go to the bundle as plain text too: Texts would group them ("1,000", "1.000"), but a reader
     * types these limits straight into a field, so they stay as a file writes them.
     */
    private static String word(Object arg, Locale locale) {
        return arg instanceof Phrase phrase ? phrase.text(locale) : String.valueOf(arg);
    }
}
