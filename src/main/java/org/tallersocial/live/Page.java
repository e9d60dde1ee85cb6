package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A page of a long list a phone holds only the top of live (questions, ideas): where it starts, as the
 * phone asked, and the items from there. One rule for every such list.
 */
public record Page<T>(int from, int total, List<T> items) {

    /** How many items a phone holds live, and how many a page brings. */
    public static final int SIZE = 50;

    /**
     * @param textKey the refusal's words (under {@code error.}) when {@code from} is not a whole number from 0
     * @throws Refused when it is not
     */
    public static <T> Page<T> of(List<T> ranked, JsonNode message, String textKey) {
        JsonNode from = message.get("from");
        if (from == null || !from.isIntegralNumber() || !from.canConvertToInt() || from.asInt() < 0) {
            throw new Refused("bad_request", textKey);
        }
        int start = Math.min(from.asInt(), ranked.size());
        return new Page<>(start, ranked.size(), ranked.subList(start, Math.min(start + SIZE, ranked.size())));
    }

    /** The top a phone holds live. */
    public static <T> List<T> top(List<T> ranked) {
        return ranked.subList(0, Math.min(SIZE, ranked.size()));
    }
}
