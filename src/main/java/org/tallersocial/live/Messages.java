package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tallersocial.content.StepSpec;
import org.tallersocial.poll.Results;
import org.tallersocial.poll.Tally;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.Workshop;

/**
 * The JSON each viewer receives (see docs/protocol.md). What a role may not
 * see is never put in its message: notes only reach the console, hidden
 * results only the console, a phone only its own answer.
 */
final class Messages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clock clock;
    private final Exercises exercises;
    private final StorageWatch storage;

    Messages(Clock clock, Exercises exercises, StorageWatch storage) {
        this.storage = storage;
        this.clock = clock;
        this.exercises = exercises;
    }

    ObjectNode state(Room room, Viewer viewer, long participantId) {
        return state(room, viewer, participantId, new Round());
    }

    /**
     * What one round of snapshots (one per socket) computes once per viewer kind: a poll's results
     * and an exercise's picture, which hold nothing personal. Used by one thread at a time.
     */
    static final class Round {
        private final Map<Viewer, ObjectNode> results = new EnumMap<>(Viewer.class);
        private final Map<Viewer, java.util.Optional<JsonNode>> pictures = new EnumMap<>(Viewer.class);
    }

    /** @param round what this round of snapshots already computed, shared by every socket of a viewer kind */
    ObjectNode state(Room room, Viewer viewer, long participantId, Round round) {
        Workshop w = room.workshop();
        Step step = room.current();
        ObjectNode msg = JSON.objectNode().put("type", "state").put("now", clock.millis());
        msg.putObject("workshop")
                .put("code", w.code()).put("title", w.title()).put("company", w.company())
                .put("state", w.state().key()).put("joiningLocked", w.joiningLocked())
                .put("language", w.language());
        msg.set("step", step(step, room.steps().size(), viewer));
        if (viewer == Viewer.CONSOLE) {
            msg.set("clock", clock(room));
            msg.set("storage", storage.status());
        }
        msg.set("presence", presence(room, viewer));
        if (viewer == Viewer.PHONE) {
            room.tally(step.id()).of(participantId).ifPresent(mine ->
                    msg.putObject("mine").put("seq", mine.seq()).set("value", mine.value()));
        }
        if (step.isPoll() && mayShowResults(step, viewer)) {
            msg.set("results", round.results.computeIfAbsent(viewer, v -> results(room, step, v)));
        }
        if (step.spec().radar() != null && viewer != Viewer.PHONE) {
            msg.set("radar", radar(room, step.spec().radar()));
        }
        exercises.of(step).ifPresent(exercise -> {
            round.pictures.computeIfAbsent(viewer, v -> java.util.Optional.ofNullable(exercise.picture(room, step, v)))
                    .ifPresent(picture -> msg.set("picture", picture));
            if (viewer == Viewer.PHONE) {
                JsonNode mine = exercise.mine(room, step, participantId);
                if (mine != null) {
                    msg.set("mine", mine);
                }
            }
        });
        exercises.features().forEach(f -> f.addToState(msg, room, viewer, participantId));
        return msg;
    }

    /** The coalesced update of an exercise's picture, or null when this viewer kind sees none. */
    ObjectNode pictureMessage(Room room, Step step, Viewer viewer) {
        JsonNode picture = exercises.of(step).map(e -> e.picture(room, step, viewer)).orElse(null);
        if (picture == null) {
            return null;
        }
        ObjectNode msg = JSON.objectNode().put("type", "picture").put("step", step.id());
        msg.set("picture", picture);
        return msg;
    }

    ObjectNode resultsMessage(Room room, Step step, Viewer viewer) {
        ObjectNode msg = JSON.objectNode().put("type", "results").put("step", step.id());
        msg.set("results", results(room, step, viewer));
        return msg;
    }

    /** To consoles only: whether the database takes writes (phones hear it in their own replies). */
    ObjectNode storageMessage() {
        ObjectNode msg = JSON.objectNode().put("type", "storage");
        msg.set("storage", storage.status());
        return msg;
    }

    ObjectNode presenceMessage(Room room, Viewer viewer) {
        ObjectNode msg = JSON.objectNode().put("type", "presence");
        msg.set("presence", presence(room, viewer));
        return msg;
    }


    static boolean mayShowResults(Step step, Viewer viewer) {
        return switch (viewer) {
            case CONSOLE -> true;
            case SCREEN -> step.resultsVisible();
            case PHONE -> step.revealed();
        };
    }

    private ObjectNode results(Room room, Step step, Viewer viewer) {
        Tally tally = room.tally(step.id());
        return Results.of(step.spec(), tally.entries(), viewer == Viewer.CONSOLE,
                step.revealed() || viewer == Viewer.CONSOLE);
    }

    /**
     * The scales of a radar group, drawn together by the slide that names the group: reaching
     * that slide is the facilitator's way of showing them at once, whether or not each was revealed.
     */
    private static ObjectNode radar(Room room, String group) {
        ObjectNode out = JSON.objectNode().put("name", group);
        ArrayNode axes = out.putArray("axes");
        for (Step s : room.steps()) {
            StepSpec.PollSpec poll = s.spec().poll();
            if (s.kind() != org.tallersocial.content.StepKind.SCALE || poll == null || !group.equals(poll.radar())) {
                continue;
            }
            ObjectNode r = Results.of(s.spec(), room.tally(s.id()).entries(), false, true);
            out.put("min", poll.min()).put("max", poll.max());
            ObjectNode axis = axes.addObject().put("label", s.spec().title()).put("voters", r.path("voters").asInt());
            axis.set("mean", r.get("mean"));
            axis.set("counts", r.get("counts"));
        }
        return out;
    }

    /** The console's clock: time spent against time planned, for the step and the whole workshop. */
    private static ObjectNode clock(Room room) {
        Workshop w = room.workshop();
        ObjectNode out = JSON.objectNode();
        if (w.startedAt() != null) {
            out.put("workshopStartedAt", w.startedAt().toInstant().toEpochMilli());
        }
        if (w.stepStartedAt() != null) {
            out.put("stepStartedAt", w.stepStartedAt().toInstant().toEpochMilli());
        }
        int plannedBefore = room.steps().stream().filter(s -> s.position() < w.currentStep())
                .mapToInt(s -> s.spec().durationSeconds()).sum();
        int plannedTotal = room.steps().stream().mapToInt(s -> s.spec().durationSeconds()).sum();
        return out.put("plannedBeforeStepSeconds", plannedBefore).put("plannedTotalSeconds", plannedTotal);
    }

    /**
     * @return joined, connected now, and dropped: people whose phone went away in the last minute and is not back;
     *     for the console also fallback: the connected people whose phone is on the event stream, not a WebSocket
     */
    private ObjectNode presence(Room room, Viewer viewer) {
        ObjectNode out = JSON.objectNode().put("joined", room.joined()).put("connected", room.connectedPhones())
                .put("dropped", room.droppedLately(clock.millis()));
        return viewer == Viewer.CONSOLE ? out.put("fallback", room.fallbackPhones()) : out;
    }

    private ObjectNode step(Step step, int count, Viewer viewer) {
        StepSpec spec = step.spec();
        ObjectNode out = JSON.objectNode()
                .put("id", step.id()).put("index", step.position()).put("count", count)
                .put("key", spec.id()).put("kind", spec.kind().key())
                .put("title", spec.title()).put("body", spec.body())
                .put("durationSeconds", spec.durationSeconds())
                .put("takesAnswers", step.takesAnswers())
                .put("pollState", step.pollState().key())
                .put("revealed", step.revealed())
                .put("resultsVisible", step.resultsVisible());
        if (step.timerEndsAt() != null) {
            out.put("timerEndsAt", step.timerEndsAt().toInstant().toEpochMilli());
        }
        if (viewer == Viewer.CONSOLE) {
            out.put("notes", spec.notes());
        }
        StepSpec.ExerciseSpec exercise = spec.exercise();
        if (exercise != null) {
            ObjectNode ex = out.putObject("exercise").put("prompt", exercise.prompt());
            putList(ex, "networks", exercise.networks());
            putList(ex, "roles", exercise.roles());
            putList(ex, "activities", exercise.activities());
        }
        StepSpec.PollSpec poll = spec.poll();
        if (poll != null) {
            out.put("question", poll.question());
            if (poll.options() != null) {
                ArrayNode options = out.putArray("options");
                poll.options().forEach(options::add);
            }
            putIfSet(out, "maxPicks", poll.maxPicks());
            putIfSet(out, "min", poll.min());
            putIfSet(out, "max", poll.max());
            out.put("minLabel", poll.minLabel()).put("maxLabel", poll.maxLabel());
            putIfSet(out, "maxWords", poll.maxWords());
            putIfSet(out, "maxLength", poll.maxLength());
            out.put("unit", poll.unit());
            if (step.revealed() || viewer == Viewer.CONSOLE) {
                putIfSet(out, "truth", poll.truth());
                out.put("source", poll.source());
            }
        }
        return out;
    }

    private static void putList(ObjectNode out, String field, List<String> values) {
        if (values != null) {
            ArrayNode list = out.putArray(field);
            values.forEach(list::add);
        }
    }

    private static void putIfSet(ObjectNode out, String field, Number value) {
        if (value != null) {
            out.put(field, value.doubleValue());
        }
    }
}
