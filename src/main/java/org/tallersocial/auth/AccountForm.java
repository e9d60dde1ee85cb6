package org.tallersocial.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
        name = name == null ? "" : name.strip();
        email = normalizeEmail(email);
        password = password == null ? "" : password;
        confirm = confirm == null ? "" : confirm;
    }

    /** Emails are compared without regard to case, so they are stored in lower case. */
    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add("Enter your name.");
        } else if (name.length() > NAME_MAX) {
            problems.add("Your name can be at most " + NAME_MAX + " characters long.");
        }
        if (email.isEmpty()) {
            problems.add("Enter your email address.");
        } else if (email.length() > EMAIL_MAX || !EMAIL_SHAPE.matcher(email).matches()) {
            problems.add("This does not look like an email address: check it for typos.");
        }
        if (password.length() < PASSWORD_MIN) {
            problems.add("The password needs at least " + PASSWORD_MIN + " characters.");
        } else if (password.length() > PASSWORD_MAX) {
            problems.add("The password can be at most " + PASSWORD_MAX + " characters long.");
        } else if (!password.equals(confirm)) {
            problems.add("The two passwords are not the same.");
        }
        return problems;
    }
}
