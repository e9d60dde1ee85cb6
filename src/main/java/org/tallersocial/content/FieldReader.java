package org.tallersocial.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallersocial.web.TypedText;

/**
 * Typed access to the fields of one mapping. Every accessor reports what is wrong at the
 * field's own line and returns null, so that validation carries on and finds the next problem.
 */
final class FieldReader {

    private final YamlTree tree;
    private final Problems problems;

    FieldReader(YamlTree tree, Problems problems) {
        this.tree = tree;
        this.problems = problems;
    }

    /** @param key a {@code content.*} text; args fill its {0}, {1}... (see {@link ContentError}) */
    void error(String path, String key, Object... args) {
        problems.add(tree.lineOf(path), path, key, args);
    }

    int lineOf(String path) {
        return tree.lineOf(path);
    }

    int errorCount() {
        return problems.count();
    }

    /**
     * The value, or null when the field is absent or left empty in YAML. A value the YAML reader
     * already reported (a missing node) is returned as is; callers skip it via {@link #skip}.
     */
    static JsonNode value(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static boolean skip(JsonNode value) {
        return value == null || value.isMissingNode();
    }

    String text(JsonNode object, String path, String name, boolean required, int maxChars) {
        String fieldPath = YamlTree.field(path, name);
        JsonNode value = value(object, name);
        if (value == null) {
            requireIf(required, fieldPath);
            return null;
        }
        if (skip(value)) {
            return null;
        }
        if (!value.isTextual()) {
            error(fieldPath, "content.not_text", describe(value));
            return null;
        }
        String text = TypedText.line(value.asText());
        if (text.isEmpty()) {
            if (required) {
                error(fieldPath, "content.empty");
            }
            return null;
        }
        checkLength(fieldPath, text, maxChars);
        return text;
    }

    /** Multi-line text keeps its inner layout; only the block scalar's trailing newline goes. */
    String longText(JsonNode object, String path, String name, int maxChars) {
        String text = text(object, path, name, false, Integer.MAX_VALUE);
        if (text == null) {
            return null;
        }
        String kept = object.get(name).asText().stripTrailing();
        checkLength(YamlTree.field(path, name), kept, maxChars);
        return kept;
    }

    /**
     * A list of distinct, non-empty texts: a poll's options, an exercise's networks or roles.
     * Distinct ignores case, since "LinkedIn" and "linkedin" would show as the same entry.
     *
     * @param item    what one entry is called in messages, e.g. "option"
     * @param owner   what needs the list, e.g. "a ranking poll"
     * @param example a short list shown when the field is not a list at all
     */
    List<String> textList(JsonNode object, String path, String name, Phrase item, Phrase owner, Phrase example,
                          int min, int max, int maxChars) {
        String fieldPath = YamlTree.field(path, name);
        JsonNode value = value(object, name);
        if (value == null) {
            error(fieldPath, "content.required_for", owner);
            return null;
        }
        if (skip(value)) {
            return null;
        }
        if (!value.isArray()) {
            error(fieldPath, "content.not_list", example, describe(value));
            return null;
        }
        if (value.size() < min || value.size() > max) {
            error(fieldPath, "content.list_size", owner, min, max, name, value.size());
        }
        List<String> texts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < value.size(); i++) {
            String itemPath = YamlTree.item(fieldPath, i);
            JsonNode entry = value.get(i);
            if (skip(entry)) {
                continue;
            }
            String text = entry.isTextual() ? TypedText.line(entry.asText()) : null;
            if (text == null || text.isEmpty()) {
                error(itemPath, "content.bad_item", item, describe(entry));
                continue;
            }
            checkLength(itemPath, text, maxChars);
            Integer earlier = seen.putIfAbsent(text.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                error(itemPath, "content.repeated", name, earlier, text);
            }
            texts.add(text);
        }
        return texts;
    }

    void checkLength(String path, String text, int maxChars) {
        int length = TypedText.length(text);
        if (length > maxChars) {
            error(path, "content.too_long", length, maxChars);
        }
    }

    Integer whole(JsonNode object, String path, String name, boolean required, int min, int max) {
        String fieldPath = YamlTree.field(path, name);
        JsonNode value = value(object, name);
        if (value == null) {
            requireIf(required, fieldPath);
            return null;
        }
        if (skip(value)) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            error(fieldPath, "content.not_whole", describe(value));
            return null;
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            error(fieldPath, "content.out_of_range", min, max, value.asText());
            return null;
        }
        return value.intValue();
    }

    Double number(JsonNode object, String path, String name, boolean required) {
        String fieldPath = YamlTree.field(path, name);
        JsonNode value = value(object, name);
        if (value == null) {
            requireIf(required, fieldPath);
            return null;
        }
        if (skip(value)) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            error(fieldPath, "content.not_number", describe(value));
            return null;
        }
        return value.doubleValue();
    }

    boolean flag(JsonNode object, String path, String name) {
        JsonNode value = value(object, name);
        if (skip(value)) {
            return false;
        }
        if (!value.isBoolean()) {
            error(YamlTree.field(path, name), "content.not_flag", describe(value));
            return false;
        }
        return value.booleanValue();
    }

    Integer duration(JsonNode object, String path, String name) {
        String fieldPath = YamlTree.field(path, name);
        JsonNode value = value(object, name);
        if (value == null) {
            requireIf(true, fieldPath);
            return null;
        }
        if (skip(value)) {
            return null;
        }
        Integer seconds = value.isTextual() ? Durations.parse(value.asText().strip()) : null;
        if (seconds == null) {
            error(fieldPath, "content.not_duration", describe(value));
            return null;
        }
        if (seconds > Durations.MAX_SECONDS) {
            error(fieldPath, "content.too_long_duration");
            return null;
        }
        return seconds;
    }

    private void requireIf(boolean required, String fieldPath) {
        if (required) {
            error(fieldPath, "content.required");
        }
    }

    /** What the value is, for "but found ...": a {@link Phrase}, or true/false as YAML writes them in any language. */
    static Object describe(JsonNode value) {
        if (value.isTextual()) {
            return new Phrase("content.value.text", abbreviate(value.asText()));
        }
        if (value.isNumber()) {
            return new Phrase("content.value.number", value.asText());
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            return new Phrase("content.value.list");
        }
        if (value.isObject()) {
            return new Phrase("content.value.mapping");
        }
        return new Phrase("content.value.nothing");
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 30 ? line : line.substring(0, 27) + "...";
    }
}
