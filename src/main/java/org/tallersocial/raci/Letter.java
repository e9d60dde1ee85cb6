package org.tallersocial.raci;

import java.util.Locale;
import java.util.Optional;

/** What a role is for an activity: does it (R), answers for it (A), is asked first (C), is told after (I). */
public enum Letter {
    R, A, C, I;

    /** The letter a person typed, in either case; empty text is an empty cell; anything else is refused. */
    static Optional<Letter> parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        for (Letter l : values()) {
            if (l.name().equals(t)) {
                return Optional.of(l);
            }
        }
        throw new org.tallersocial.workshop.WorkshopRefusal("raci_letter");
    }

    static Letter ofStored(String stored) {
        return stored == null || stored.isBlank() ? null : valueOf(stored.strip());
    }
}
