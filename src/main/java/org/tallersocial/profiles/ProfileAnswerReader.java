package org.tallersocial.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tallersocial.live.Refused;
import org.tallersocial.web.TypedText;

/** Turns what a phone sent into a {@link ProfileAnswer}, or refuses it whole. */
final class ProfileAnswerReader {

    private ProfileAnswerReader() {
    }

    /**
     * @param networks    the exercise's networks: the answer must name one of them
     * @param joinedName  the name the person joined with, used when they volunteer without giving another
     */
    static ProfileAnswer read(JsonNode answer, String network, List<String> networks, long seq, String joinedName) {
        if (network == null || !networks.contains(network)) {
            throw new Refused("unknown_network", "profiles.unknown_network");
        }
        if (answer == null || !answer.isObject()) {
            throw new Refused("invalid_message", "profiles.no_answer");
        }
        String has = answer.path("profile").asText("");
        if (!ProfileVocabulary.PRESENCE.contains(has)) {
            throw new Refused("invalid_answer", "profiles.presence");
        }
        Integer ladder = ladder(answer.get("ladder"), has);
        List<String> obstacles = keys(answer.get("obstacles"), ProfileVocabulary.OBSTACLES);
        List<String> helps = keys(answer.get("helps"), ProfileVocabulary.HELPS);
        String obstacleOther = other(answer.get("obstacleOther"), obstacles);
        String helpOther = other(answer.get("helpOther"), helps);
        String ambassador = ambassador(answer, has, joinedName);
        return new ProfileAnswer(network, has, ladder, obstacles, obstacleOther, helps, helpOther, ambassador, seq);
    }

    /** The ladder is how far a profile the person has would be linked: asked of those who have one, only. */
    private static Integer ladder(JsonNode node, String has) {
        boolean given = node != null && !node.isNull();
        if (!"yes".equals(has)) {
            if (given) {
                throw new Refused("invalid_answer", "profiles.ladder_without_profile");
            }
            return null;
        }
        if (!given || !node.canConvertToInt() || !node.isIntegralNumber()
                || node.asInt() < 0 || node.asInt() >= ProfileVocabulary.LADDER.size()) {
            throw new Refused("invalid_answer", "profiles.ladder", ProfileVocabulary.LADDER.size() - 1);
        }
        return node.asInt();
    }

    private static List<String> keys(JsonNode node, List<String> allowed) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray() || node.size() > allowed.size()) {
            throw new Refused("invalid_answer", "profiles.choices");
        }
        for (JsonNode item : node) {
            String key = item.isTextual() ? item.asText() : "";
            if (!allowed.contains(key)) {
                throw new Refused("invalid_answer", "profiles.unknown_choice");
            }
            if (out.contains(key)) {
                throw new Refused("invalid_answer", "picked_twice");
            }
            out.add(key);
        }
        // Stored in the vocabulary's order, so the same choices are always the same row.
        out.sort((a, b) -> allowed.indexOf(a) - allowed.indexOf(b));
        return out;
    }

    /** A few words of "something else": only beside a ticked "other", and short. */
    private static String other(JsonNode node, List<String> chosen) {
        String text = node == null || node.isNull() ? "" : node.isTextual() ? TypedText.line(node.asText()) : null;
        if (text == null) {
            throw new Refused("invalid_answer", "profiles.other_text");
        }
        if (text.isEmpty()) {
            return null;
        }
        if (!chosen.contains(ProfileVocabulary.OTHER)) {
            throw new Refused("invalid_answer", "profiles.other_unticked");
        }
        if (TypedText.tooLong(text, ProfileVocabulary.MAX_OTHER_CHARS)) {
            throw new Refused("too_long", "text_too_long", ProfileVocabulary.MAX_OTHER_CHARS);
        }
        return text;
    }

    private static String ambassador(JsonNode answer, String has, String joinedName) {
        JsonNode flag = answer.get("ambassador");
        if (flag != null && !flag.isNull() && !flag.isBoolean()) {
            throw new Refused("invalid_answer", "profiles.ambassador_flag");
        }
        if (flag == null || !flag.asBoolean()) {
            return null;
        }
        if (!"yes".equals(has)) {
            throw new Refused("invalid_answer", "profiles.ambassador_needs_profile");
        }
        JsonNode given = answer.get("ambassadorName");
        String name = given != null && given.isTextual() ? TypedText.line(given.asText()) : "";
        if (name.isEmpty() && joinedName != null) {
            name = TypedText.line(joinedName);
        }
        if (name.isEmpty()) {
            throw new Refused("invalid_answer", "profiles.ambassador_needs_name");
        }
        if (TypedText.tooLong(name, ProfileVocabulary.MAX_NAME_CHARS)) {
            throw new Refused("too_long", "profiles.name_too_long", ProfileVocabulary.MAX_NAME_CHARS);
        }
        return name;
    }
}
