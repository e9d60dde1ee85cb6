package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The RACI matrix: the console opens every activity to the phones, and each phone proposes for
 * each activity an accountable role and one or two responsible ones, picked from its number so
 * that the room is split as a real one is. Roles and activities are read from the picture the
 * phone itself received.
 */
final class RaciLoad implements ExerciseLoad {

    @Override
    public String kind() {
        return "raci";
    }

    /** Activities start closed to phones; the round opens them all, as a facilitator would for the whole matrix. */
    @Override
    public void prepare(BenchRoom room) throws InterruptedException {
        room.act("/steps/" + room.stepId + "/raci/open", "activities", "all");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Phone> in = room.joined();
        while (!in.stream().allMatch(p -> allOpen(matrix(p)))) {
            Bench.require(System.nanoTime() < deadline, "not every phone of workshop " + room.number
                    + " saw the RACI activities open within 30 s");
            Thread.sleep(20);
        }
    }

    private static boolean allOpen(JsonNode matrix) {
        JsonNode activities = matrix.path("activities");
        if (activities.isEmpty()) {
            return false;
        }
        for (JsonNode a : activities) {
            if (!a.path("open").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** The matrix as the phone last received it: in its snapshot, or in a picture since. */
    private static JsonNode matrix(Phone phone) {
        return ExerciseLoad.Lists.parse(phone.lastPicture).path("picture");
    }

    @Override
    public boolean readsLists() {
        return true; // a phone's matrix is a few hundred bytes, and it says which activities are open
    }

    @Override
    public int inputsPerPhone(Phone phone) {
        return matrix(phone).path("activities").size();
    }

    @Override
    public ObjectNode input(Phone phone, int n) {
        JsonNode matrix = matrix(phone);
        List<Long> roles = new ArrayList<>();
        matrix.path("roles").forEach(r -> roles.add(r.path("id").asLong()));
        int r = roles.size();
        int i = phone.index;
        int accountable = (i + n) % r;
        int responsible = (i * 7 + n * 3 + 1) % r;
        if (responsible == accountable) {
            responsible = (responsible + 1) % r;
        }
        ObjectNode msg = phone.message("raci.propose")
                .put("activity", matrix.path("activities").get(n).path("id").asLong())
                .put("accountable", roles.get(accountable));
        var list = msg.putArray("responsible").add(roles.get(responsible));
        int second = (responsible + 1 + i % 3) % r;
        if ((i + n) % 2 == 0 && second != accountable && second != responsible) {
            list.add(roles.get(second));
        }
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
        picture.path("activities").forEach(a -> out.put(a.path("id").asText(), ExerciseLoad.count(a.path("proposers"))));
        return out;
    }

    @Override
    public Map<String, Long> expected(List<PhoneMessage> acked) {
        Map<String, Long> out = new LinkedHashMap<>();
        Set<Phone> people = new HashSet<>();
        acked.forEach(m -> people.add(m.phone));
        out.put("respondents", (long) people.size());
        acked.forEach(m -> out.merge(m.body.path("activity").asText(), 1L, Long::sum));
        return out;
    }

    @Override
    public String exactMeans() {
        return "the projector's picture counts every phone as a respondent and every activity's acked proposals";
    }

    @Override
    public List<Ledger> ledgers() {
        return List.of(new Ledger("RACI proposals", "SELECT p.DISPLAY_NAME, CAST(r.ACTIVITY_ID AS VARCHAR)"
                + " FROM RACI_PROPOSAL r JOIN RACI_ACTIVITY a ON a.ID = r.ACTIVITY_ID"
                + " JOIN PARTICIPANT p ON p.ID = r.PARTICIPANT_ID WHERE a.STEP_ID = ?", false,
                m -> m.body.path("activity").asText()));
    }
}
