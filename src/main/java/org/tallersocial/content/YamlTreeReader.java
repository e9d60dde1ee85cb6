package org.tallersocial.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML with the streaming parser so that every value keeps its line. It also catches
 * what Jackson's tree model would hide: a repeated key silently replaces the first one there,
 * which would make a copy-pasted step field vanish without a word.
 */
final class YamlTreeReader {

    // Unquoted Yes/No/On/Off are common poll options; they must stay text, not become booleans.
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Problems problems;
    private final Map<String, Integer> lines = new HashMap<>();
    private JsonParser parser;

    private YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's tree, or empty when the YAML is broken (the problem is then reported). */
    static Optional<YamlTree> read(String text, Problems problems) {
        return new YamlTreeReader(problems).readDocument(text);
    }

    private Optional<YamlTree> readDocument(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            if (p.nextToken() == null) {
                problems.add(1, "", "content.empty_file");
                return Optional.empty();
            }
            lines.put("", line());
            JsonNode root = readValue("");
            if (p.nextToken() != null) {
                problems.add(line(), "", "content.many_documents");
            }
            return Optional.of(new YamlTree(root, lines));
        } catch (JsonProcessingException e) {
            reportBroken(e);
            return Optional.empty();
        } catch (IOException e) {
            problems.add(0, "", "content.unreadable_yaml", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    private JsonNode readValue(String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands aliases back as their anchor name, which would be read as real text.
            problems.add(line(), path, "content.alias", parser.getText());
            // A missing node tells the validators the value is already reported, so they stay quiet.
            return NODES.missingNode();
        }
        return switch (token) {
            case START_OBJECT -> readObject(path);
            case START_ARRAY -> readArray(path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> {
                problems.add(line(), path, "content.unsupported_value");
                yield NODES.nullNode();
            }
        };
    }

    private ObjectNode readObject(String path) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String fieldPath = YamlTree.field(path, name);
            int keyLine = line();
            parser.nextToken();
            if (object.has(name)) {
                problems.add(keyLine, fieldPath, "content.duplicate_key", lines.get(fieldPath));
                parser.skipChildren();
                continue;
            }
            lines.put(fieldPath, keyLine);
            object.set(name, readValue(fieldPath));
        }
        return object;
    }

    private ArrayNode readArray(String path) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String itemPath = YamlTree.item(path, array.size());
            lines.put(itemPath, line());
            array.add(readValue(itemPath));
        }
        return array;
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private void reportBroken(JsonProcessingException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof MarkedYAMLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            reportMarked(marked);
            return;
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String first = e.getOriginalMessage().lines().findFirst().orElse(null);
        Object problem = first == null ? new Phrase("content.unreadable") : first;
        problems.add(Math.max(line, 0), "", "content.broken_yaml", problem);
    }

    /** The parser's own words (problem, context) are English in every language: SnakeYAML has no others. */
    private void reportMarked(MarkedYAMLException marked) {
        int line = marked.getProblemMark().getLine() + 1;
        String problem = String.valueOf(marked.getProblem());
        String context = marked.getContext();
        // The context line is where the broken construct began, often far above the end of file.
        if (context != null && marked.getContextMark() != null && marked.getContextMark().getLine() + 1 != line) {
            problems.add(line, "", "content.broken_yaml_from", problem, context, marked.getContextMark().getLine() + 1);
        } else if (context != null) {
            problems.add(line, "", "content.broken_yaml_in", problem, context);
        } else {
            problems.add(line, "", "content.broken_yaml", problem);
        }
    }
}
