package org.tallersocial.content;

import static org.tallersocial.content.StepKind.RANKING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The settings of each poll kind. The bounds keep a poll answerable in a room within a minute
 * or two: a dozen options, an eight-item ranking or a ten-point scale is already a lot on a phone.
 */
final class PollValidator {

    private final FieldReader in;

    PollValidator(FieldReader in) {
        this.in = in;
    }

    StepSpec.PollSpec validate(JsonNode step, String path, StepKind kind) {
        Settings poll = new Settings();
        poll.question = in.text(step, path, "question", true, 200);
        poll.hideResults = in.flag(step, path, "hideResults");
        switch (kind) {
            case SINGLE, RANKING -> poll.options = options(step, path, kind);
            case MULTIPLE -> {
                poll.options = options(step, path, kind);
                int count = poll.options == null ? 12 : poll.options.size();
                poll.maxPicks = orDefault(in.whole(step, path, "maxPicks", false, 1, count), count);
            }
            case SCALE -> scale(step, path, poll);
            case WORDCLOUD -> {
                poll.maxWords = orDefault(in.whole(step, path, "maxWords", false, 1, 5), 3);
                poll.maxLength = orDefault(in.whole(step, path, "maxLength", false, 1, 30), 24);
            }
            case TEXT -> poll.maxLength = orDefault(in.whole(step, path, "maxLength", false, 10, 500), 280);
            case GUESS -> guess(step, path, poll);
            default -> throw new IllegalArgumentException("kind " + kind.key() + " has no poll");
        }
        return poll.build();
    }

    private List<String> options(JsonNode step, String path, StepKind kind) {
        int max = kind == RANKING ? 8 : 12;
        return in.textList(step, path, "options", new Phrase("content.item.option"), StepValidator.describe(kind),
                new Phrase("content.example.options"), 2, max, 80);
    }

    private void scale(JsonNode step, String path, Settings poll) {
        Integer min = in.whole(step, path, "min", true, -1000, 1000);
        Integer max = in.whole(step, path, "max", true, -1000, 1000);
        if (min != null && max != null) {
            if (min >= max) {
                in.error(YamlTree.field(path, "max"), "content.max_above_min", min);
            } else if (max - min > 10) {
                in.error(YamlTree.field(path, "max"), "content.scale_span", min, max, max - min);
            }
        }
        poll.min = min == null ? null : min.doubleValue();
        poll.max = max == null ? null : max.doubleValue();
        poll.minLabel = in.text(step, path, "minLabel", false, 40);
        poll.maxLabel = in.text(step, path, "maxLabel", false, 40);
        poll.radar = in.text(step, path, "radar", false, 60);
    }

    private void guess(JsonNode step, String path, Settings poll) {
        Double min = in.number(step, path, "min", true);
        Double max = in.number(step, path, "max", true);
        Double truth = in.number(step, path, "truth", true);
        if (min != null && max != null && min >= max) {
            in.error(YamlTree.field(path, "max"), "content.max_above_min", step.get("min").asText());
        } else if (min != null && max != null && truth != null && (truth < min || truth > max)) {
            in.error(YamlTree.field(path, "truth"), "content.truth_outside", step.get("min").asText(),
                    step.get("max").asText());
        }
        poll.min = min;
        poll.max = max;
        poll.truth = truth;
        poll.unit = in.text(step, path, "unit", false, 8);
        poll.source = in.text(step, path, "source", false, 200);
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** Settings a kind does not use stay null, which is how {@link StepSpec.PollSpec} marks them. */
    private static final class Settings {
        String question;
        List<String> options;
        Integer maxPicks;
        Double min;
        Double max;
        String minLabel;
        String maxLabel;
        Integer maxWords;
        Integer maxLength;
        Double truth;
        String unit;
        String source;
        boolean hideResults;
        String radar;

        StepSpec.PollSpec build() {
            return new StepSpec.PollSpec(question, options == null ? null : List.copyOf(options), maxPicks,
                    min, max, minLabel, maxLabel, maxWords, maxLength, truth, unit, source, hideResults, radar);
        }
    }
}
