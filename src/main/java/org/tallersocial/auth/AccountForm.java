package org.tallersocial.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tallersocial.web.TypedText;

/** The fields of a new account as typed, and the rules they must meet. */
record AccountForm(String name, String email, String password, String confirm) {

    static final int NAME_MAX = 120;
    static final int EMAIL_MAX = 254;
    static final int PASSWORD_MIN = 10;
    static final int PASSWORD_MAX = 200;

    // Deliberately loose: the only proof an address works is mail reaching it,
    // so this catches typos (no @, spaces, no dot in the domain) and nothing more.
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    AccountForm {
        name = TypedText.line(name);
        email = normalizeEmail(email);
        password = password == null ? "" : password;
        confirm = confirm == null ? "" : confirm;
    }

    /** Emails are compared without regard to case, so they are stored in lower case. */
    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(Problem.of("name_missing"));
        } else if (TypedText.tooLong(name, NAME_MAX)) {
            problems.add(Problem.of("name_too_long", NAME_MAX));
        }
        if (email.isEmpty()) {
            problems.add(Problem.of("email_missing"));
        } else if (email.length() > EMAIL_MAX || !EMAIL_SHAPE.matcher(email).matches()) {
            problems.add(Problem.of("email_shape"));
        }
        if (password.length() < PASSWORD_MIN) {
            problems.add(Problem.of("password_short", PASSWORD_MIN));
        } else if (password.length() > PASSWORD_MAX) {
            problems.add(Problem.of("password_long", PASSWORD_MAX));
        } else if (!password.equals(confirm)) {
            problems.add(Problem.of("password_mismatch"));
        } else {
            GuessablePasswords.problem(password, name, email).ifPresent(problems::add);
        }
        return problems;
    }
}
