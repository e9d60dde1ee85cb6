package org.tallersocial.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
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
    private final Features features;
    private final StorageWatch storage;

    Messages(Clock clock, Features features, StorageWatch storage) {
        this.storage = storage;
        this.clock = clock;
        this.features = features;
    }

    /** A full snapshot of what this viewer may see; a phone's also holds what is its own. */
    ObjectNode state(Room room, Viewer viewer, long participantId) {
        Workshop w = room.workshop();
        Step step = room.current();
        ObjectNode msg = JSON.objectNode().put("type", "state").put("now", clock.millis());
        msg.putObject("workshop")
                .put("code", w.code()).put("title", w.title()).put("company", w.company())
                .put("state", w.state().key()).put("joiningLocked", w.joiningLocked())
                .put("language", w.language()).put("rehearsal", w.rehearsal());
        msg.set("step", step(step, room.steps().size(), viewer));
        if (viewer == Viewer.CONSOLE) {
            msg.set("clock", clock(room));
            msg.set("storage", storage.status());
        }
        msg.set("presence", presence(room, viewer));
        features.all().forEach(f -> f.addToState(msg, room, viewer, participantId));
        if (viewer == Viewer.PHONE && room.isLate(participantId)) {
            msg.set("catchUp", catchUp(room, participantId));
        }
        return msg;
    }

    /**
     * What a phone answering later goes through at its own pace: the window's end, and every step the room
     * reached as a phone saw it (a slide as text, a poll with its fields) with that person's own answer.
     * A step the room never began is left out; a guess's true value is shown once they have guessed.
     */
    private ObjectNode catchUp(Room room, long participantId) {
        Workshop w = room.workshop();
        ObjectNode out = JSON.objectNode()
                .put("open", w.takesLateAnswers(clock.instant()))
                .put("endsAt", w.catchUpUntil() == null ? 0 : w.catchUpUntil().toInstant().toEpochMilli());
        ArrayNode list = out.putArray("steps");
        List<Step> all = room.steps();
        for (Step step : all) {
            boolean begun = step.takesAnswers() ? step.pollState() != org.tallersocial.workshop.PollState.PENDING
                    : step.position() <= w.currentStep();
            if (!begun) {
                continue;
            }
            Feature<?> feature = step.takesAnswers() ? features.takingLateAnswers(step.kind()).orElse(null) : null;
            boolean answerable = feature != null;
            com.fasterxml.jackson.databind.JsonNode mine = answerable ? feature.mine(room, step, participantId) : null;
            ObjectNode shown = step(step, all.size(), Viewer.PHONE, mine != null && !mine.isEmpty());
            shown.put("answerable", answerable);
            if (mine != null) {
                shown.set("mine", mine);
            }
            list.add(shown);
        }
        return out;
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
     *     for the console also fallback: the connected people whose phone is on the event stream, not a WebSocket,
     *     and turnedAway: people typing this room's code who were turned away in the last ten minutes because
     *     their network had guessed too many wrong codes
     */
    private ObjectNode presence(Room room, Viewer viewer) {
        ObjectNode out = JSON.objectNode().put("joined", room.joined()).put("connected", room.connectedPhones())
                .put("dropped", room.presence().droppedLately(clock.millis()));
        return viewer == Viewer.CONSOLE ? out.put("fallback", room.presence().fallback())
                .put("turnedAway", room.presence().turnedAwayLately(clock.millis())) : out;
    }

    private ObjectNode step(Step step, int count, Viewer viewer) {
        return step(step, count, viewer, step.revealed() || viewer == Viewer.CONSOLE);
    }

    private ObjectNode step(Step step, int count, Viewer viewer, boolean truthShown) {
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
        if (step.resetAt() != null) {
            out.put("resetAt", step.resetAt().toInstant().toEpochMilli());
        }
        if (viewer == Viewer.CONSOLE) {
            out.put("notes", spec.notes());
        }
        StepSpec.ExerciseSpec exercise = spec.exercise();
        if (exercise != null && spec.kind() == StepKind.QUIZ) {
            // Which options are right is the picture's to say, once the time is up: never in the step.
            ObjectNode ex = out.putObject("exercise").put("question", exercise.prompt()).put("seconds", exercise.seconds());
            putList(ex, "options", exercise.options());
        } else if (exercise != null) {
            ObjectNode ex = out.putObject("exercise");
            putIfSet(ex, "prompt", exercise.prompt());
            putList(ex, "networks", exercise.networks());
            putList(ex, "roles", exercise.roles());
            putList(ex, "activities", exercise.activities());
            if (spec.kind() == StepKind.PROFILES) {
                ex.put("threshold", exercise.smallestCount());
            }
        }
        if (spec.poll() != null) {
            putPoll(out, spec.kind(), spec.poll(), truthShown);
        }
        return out;
    }

    /** The poll's fields its kind has, and only those (docs/protocol.md, `step.kind`). */
    private static void putPoll(ObjectNode out, StepKind kind, StepSpec.PollSpec poll, boolean truthShown) {
        out.put("question", poll.question());
        switch (kind) {
            case SINGLE, RANKING -> putList(out, "options", poll.options());
            case MULTIPLE -> {
                putList(out, "options", poll.options());
                out.put("maxPicks", poll.maxPicks());
            }
            case SCALE -> {
                out.put("min", poll.min().intValue()).put("max", poll.max().intValue());
                putIfSet(out, "minLabel", poll.minLabel());
                putIfSet(out, "maxLabel", poll.maxLabel());
            }
            case WORDCLOUD -> out.put("maxWords", poll.maxWords()).put("maxLength", poll.maxLength());
            case TEXT -> out.put("maxLength", poll.maxLength());
            case GUESS -> {
                out.put("min", poll.min()).put("max", poll.max());
                putIfSet(out, "unit", poll.unit());
                if (truthShown) {
                    out.put("truth", poll.truth());
                    putIfSet(out, "source", poll.source());
                }
            }
            default -> { }
        }
    }

    private static void putList(ObjectNode out, String field, List<String> values) {
        if (values != null) {
            ArrayNode list = out.putArray(field);
            values.forEach(list::add);
        }
    }

    private static void putIfSet(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
