package org.tallersocial.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Optional;

/**
 * A template as one file in the content format, outside `workshop-content/`: the file a facilitator
 * downloads, and the one they upload, read by the same rules as the shipped ones.
 */
public final class TemplateFile {

    /** A template's title, as a list of templates can still show it. */
    public static final int MAX_TITLE = 120;

    // Every text stays quoted: an option "2024" or "No" must read back as text, not as a number or a flag.
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());
    private static final String HEADER = "# A Taller Social workshop template (docs/authoring.md describes the format).\n";

    private TemplateFile() {
    }

    /** What reading a file found: the template, or every problem with its line and field. */
    public record Read(Optional<WorkshopTemplate> template, List<ContentError> problems) {
    }

    /** An uploaded file: it names its own id and language; it is refused whole if anything is wrong. */
    public static Read read(String fileName, byte[] bytes) {
        Problems problems = new Problems(fileName);
        Optional<WorkshopTemplate> template = TemplateReader.read(bytes, null, null, problems);
        return problems.count() == 0 ? new Read(template, List.of()) : new Read(Optional.empty(), problems.errors());
    }

    /** The template as a file that {@link #read} (and `workshop-content/`) reads back as the same template. */
    public static String write(WorkshopTemplate t) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", t.id()).put("language", t.language()).put("title", t.title());
        if (t.description() != null && !t.description().isBlank()) {
            root.put("description", t.description());
        }
        root.set("steps", Agenda.write(t.steps()));
        try {
            return HEADER + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of texts and numbers always writes", e);
        }
    }
}
