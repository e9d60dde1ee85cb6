package org.tallersocial.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Reads and checks one `<template-id>/<language>.yaml` file. */
final class TemplateReader {

    // A template is a few dozen kilobytes; anything near a megabyte is a mistake or an attack.
    static final long MAX_BYTES = 1024 * 1024;
    static final int MAX_STEPS = 100;

    private static final List<String> FIELDS = List.of("id", "language", "title", "description", "steps");
    /** The languages the kit speaks, so the ones an uploaded template may be written in. */
    static final List<String> LANGUAGES = org.tallersocial.web.Texts.LANGUAGES;

    private TemplateReader() {
    }

    static Optional<WorkshopTemplate> read(Path file, String folderId, String language, Problems problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(0, "", "content.file_too_big", size);
                return Optional.empty();
            }
            return read(Files.readAllBytes(file), folderId, language, problems);
        } catch (IOException e) {
            problems.add(0, "", "content.unreadable_file", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * @param folderId what the file's id must say, or null for an uploaded file, which names its own
     * @param language what the file's language must say, or null for an uploaded file: one the kit speaks
     */
    static Optional<WorkshopTemplate> read(byte[] bytes, String folderId, String language, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(0, "", "content.file_too_big", bytes.length);
            return Optional.empty();
        }
        Optional<String> text = decode(bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlTree> tree = YamlTreeReader.read(text.get(), problems);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        int errorsBefore = problems.count();
        FieldReader in = new FieldReader(tree.get(), problems);
        JsonNode root = tree.get().root();
        if (FieldReader.skip(root)) {
            return Optional.empty();
        }
        if (!root.isObject()) {
            in.error("", "content.template_not_mapping");
            return Optional.empty();
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                in.error(name, "content.unknown_field", Suggestions.didYouMean(name, FIELDS));
            }
        }
        String id = matching(in, root, "id", folderId, new Phrase("content.folder_name"));
        String lang = matching(in, root, "language", language, new Phrase("content.file_name"));
        String title = in.text(root, "", "title", true, TemplateFile.MAX_TITLE);
        String description = in.longText(root, "", "description", 600);
        List<StepSpec> steps = steps(in, root);
        if (problems.count() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new WorkshopTemplate(id, lang, title, description == null ? "" : description, steps));
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // Some Windows editors start UTF-8 files with a byte-order mark.
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.add(0, "", "content.not_utf8");
            return Optional.empty();
        }
    }

    /**
     * The layout is the index: a template found by folder and file name must say the same inside. An uploaded
     * file (nothing expected) names its own id, which must be a valid one, and its language, one the kit speaks.
     */
    private static String matching(FieldReader in, JsonNode root, String field, String expected, Phrase where) {
        String value = in.text(root, "", field, true, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        if (expected != null && !value.equals(expected)) {
            in.error(field, "content.name_mismatch", value, where, expected);
        } else if (expected == null && field.equals("id") && !StepValidator.ID.matcher(value).matches()) {
            in.error(field, "content.bad_id", value);
        } else if (expected == null && field.equals("language") && !LANGUAGES.contains(value)) {
            in.error(field, "content.unknown_language", value, String.join(", ", LANGUAGES));
        }
        return value;
    }

    static List<StepSpec> steps(FieldReader in, JsonNode root) {
        JsonNode list = FieldReader.value(root, "steps");
        if (list == null) {
            in.error("steps", "content.required");
            return List.of();
        }
        if (FieldReader.skip(list)) {
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            in.error("steps", "content.no_steps", FieldReader.describe(list));
            return List.of();
        }
        if (list.size() > MAX_STEPS) {
            in.error("steps", "content.too_many_steps", list.size(), MAX_STEPS);
        }
        StepValidator validator = new StepValidator(in);
        List<StepSpec> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            StepSpec step = validator.validate(list.get(i), YamlTree.item("steps", i));
            if (step != null) {
                steps.add(step);
            }
        }
        checkRadars(in, list, steps);
        return List.copyOf(steps);
    }

    /** A slide that draws a radar needs the scales it draws: three at least, so that the shape means something. */
    private static void checkRadars(FieldReader in, JsonNode list, List<StepSpec> steps) {
        for (int i = 0; i < list.size(); i++) {
            String radar = FieldReader.value(list.get(i), "radar") == null ? null : list.get(i).get("radar").asText();
            if (radar == null || !"slide".equals(list.get(i).path("kind").asText())) {
                continue;
            }
            long scales = steps.stream().filter(s -> s.poll() != null && radar.equals(s.poll().radar())).count();
            if (scales < 3) {
                in.error(YamlTree.field(YamlTree.item("steps", i), "radar"), "content.radar_too_few", radar, scales);
            }
        }
    }
}
