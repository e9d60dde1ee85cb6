package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upvotes for what a phone has seen (ideas, or the room's questions): up to three per phone,
 * never its own and never the same twice, picked from its number so the votes spread.
 */
final class Upvotes {
    static final int PER_PHONE = 3;
    private final String type;
    private final String field;
    private final Map<Phone, Set<Long>> cast = new ConcurrentHashMap<>();

    Upvotes(String type, String field) {
        this.type = type;
        this.field = field;
    }

    /** The phone's next vote among the items it has seen, or null when none is left to vote for. */
    ObjectNode next(Phone phone, JsonNode seen, String ownText) {
        Set<Long> mine = cast.computeIfAbsent(phone, p -> new HashSet<>());
        List<Long> open = new ArrayList<>();
        seen.forEach(item -> {
            long id = item.path("id").asLong();
            if (!item.path("text").asText().equals(ownText) && !mine.contains(id)) {
                open.add(id);
            }
        });
        if (open.isEmpty()) {
            return null;
        }
        long id = open.get((phone.index * 7 + mine.size()) % open.size());
        mine.add(id);
        return phone.message(type).put(field, id).put("up", true);
    }

    /** What a list of items shows: how many, and their votes added up. */
    static Map<String, Long> counted(JsonNode items) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("items", (long) items.size());
        long sum = 0;
        for (JsonNode i : items) {
            sum += i.path("votes").asLong();
        }
        out.put("votes", sum);
        return out;
    }

    /** Every acked item listed, and as many votes as distinct (voter, item) pairs acked with up=true. */
    Map<String, Long> expected(List<PhoneMessage> acked, String itemType) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("items", acked.stream().filter(m -> m.type().equals(itemType)).count());
        out.put("votes", acked.stream().map(Upvotes::pair).filter(Objects::nonNull).distinct().count());
        return out;
    }

    private static String pair(PhoneMessage m) {
        String about = about(m);
        return about == null ? null : m.phone.index + "|" + about;
    }

    /** What an acked upvote is about (the item's id), or null for anything else. */
    static String about(PhoneMessage m) {
        boolean vote = m.type().equals("idea_vote") || m.type().equals("upvote");
        if (!vote || !m.body.path("up").asBoolean()) {
            return null;
        }
        return m.body.has("idea") ? m.body.path("idea").asText() : m.body.path("question").asText();
    }
}
