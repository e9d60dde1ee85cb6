package org.tallersocial.profiles;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One person's answer for one network.
 *
 * @param hasProfile     "yes", "no" or "private" (rather not say)
 * @param ladder         index into {@link ProfileVocabulary#LADDER}; set exactly when hasProfile is "yes"
 * @param ambassadorName the name to show as a volunteer ambassador, or null when the person stays unnamed
 */
record ProfileAnswer(
        String network,
        String hasProfile,
        Integer ladder,
        List<String> obstacles,
        String obstacleOther,
        List<String> helps,
        String helpOther,
        String ambassadorName,
        long seq) {

    ProfileAnswer {
        obstacles = List.copyOf(obstacles);
        helps = List.copyOf(helps);
    }

    boolean ambassador() {
        return ambassadorName != null;
    }

    /** As the person's own phone shows it; nobody else ever receives this. */
    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("network", network).put("profile", hasProfile).put("seq", seq);
        if (ladder != null) {
            out.put("ladder", ladder);
        } else {
            out.putNull("ladder");
        }
        obstacles.forEach(out.putArray("obstacles")::add);
        out.put("obstacleOther", obstacleOther);
        helps.forEach(out.putArray("helps")::add);
        out.put("helpOther", helpOther);
        out.put("ambassador", ambassador());
        out.put("ambassadorName", ambassadorName);
        return out;
    }
}
