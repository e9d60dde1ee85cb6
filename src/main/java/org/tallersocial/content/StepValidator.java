package org.tallersocial.content;

import static java.util.Map.entry;
import static org.tallersocial.content.StepKind.COMMITMENTS;
import static org.tallersocial.content.StepKind.GUESS;
import static org.tallersocial.content.StepKind.IDEAS;
import static org.tallersocial.content.StepKind.MULTIPLE;
import static org.tallersocial.content.StepKind.PROFILES;
import static org.tallersocial.content.StepKind.QUIZ;
import static org.tallersocial.content.StepKind.RACI;
import static org.tallersocial.content.StepKind.RANKING;
import static org.tallersocial.content.StepKind.SCALE;
import static org.tallersocial.content.StepKind.SINGLE;
import static org.tallersocial.content.StepKind.SLIDE;
import static org.tallersocial.content.StepKind.TEXT;
import static org.tallersocial.content.StepKind.WORDCLOUD;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the steps of one file and turns them into {@link StepSpec}s: the fields every step
 * shares, which fields each kind accepts, and unique ids. The poll rules live in
 * {@link PollValidator}, the exercises' data in {@link ExerciseValidator}. Text limits exist
 * because a projector and a phone must carry the text.
 */
final class StepValidator {

    static final Pattern ID = Pattern.compile("[a-z0-9-]{1,60}");

    private static final List<String> COMMON = List.of("id", "kind", "title", "body", "notes", "duration");
    private static final List<String> POLL = List.of("question", "hideResults");
    private static final Map<StepKind, List<String>> OWN = new EnumMap<>(Map.ofEntries(
            entry(SLIDE, List.of("radar")),
            entry(SINGLE, List.of("options")),
            entry(MULTIPLE, List.of("options", "maxPicks")),
            entry(RANKING, List.of("options")),
            entry(SCALE, List.of("min", "max", "minLabel", "maxLabel", "radar")),
            entry(WORDCLOUD, List.of("maxWords", "maxLength")),
            entry(TEXT, List.of("maxLength")),
            entry(GUESS, List.of("min", "max", "truth", "unit", "source")),
            entry(PROFILES, List.of("networks", "threshold")),
            entry(RACI, List.of("roles", "activities")),
            entry(IDEAS, List.of("prompt")),
            entry(COMMITMENTS, List.of("prompt")),
            entry(QUIZ, List.of("question", "options", "correct", "seconds"))));
    private static final Set<String> ALL_FIELDS = allFields();

    private final FieldReader in;
    private final PollValidator polls;
    private final ExerciseValidator exercises;
    private final Map<String, String> firstStepById = new HashMap<>();

    StepValidator(FieldReader in) {
        this.in = in;
        this.polls = new PollValidator(in);
        this.exercises = new ExerciseValidator(in);
    }

    /** The step, or null when it has problems (they are reported, and checking goes on). */
    StepSpec validate(JsonNode step, String path) {
        if (FieldReader.skip(step)) {
            return null;
        }
        if (!step.isObject()) {
            in.error(path, "content.step_not_mapping", FieldReader.describe(step));
            return null;
        }
        int errorsBefore = in.errorCount();
        StepKind kind = kind(step, path);
        checkFieldNames(step, path, kind);
        String id = id(step, path);
        String title = in.text(step, path, "title", true, 120);
        String body = in.longText(step, path, "body", 600);
        String notes = in.longText(step, path, "notes", 4000);
        Integer duration = in.duration(step, path, "duration");
        StepSpec.PollSpec poll = kind != null && kind.isPoll() ? polls.validate(step, path, kind) : null;
        StepSpec.ExerciseSpec exercise = kind != null && kind.isExercise()
                ? exercises.validate(step, path, kind) : null;
        String radar = kind == SLIDE ? in.text(step, path, "radar", false, 60) : null;
        if (kind == null || in.errorCount() > errorsBefore) {
            return null;
        }
        return new StepSpec(id, kind, title, body, notes, duration, poll, exercise, radar);
    }

    private StepKind kind(JsonNode step, String path) {
        String key = in.text(step, path, "kind", true, Integer.MAX_VALUE);
        if (key == null) {
            return null;
        }
        StepKind kind = StepKind.fromKey(key).orElse(null);
        if (kind == null) {
            List<String> keys = Arrays.stream(StepKind.values()).map(StepKind::key).toList();
            in.error(YamlTree.field(path, "kind"), "content.unknown_kind", key, Suggestions.didYouMean(key, keys),
                    String.join(", ", keys));
        }
        return kind;
    }

    private void checkFieldNames(JsonNode step, String path, StepKind kind) {
        for (Iterator<String> names = step.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String fieldPath = YamlTree.field(path, name);
            if (!ALL_FIELDS.contains(name)) {
                in.error(fieldPath, "content.unknown_field", Suggestions.didYouMean(name, ALL_FIELDS));
            } else if (kind != null && !fieldsOf(kind).contains(name)) {
                in.error(fieldPath, "content.not_for_kind", describe(kind), kindsUsing(name));
            }
        }
    }

    private String id(JsonNode step, String path) {
        String fieldPath = YamlTree.field(path, "id");
        String id = in.text(step, path, "id", true, Integer.MAX_VALUE);
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            in.error(fieldPath, "content.bad_id", id);
            return id;
        }
        String firstStep = firstStepById.putIfAbsent(id, path);
        if (firstStep != null) {
            in.error(fieldPath, "content.duplicate_id", id, firstStep, in.lineOf(firstStep));
        }
        return id;
    }

    private static List<String> fieldsOf(StepKind kind) {
        List<String> fields = new ArrayList<>(COMMON);
        if (kind.isPoll()) {
            fields.addAll(POLL);
        }
        fields.addAll(OWN.get(kind));
        return fields;
    }

    private static String kindsUsing(String field) {
        return Arrays.stream(StepKind.values())
                .filter(k -> fieldsOf(k).contains(field))
                .map(StepKind::key)
                .collect(Collectors.joining(", "));
    }

    /** The kind as a message names it, "a ranking poll": keys written out so that the bundles' check finds them. */
    static Phrase describe(StepKind kind) {
        return new Phrase(switch (kind) {
            case SLIDE -> "content.kind.slide";
            case SINGLE -> "content.kind.single";
            case MULTIPLE -> "content.kind.multiple";
            case RANKING -> "content.kind.ranking";
            case SCALE -> "content.kind.scale";
            case WORDCLOUD -> "content.kind.wordcloud";
            case TEXT -> "content.kind.text";
            case GUESS -> "content.kind.guess";
            case PROFILES -> "content.kind.profiles";
            case RACI -> "content.kind.raci";
            case IDEAS -> "content.kind.ideas";
            case COMMITMENTS -> "content.kind.commitments";
            case QUIZ -> "content.kind.quiz";
        });
    }

    private static Set<String> allFields() {
        Set<String> all = new TreeSet<>(COMMON);
        all.addAll(POLL);
        OWN.values().forEach(all::addAll);
        return Set.copyOf(all);
    }
}
