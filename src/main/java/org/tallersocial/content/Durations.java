package org.tallersocial.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Step durations as facilitators write them: "90s", "3m", "1m30s". */
final class Durations {

    static final int MAX_SECONDS = 60 * 60;

    // Seconds after minutes stay below 60 so that "1m90s" is caught as the slip it usually is.
    private static final Pattern FORMAT = Pattern.compile("(?:(\\d{1,3})m)?(?:(\\d{1,4})s)?");

    private Durations() {
    }

    /** Seconds, or null when the text is not a duration. */
    static Integer parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return null;
        }
        int minutes = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int seconds = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(1) != null && seconds >= 60) {
            return null;
        }
        return minutes * 60 + seconds;
    }

    /** The shortest text {@link #parse} reads back as the same seconds: "3m", "1m30s", "45s", "0s". */
    static String format(int seconds) {
        int m = seconds / 60;
        int s = seconds % 60;
        if (m == 0) {
            return s + "s";
        }
        return s == 0 ? m + "m" : m + "m" + s + "s";
    }
}
