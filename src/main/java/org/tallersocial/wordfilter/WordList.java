package org.tallersocial.wordfilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tallersocial.web.Words;

/**
 * Words and phrases, folded as word clouds fold them ("Cabrón" is "cabron"), matched whole: "anal" is in
 * the list, "análisis" passes; "Scunthorpe" holds a listed word and passes too. Punctuation and
 * separators between words are spaces ("hijo-de-puta" is the phrase "hijo de puta"), and letters spelled
 * out one by one are read as one word ("p.u.t.a", "s h i t"); a plural in -s or -es is read as its singular.
 */
public final class WordList {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The shipped lists, written by scripts/update-word-list from the LDNOOBW list. */
    private static final List<String> SHIPPED = List.of("/wordfilter/en.txt", "/wordfilter/es.txt");

    private final Set<String> phrases;
    private final int longest;

    private WordList(Set<String> phrases) {
        this.phrases = Set.copyOf(phrases);
        this.longest = phrases.stream().mapToInt(p -> p.split(" ").length).max().orElse(0);
    }

    /** The English and Spanish lists the kit ships. */
    public static WordList shipped() {
        List<String> words = new ArrayList<>();
        for (String resource : SHIPPED) {
            words.addAll(lines(resource));
        }
        return of(words);
    }

    public static WordList of(Collection<String> words) {
        Set<String> folded = new HashSet<>();
        for (String w : words) {
            String f = fold(w);
            if (!f.isEmpty()) {
                folded.add(f);
            }
        }
        return new WordList(folded);
    }

    /** This list with some added and some taken out, each folded as the list is. */
    public WordList adapted(Collection<String> added, Collection<String> removed) {
        Set<String> out = new HashSet<>(phrases);
        removed.forEach(w -> out.remove(fold(w)));
        added.forEach(w -> {
            String f = fold(w);
            if (!f.isEmpty()) {
                out.add(f);
            }
        });
        return new WordList(out);
    }

    /** A word or phrase as the list keeps it: folded, punctuation as spaces, one space between words. */
    public static String fold(String text) {
        return String.join(" ", tokens(text));
    }

    public boolean contains(String phrase) {
        return phrases.contains(fold(phrase));
    }

    /** The first listed word or phrase the text names, or null. */
    public String match(String text) {
        List<String> tokens = withSpelledOut(tokens(text));
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int k = i; k < tokens.size() && k - i < longest; k++) {
                String before = phrase.toString();
                if (k > i) {
                    phrase.append(' ');
                }
                phrase.append(tokens.get(k));
                String found = listed(before + (k > i ? " " : ""), tokens.get(k));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The phrase as written, or with its last word in the singular: the lists mostly give one form
     * ("asshole", "cabron"), and "assholes" or "cabrones" say the same.
     */
    private String listed(String start, String last) {
        for (String form : new String[] {last, plural(last, "s"), plural(last, "es")}) {
            if (form != null && phrases.contains(start + form)) {
                return start + form;
            }
        }
        return null;
    }

    private static String plural(String word, String ending) {
        return word.length() > ending.length() + 2 && word.endsWith(ending)
                ? word.substring(0, word.length() - ending.length()) : null;
    }

    private static List<String> tokens(String text) {
        String folded = NOT_WORD.matcher(Words.normalise(text)).replaceAll(" ").strip();
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** "p u t a" also as "puta", after the letters themselves (a phrase of single letters stays findable). */
    private static List<String> withSpelledOut(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        StringBuilder run = new StringBuilder();
        int letters = 0;
        for (String t : tokens) {
            if (t.codePointCount(0, t.length()) == 1) {
                run.append(t);
                letters++;
                continue;
            }
            if (letters > 1) {
                out.add(run.toString());
            }
            run.setLength(0);
            letters = 0;
        }
        if (letters > 1) {
            out.add(run.toString());
        }
        return out;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + ": run scripts/update-word-list");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
