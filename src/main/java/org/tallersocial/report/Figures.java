package org.tallersocial.report;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the reader's language writes them: 3.5 in English, 3,5 in Spanish. */
final class Figures {

    private Figures() {
    }

    static String decimal(Locale locale, double d) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(d);
    }
}
