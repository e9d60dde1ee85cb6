package org.tallersocial.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The data each exercise starts from. The limits follow what a phone and a projector can show:
 * fifteen networks is already a long page to go through one by one, and a RACI grid of twelve
 * roles by twenty activities is the most a projector can still make readable.
 */
public final class ExerciseValidator {

    public static final int MAX_NETWORKS = 15;
    public static final int MAX_NETWORK_CHARS = 40;
    static final int MAX_ROLES = 12;
    static final int MAX_ACTIVITIES = 20;
    static final int MAX_QUIZ_OPTIONS = 6;
    public static final int DEFAULT_QUIZ_SECONDS = 20;

    private final FieldReader in;

    ExerciseValidator(FieldReader in) {
        this.in = in;
    }

    StepSpec.ExerciseSpec validate(JsonNode step, String path, StepKind kind) {
        Phrase owner = StepValidator.describe(kind);
        return switch (kind) {
            case PROFILES -> new StepSpec.ExerciseSpec(null,
                    copy(in.textList(step, path, "networks", new Phrase("content.item.network"), owner,
                            new Phrase("content.example.networks"), 1, MAX_NETWORKS, MAX_NETWORK_CHARS)),
                    null, null, in.whole(step, path, "threshold", false, StepSpec.ExerciseSpec.DEFAULT_THRESHOLD,
                            StepSpec.ExerciseSpec.MAX_THRESHOLD));
            case RACI -> new StepSpec.ExerciseSpec(null, null,
                    copy(in.textList(step, path, "roles", new Phrase("content.item.role"), owner,
                            new Phrase("content.example.roles"), 2, MAX_ROLES, 40)),
                    copy(in.textList(step, path, "activities", new Phrase("content.item.activity"), owner,
                            new Phrase("content.example.activities"), 1, MAX_ACTIVITIES, 80)));
            case IDEAS, COMMITMENTS -> new StepSpec.ExerciseSpec(in.text(step, path, "prompt", true, 200),
                    null, null, null);
            case QUIZ -> quiz(step, path, owner);
            default -> throw new IllegalArgumentException("kind " + kind.key() + " is not an exercise");
        };
    }

    /** A room reads a quiz question in seconds: a few options, a short limit, at least one right. */
    private StepSpec.ExerciseSpec quiz(JsonNode step, String path, Phrase owner) {
        String question = in.text(step, path, "question", true, 200);
        List<String> options = in.textList(step, path, "options", new Phrase("content.item.option"), owner,
                new Phrase("content.example.options"), 2, MAX_QUIZ_OPTIONS, 80);
        List<String> correct = in.textList(step, path, "correct", new Phrase("content.item.correct"), owner,
                new Phrase("content.example.correct"), 1, MAX_QUIZ_OPTIONS, 80);
        Integer seconds = in.whole(step, path, "seconds", false, 5, 120);
        if (options != null && correct != null) {
            for (int i = 0; i < correct.size(); i++) {
                if (!options.contains(correct.get(i))) {
                    in.error(YamlTree.item(YamlTree.field(path, "correct"), i), "content.correct_not_an_option",
                            correct.get(i), String.join(", ", options));
                }
            }
            if (correct.size() == options.size()) {
                in.error(YamlTree.field(path, "correct"), "content.correct_not_all");
            }
        }
        return StepSpec.ExerciseSpec.quiz(question, copy(options), copy(correct),
                seconds == null ? DEFAULT_QUIZ_SECONDS : seconds);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }
}
