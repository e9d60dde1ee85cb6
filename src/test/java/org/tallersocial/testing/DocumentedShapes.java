package org.tallersocial.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes a document promises, as a JSON Schema file beside it (one {@code $defs} entry per message
 * or export), and the examples the document shows: every fenced {@code json} block and every inline
 * code span that is a JSON object. An example is checked against the definition an HTML comment names
 * on the line just above a block, or on an example's own line ({@code <!-- schema: mine -->}), else by
 * its {@code type}.
 */
public final class DocumentedShapes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HINT = Pattern.compile("<!--\\s*schema:\\s*([\\w.]+)\\s*-->");
    /** An inline example: a code span that is a JSON object, maybe after an HTTP status ("200 {...}"). */
    private static final Pattern INLINE = Pattern.compile("`(?:\\d{3} )?(\\{\"[^`]*\\})`");

    /** One example of a document: where it is, the definition it names (or null), and its value. */
    public record Example(int line, String def, JsonNode value) {
        /** The definition this example is checked against: the one named above it, else its type. */
        public String schema() {
            if (def != null) {
                return def;
            }
            return value.has("ok") ? "actionReply" : value.path("type").asText("(no type)");
        }
    }

    private final Path file;
    private final JsonNode document;
    /** The schema's own {@code $id}, under which the registry knows its text. */
    private final String id;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new HashMap<>();

    private DocumentedShapes(Path file) {
        this.file = file;
        try {
            String text = Files.readString(file);
            this.document = JSON.readTree(text);
            this.id = document.path("$id").asText();
            this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemas(Map.of(id, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocumentedShapes load(Path schemaFile) {
        return new DocumentedShapes(schemaFile);
    }

    public Set<String> defs() {
        Set<String> out = new TreeSet<>();
        document.path("$defs").fieldNames().forEachRemaining(out::add);
        return out;
    }

    public boolean has(String def) {
        return document.path("$defs").has(def);
    }

    /** What does not fit the definition; empty when the value has the documented shape. */
    public List<String> problems(String def, JsonNode value) {
        if (!has(def)) {
            return List.of("no schema definition '" + def + "' in " + file.getFileName());
        }
        Schema schema = schemas.computeIfAbsent(def,
                d -> registry.getSchema(SchemaLocation.of(id + "#/$defs/" + d)));
        return schema.validate(value).stream().map(Error::toString).toList();
    }

    /** What does not fit, for every example of a Markdown document, each with its line and definition. */
    public List<String> problemsOfExamples(Path markdown) {
        List<String> wrong = new ArrayList<>();
        List<Example> all = examples(markdown);
        if (all.isEmpty()) {
            wrong.add(markdown + " shows no example");
        }
        for (Example e : all) {
            problems(e.schema(), e.value()).forEach(p -> wrong.add(markdown + " line " + e.line() + " ("
                    + e.schema() + "): " + p));
        }
        return wrong;
    }

    /** Every example of a Markdown document, in order. */
    public static List<Example> examples(Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> out = new ArrayList<>();
        String hint = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HINT.matcher(line);
            if (h.find()) {
                if (HINT.matcher(line).replaceAll("").isBlank()) {
                    hint = h.group(1);
                    continue;
                }
                // A hint within a line (a table row, a sentence) names the schema of that line's examples.
                hint = h.group(1);
            }
            if (line.strip().equals("```json")) {
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                for (JsonNode value : readAll(block.toString(), markdown, start)) {
                    out.add(new Example(start + 1, hint, value));
                }
            } else if (!line.startsWith("```")) {
                Matcher m = INLINE.matcher(line);
                while (m.find()) {
                    out.add(new Example(i + 1, hint, readAll(m.group(1), markdown, i).get(0)));
                }
            }
            if (!line.isBlank()) {
                hint = null;
            }
        }
        return out;
    }

    private static List<JsonNode> readAll(String text, Path markdown, int line) {
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
            return it.readAll();
        } catch (IOException e) {
            throw new AssertionError(markdown + " line " + (line + 1) + ": an example that is not JSON: "
                    + e.getMessage() + "\n" + text, e);
        }
    }
}
