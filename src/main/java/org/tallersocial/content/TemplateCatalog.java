package org.tallersocial.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workshop templates found under {@code workshop-content/<template-id>/<language>.yaml}.
 * Loading is all or nothing: a catalog with a half-read template would start workshops with
 * steps missing, so any problem fails the load, and every problem is listed at once.
 */
public final class TemplateCatalog {

    private static final Pattern LANGUAGE_FILE = Pattern.compile("([a-z]{2})\\.yaml");
    private static final Comparator<WorkshopTemplate> ORDER =
            Comparator.comparing(WorkshopTemplate::id).thenComparing(WorkshopTemplate::language);

    private final List<WorkshopTemplate> templates;

    private TemplateCatalog(List<WorkshopTemplate> templates) {
        this.templates = templates.stream().sorted(ORDER).toList();
    }

    public static TemplateCatalog load(Path contentDir) throws ContentException {
        Problems dirProblems = new Problems(contentDir.toString());
        List<Problems> fileProblems = new ArrayList<>();
        List<WorkshopTemplate> found = new ArrayList<>();
        int files = 0;
        if (!Files.isDirectory(contentDir)) {
            dirProblems.add(0, "", "content.no_dir");
        } else {
            for (Path folder : entries(contentDir, dirProblems)) {
                files += loadFolder(folder, dirProblems, fileProblems, found);
            }
            if (files == 0 && dirProblems.count() == 0) {
                dirProblems.add(0, "", "content.no_templates");
            }
        }
        List<String> errors = new ArrayList<>();
        dirProblems.errors().forEach(e -> errors.add(e.render()));
        fileProblems.forEach(p -> p.errors().forEach(e -> errors.add(e.render())));
        if (!errors.isEmpty()) {
            throw new ContentException(errors);
        }
        return new TemplateCatalog(found);
    }

    /** Sorted by id, then language. */
    public List<WorkshopTemplate> all() {
        return templates;
    }

    public Optional<WorkshopTemplate> find(String id, String language) {
        return templates.stream()
                .filter(t -> t.id().equals(id) && t.language().equals(language))
                .findFirst();
    }

    /** Returns how many template files the entry held. Stray files such as a README are left alone. */
    private static int loadFolder(Path entry, Problems dirProblems, List<Problems> fileProblems,
                                  List<WorkshopTemplate> found) {
        String name = entry.getFileName().toString();
        if (!Files.isDirectory(entry)) {
            if (isYaml(name)) {
                dirProblems.add(0, "", "content.yaml_outside_folder", name);
            }
            return 0;
        }
        if (!StepValidator.ID.matcher(name).matches()) {
            dirProblems.add(0, "", "content.bad_folder", name);
            return 0;
        }
        int files = 0;
        for (Path file : entries(entry, dirProblems)) {
            String fileName = file.getFileName().toString();
            if (Files.isDirectory(file) || !isYaml(fileName)) {
                continue;
            }
            files++;
            Problems problems = new Problems(name + "/" + fileName);
            fileProblems.add(problems);
            var language = LANGUAGE_FILE.matcher(fileName);
            if (!language.matches()) {
                problems.add(0, "", "content.bad_file_name");
                continue;
            }
            TemplateReader.read(file, name, language.group(1), problems).ifPresent(found::add);
        }
        if (files == 0) {
            dirProblems.add(0, "", "content.empty_folder", name);
        }
        return files;
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Path> entries(Path dir, Problems problems) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(0, "", "content.unlistable", dir.toString(), String.valueOf(e.getMessage()));
            return List.of();
        }
    }
}
