package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A burst of reactions on the agenda's first step: one tap each, the room's phones spread over the
 * default set. The database keeps only counts, so the ledger compares counts; the console, which gets
 * every step's counts, is the screen that shows them all (the projector gets each burst once, as it comes).
 */
final class ReactionsLoad implements ExerciseLoad {

    private static final List<String> OFFERED = List.of("like", "clap", "love", "idea", "wow");

    @Override
    public String kind() {
        return "reactions";
    }

    @Override
    public BenchRoom.StepChoice step(Path contentFile) throws IOException {
        return BenchRoom.firstStep(contentFile, null);
    }

    @Override
    public int inputsPerPhone(Phone phone) {
        return 1;
    }

    @Override
    public boolean onConsole() {
        return true;
    }

    @Override
    public ObjectNode input(Phone phone, int n) {
        return phone.message("reaction").put("reaction", OFFERED.get(phone.index % OFFERED.size()));
    }

    /** The console's counts of the step, in a {@code reactions} update or a snapshot. */
    @Override
    public Map<String, Long> counted(JsonNode message, long stepId) {
        String type = message.path("type").asText();
        if (!type.equals("reactions") && !type.equals("state")) {
            return null;
        }
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode s : message.path("reactions").path("steps")) {
            if (s.path("step").asLong() == stepId) {
                s.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            }
        }
        return message.path("reactions").isObject() ? counts : null;
    }

    @Override
    public Map<String, Long> expected(List<PhoneMessage> acked) {
        Map<String, Long> counts = new TreeMap<>();
        acked.forEach(m -> counts.merge(m.body.path("reaction").asText(), 1L, Long::sum));
        return counts;
    }

    @Override
    public String exactMeans() {
        return "the CONSOLE counts every acked reaction on the step";
    }

    @Override
    public List<Ledger> ledgers() {
        return List.of(new Ledger("reactions", "SELECT REACTION, REACTIONS FROM REACTION_COUNT WHERE STEP_ID = ?",
                false, m -> m.type().equals("reaction") ? m.body.path("reaction").asText() : null, true));
    }
}
