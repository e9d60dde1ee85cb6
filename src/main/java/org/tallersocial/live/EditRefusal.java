package org.tallersocial.live;

import java.util.List;

/**
 * Why an edit of the agenda is refused, told at the field it concerns so the editor shows it there.
 *
 * @param field a content-format field of the step ("options", "networks"), or "" for the step as a whole
 * @param key   the text's key (under {@code refusal.}) in the facilitator's language
 */
public record EditRefusal(String field, String key, List<Object> args) {

    public static EditRefusal at(String field, String key, Object... args) {
        return new EditRefusal(field, key, List.of(args));
    }
}
