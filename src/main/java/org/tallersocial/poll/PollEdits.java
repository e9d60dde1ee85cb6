package org.tallersocial.poll;

import java.util.List;
import java.util.Objects;
import org.tallersocial.content.StepSpec;
import org.tallersocial.live.EditRefusal;

/**
 * What may change in a poll people may have answered: its wording, never what an answer means. A vote
 * is stored as an option's place (or a number on the scale), so each option keeps its place, and the
 * scale, the range and the number of picks stay as they were.
 */
public final class PollEdits {

    private PollEdits() {
    }

    static EditRefusal refuse(StepSpec.PollSpec before, StepSpec.PollSpec after) {
        if (before.options() != null) {
            EditRefusal options = options(before.options(), after.options());
            if (options != null) {
                return options;
            }
        }
        if (!Objects.equals(before.maxPicks(), after.maxPicks())) {
            return EditRefusal.at("maxPicks", "edit_answered_picks", before.maxPicks());
        }
        if (!Objects.equals(before.min(), after.min())) {
            return EditRefusal.at("min", "edit_answered_range");
        }
        if (!Objects.equals(before.max(), after.max())) {
            return EditRefusal.at("max", "edit_answered_range");
        }
        return null;
    }

    /** Correcting an option's text in its place is fine; an option that moves, goes or comes is not. */
    public static EditRefusal options(List<String> before, List<String> after) {
        if (after == null || after.size() != before.size()) {
            return EditRefusal.at("options", "edit_answered_options_count", before.size());
        }
        for (int i = 0; i < after.size(); i++) {
            int was = indexIgnoringCase(before, after.get(i));
            if (was >= 0 && was != i) {
                return EditRefusal.at("options", "edit_answered_options_moved", after.get(i));
            }
        }
        return null;
    }

    private static int indexIgnoringCase(List<String> list, String text) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).equalsIgnoreCase(text)) {
                return i;
            }
        }
        return -1;
    }
}
