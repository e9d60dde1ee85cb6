package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linking profiles: each phone answers every network of the step, each answer whole (presence,
 * ladder, obstacles, helps, the "other" words, ambassador), varied by the phone's number so that
 * the room's counts spread as a real room's do.
 */
final class ProfilesLoad implements ExerciseLoad {

    private static final String[] PRESENCE = {"yes", "yes", "yes", "no", "private"};
    // Keys from docs/protocol.md's examples; "other" comes with its few words.
    private static final String[] OBSTACLES = {"time", "privacy", "mistakes", "other"};
    private static final String[] HELPS = {"training", "guidelines"};

    @Override
    public String kind() {
        return "profiles";
    }

    @Override
    public int inputsPerPhone(Phone phone) {
        return networks(phone).size();
    }

    private static JsonNode networks(Phone phone) {
        return phone.state.path("step").path("exercise").path("networks");
    }

    @Override
    public ObjectNode input(Phone phone, int n) {
        int k = phone.index + n;
        ObjectNode msg = phone.message("profile").put("network", networks(phone).get(n).asText());
        ObjectNode answer = msg.putObject("answer");
        String presence = PRESENCE[k % PRESENCE.length];
        answer.put("profile", presence);
        if (presence.equals("yes")) {
            answer.put("ladder", (phone.index * 3 + n) % 5);
        } else {
            answer.putNull("ladder");
        }
        String obstacle = OBSTACLES[k % OBSTACLES.length];
        var obstacles = answer.putArray("obstacles").add(obstacle);
        if (k % 3 == 0 && !obstacle.equals("time")) {
            obstacles.add("time");
        }
        answer.put("obstacleOther", obstacle.equals("other") ? "no idea what to post" : "");
        answer.putArray("helps").add(HELPS[(phone.index / 2 + n) % HELPS.length]);
        answer.put("helpOther", "");
        // A few volunteer, by the name they joined with.
        answer.put("ambassador", presence.equals("yes") && phone.index % 10 == 0 && n == 0);
        answer.put("ambassadorName", "");
        return msg;
    }

    @Override
    public Map<String, Long> counted(JsonNode message, long stepId) {
        JsonNode picture = ExerciseLoad.picture(message, stepId);
        if (picture == null) {
            return null;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("respondents", ExerciseLoad.count(picture.path("respondents")));
        picture.path("networks").forEach(n -> out.put(n.path("network").asText(),
                ExerciseLoad.count(n.path("answered"))));
        return out;
    }

    @Override
    public Map<String, Long> expected(List<PhoneMessage> acked) {
        Map<String, Long> out = new LinkedHashMap<>();
        Set<Phone> people = new HashSet<>();
        acked.forEach(m -> people.add(m.phone));
        out.put("respondents", (long) people.size());
        acked.forEach(m -> out.merge(m.body.path("network").asText(), 1L, Long::sum));
        return out;
    }

    @Override
    public String exactMeans() {
        return "the projector's picture counts every phone as a respondent and every network's acked answers";
    }

    @Override
    public List<Ledger> ledgers() {
        return List.of(new Ledger("profile answers", "SELECT p.DISPLAY_NAME, a.NETWORK FROM PROFILE_ANSWER a"
                + " JOIN PARTICIPANT p ON p.ID = a.PARTICIPANT_ID WHERE a.STEP_ID = ?", false,
                m -> m.body.path("network").asText()));
    }
}
