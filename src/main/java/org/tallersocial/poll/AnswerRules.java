package org.tallersocial.poll;

import org.tallersocial.web.Words;
import org.tallersocial.live.Refused;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.Set;
import org.tallersocial.content.StepSpec;
import org.tallersocial.web.TypedText;

/**
 * What an answer must look like for each poll kind. Returns the answer in its
 * stored form (trimmed, normalised) or throws {@link Refused} with a
 * message a person can act on.
 */
public final class AnswerRules {

    static final int DEFAULT_TEXT_LENGTH = 280;
    static final int DEFAULT_WORD_LENGTH = 24;
    static final int DEFAULT_WORDS = 3;

    private AnswerRules() {
    }

    public static JsonNode check(StepSpec spec, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new Refused("invalid_answer", "empty");
        }
        StepSpec.PollSpec poll = spec.poll();
        return switch (spec.kind()) {
            case SINGLE -> JsonNodeFactory.instance.numberNode(optionIndex(value, poll));
            case MULTIPLE -> picks(value, poll);
            case SCALE -> JsonNodeFactory.instance.numberNode(scaleValue(value, poll));
            case WORDCLOUD -> words(value, poll);
            case TEXT -> JsonNodeFactory.instance.textNode(text(value, poll));
            case GUESS -> JsonNodeFactory.instance.numberNode(guess(value, poll));
            case RANKING -> ranking(value, poll);
            default -> throw new Refused("not_a_poll", "not_a_poll");
        };
    }

    private static int optionIndex(JsonNode value, StepSpec.PollSpec poll) {
        // canConvertToInt: asInt() wraps a huge number (2^32 reads as 0) into a valid-looking option.
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.asInt() < 0 || value.asInt() >= poll.options().size()) {
            throw new Refused("unknown_option", "unknown_option");
        }
        return value.asInt();
    }

    private static ArrayNode picks(JsonNode value, StepSpec.PollSpec poll) {
        if (!value.isArray() || value.isEmpty()) {
            throw new Refused("invalid_answer", "pick_one");
        }
        int max = poll.maxPicks() == null ? poll.options().size() : poll.maxPicks();
        if (value.size() > max) {
            throw new Refused("too_many_picks", "too_many_picks", max);
        }
        Set<Integer> seen = new HashSet<>();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode pick : value) {
            int index = optionIndex(pick, poll);
            if (!seen.add(index)) {
                throw new Refused("invalid_answer", "picked_twice");
            }
            out.add(index);
        }
        return out;
    }

    private static int scaleValue(JsonNode value, StepSpec.PollSpec poll) {
        if (!value.isIntegralNumber() || value.asDouble() < poll.min() || value.asDouble() > poll.max()) {
            throw new Refused("out_of_range", "scale_range", poll.min().intValue(), poll.max().intValue());
        }
        return value.asInt();
    }

    private static ArrayNode words(JsonNode value, StepSpec.PollSpec poll) {
        int maxWords = poll.maxWords() == null ? DEFAULT_WORDS : poll.maxWords();
        int maxLength = poll.maxLength() == null ? DEFAULT_WORD_LENGTH : poll.maxLength();
        if (!value.isArray() || value.isEmpty() || value.size() > maxWords) {
            throw new Refused("invalid_answer", "word_count", maxWords);
        }
        Set<String> seen = new HashSet<>();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode word : value) {
            String cleaned = word.isTextual() ? TypedText.line(word.asText()) : "";
            if (cleaned.isEmpty()) {
                continue;
            }
            if (TypedText.tooLong(cleaned, maxLength)) {
                throw new Refused("too_long", "word_too_long", maxLength);
            }
            if (seen.add(Words.normalise(cleaned))) {
                out.add(cleaned);
            }
        }
        if (out.isEmpty()) {
            throw new Refused("invalid_answer", "no_words");
        }
        return out;
    }

    private static String text(JsonNode value, StepSpec.PollSpec poll) {
        int maxLength = poll.maxLength() == null ? DEFAULT_TEXT_LENGTH : poll.maxLength();
        String cleaned = value.isTextual() ? TypedText.lines(value.asText()) : "";
        if (cleaned.isEmpty()) {
            throw new Refused("invalid_answer", "no_text");
        }
        if (TypedText.tooLong(cleaned, maxLength)) {
            throw new Refused("too_long", "text_too_long", maxLength);
        }
        return cleaned;
    }

    private static double guess(JsonNode value, StepSpec.PollSpec poll) {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())
                || value.asDouble() < poll.min() || value.asDouble() > poll.max()) {
            throw new Refused("out_of_range", "guess_range", poll.min(), poll.max());
        }
        return value.asDouble();
    }

    private static ArrayNode ranking(JsonNode value, StepSpec.PollSpec poll) {
        int n = poll.options().size();
        if (!value.isArray() || value.size() != n) {
            throw new Refused("invalid_answer", "rank_all", n);
        }
        Set<Integer> seen = new HashSet<>();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : value) {
            int index = optionIndex(item, poll);
            if (!seen.add(index)) {
                throw new Refused("invalid_answer", "rank_once");
            }
            out.add(index);
        }
        return out;
    }
}
