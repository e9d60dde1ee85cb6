package org.tallersocial.auth;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses the passwords an attacker tries first, as zxcvbn judges them: its lists of the most
 * used passwords, words and names, keyboard rows, repeats, sequences and dates, and the
 * person's own name and email. A length rule alone lets {@code aaaaaaaaaa} through.
 */
final class GuessablePasswords {

    /**
     * zxcvbn's 3, "safely unguessable": about 10^8 guesses or more. Online guessing is held
     * back by lockouts; this is what a stolen database's bcrypt hashes stand against.
     */
    static final int ENOUGH_SCORE = 3;
    /**
     * zxcvbn's time grows steeply with length (seconds for 200 random characters), so only
     * the start is measured: a password whose first 64 characters are hard to guess is.
     */
    static final int MEASURED_LENGTH = 64;

    /** Words of this kit that a person might build a password from, besides their own. */
    private static final List<String> SITE_WORDS = List.of("taller social", "tallersocial", "taller", "workshop",
            "facilitator", "facilitador", "facilitadora");

    private GuessablePasswords() {
    }

    static Optional<Problem> problem(String password, String name, String email) {
        String measured = password.length() > MEASURED_LENGTH ? password.substring(0, MEASURED_LENGTH) : password;
        Strength strength = WordLists.ZXCVBN.measure(measured, personalWords(name, email));
        if (strength.getScore() >= ENOUGH_SCORE) {
            return Optional.empty();
        }
        boolean personal = strength.getSequence().stream().anyMatch(GuessablePasswords::isPersonal);
        return Optional.of(Problem.of(personal ? "password_personal" : "password_guessable"));
    }

    private static boolean isPersonal(Match match) {
        return "user_inputs".equals(match.dictionaryName);
    }

    /** The name and email whole and in pieces, since "marta" and "example" are as guessable as the whole. */
    private static List<String> personalWords(String name, String email) {
        List<String> words = new ArrayList<>(SITE_WORDS);
        for (String whole : List.of(name, email)) {
            String lower = whole.toLowerCase(Locale.ROOT);
            if (!lower.isBlank()) {
                words.add(lower);
                words.add(lower.replaceAll("[^\\p{L}\\p{N}]", ""));
                for (String piece : lower.split("[^\\p{L}\\p{N}]+")) {
                    if (piece.length() >= 3) {
                        words.add(piece);
                    }
                }
            }
        }
        return words;
    }

    /** Reading the word lists takes half a second: done once per JVM, on first need; measuring is thread-safe. */
    private static final class WordLists {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }
}
