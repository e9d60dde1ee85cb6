package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates are files a facilitator edits by hand, or downloads from someone else. Whatever
 * arrives, the kit answers with a list of errors that say where, never with a stack trace or a
 * server that hangs or half-starts on a broken workshop.
 */
class HostileTemplateTest {

    private static final Path SHIPPED = Path.of("workshop-content/social-business/en.yaml");
    private static final String[] HOSTILE = {":", "-", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "#",
        "%", "@", "?", ",", "`", "\t", " ", "\n", "\u0000", "\u00a0", "\u200b", "\ud83d\ude00", "ñ", "\\"};
    private static final int MUTANTS = 2_000;

    @TempDir
    Path tempDir;

    @Test
    void thousands_of_mangled_copies_of_the_shipped_workshop_are_each_loaded_or_refused_with_located_errors()
            throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED);
        Random random = new Random(20261201L);
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            List<String> mutant = new ArrayList<>(lines);
            int changes = 1 + random.nextInt(3);
            StringBuilder how = new StringBuilder();
            for (int c = 0; c < changes; c++) {
                how.append(mutate(mutant, random)).append("; ");
            }
            if (!loadsOrIsRefusedCleanly(i, String.join("\n", mutant), how.toString())) {
                refused++;
            }
        }
        // Most mutations break something: the fuzz must really reach the validators, not only pass.
        assertThat(refused).isGreaterThan(MUTANTS / 2);
    }

    @Test
    void yaml_nested_thousands_deep_is_refused_without_overflowing_the_stack() {
        String deep = ContentDir.header("deep", "en") + "  - " + "[".repeat(20_000) + "\n";
        assertThat(errorsOf("deep", deep)).isNotEmpty().allSatisfy(e -> assertThat(e).contains("en.yaml"));
    }

    @Test
    void a_mapping_nested_thousands_deep_is_refused_without_overflowing_the_stack() {
        StringBuilder yaml = new StringBuilder(ContentDir.header("deep", "en")).append("  - id: a\n    kind: slide\n");
        for (int depth = 0; depth < 3_000; depth++) {
            yaml.append("  ".repeat(depth + 2)).append("k").append(depth).append(":\n");
        }
        assertThat(errorsOf("deep", yaml.toString())).isNotEmpty();
    }

    @Test
    void an_alias_bomb_is_refused_at_its_first_alias_instead_of_being_expanded() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level < 10; level++) {
            String prior = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, prior))).append("]\n");
        }
        List<String> errors = errorsOf("bomb", ContentDir.header("bomb", "en") + "  - id: a\n    kind: slide\n" + yaml);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("aliases"));
    }

    @Test
    void a_file_just_under_the_size_limit_made_of_one_huge_option_is_refused_for_that_option() {
        String option = "x".repeat((int) TemplateReader.MAX_BYTES - 2_000);
        String yaml = ContentDir.header("huge", "en")
                + "  - id: q\n    kind: single\n    title: \"Big\"\n    duration: 1m\n    question: \"Which?\"\n    options:\n"
                + "      - \"" + option + "\"\n      - \"Short\"\n";
        assertThat(errorsOf("huge", yaml)).anySatisfy(e -> assertThat(e).contains("options"));
    }

    @Test
    void tens_of_thousands_of_steps_under_the_size_limit_are_refused_with_the_step_limit() {
        StringBuilder yaml = new StringBuilder(ContentDir.header("many", "en"));
        for (int i = 0; yaml.length() < TemplateReader.MAX_BYTES - 100; i++) {
            yaml.append("  - {id: s").append(i).append(", kind: slide}\n");
        }
        assertThat(errorsOf("many", yaml.toString()))
                .anySatisfy(e -> assertThat(e).contains("at most " + TemplateReader.MAX_STEPS));
    }

    @Test
    void binary_garbage_where_a_template_should_be_is_refused() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Path file = tempDir.resolve("garbage/en.yaml");
        Files.createDirectories(file.getParent());
        Files.write(file, garbage);
        assertThat(errorsOf(null, null)).isNotEmpty().allSatisfy(e -> assertThat(e).contains("en.yaml"));
    }

    @Test
    void the_server_refuses_to_start_on_a_broken_template_and_prints_where_each_error_is() throws Exception {
        Path content = tempDir.resolve("content");
        new ContentDir(content).write("social-business/en.yaml", ContentDir.header("social-business", "en")
                + "  - id: a\n    kind: survey\n    title: \"Broken\"\n    duration: 1m\n");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), org.tallersocial.Main.class.getName(),
                "--port", "0", "--data-dir", tempDir.resolve("data").toString(), "--content-dir", content.toString())
                .redirectErrorStream(true).start();
        String output = new String(server.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(server.waitFor()).as(output).isEqualTo(1);
        assertThat(output).contains("have errors").contains("social-business/en.yaml:7")
                .contains("unknown kind 'survey'").doesNotContain("is running").doesNotContain("Exception");
    }

    /** True when the mutant loaded; false when it was refused with errors that each name the file. */
    private boolean loadsOrIsRefusedCleanly(int index, String yaml, String how) throws IOException {
        Path dir = Files.createTempDirectory(tempDir, "mutant");
        Path file = dir.resolve("social-business/en.yaml");
        Files.createDirectories(file.getParent());
        Files.write(file, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // a cut surrogate pair becomes ?
        try {
            TemplateCatalog.load(dir);
            return true;
        } catch (ContentException e) {
            assertThat(e.errors()).as("mutant %d (%s)", index, how).isNotEmpty()
                    .allSatisfy(err -> assertThat(err).contains("en.yaml").doesNotContain("Exception"));
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            fail("mutant %d (%s) threw instead of being refused: %s", index, how, e);
            return false;
        }
    }

    private List<String> errorsOf(String id, String yaml) {
        if (id != null) {
            new ContentDir(tempDir).write(id + "/en.yaml", yaml);
        }
        try {
            TemplateCatalog.load(tempDir);
        } catch (ContentException e) {
            return e.errors();
        } catch (RuntimeException | StackOverflowError e) {
            fail("threw instead of refusing the template: " + e);
        }
        throw new AssertionError("expected the template to be refused, but it loaded");
    }

    private static String mutate(List<String> lines, Random random) {
        int at = random.nextInt(lines.size());
        switch (random.nextInt(8)) {
            case 0 -> {
                lines.remove(at);
                return "deleted line " + (at + 1);
            }
            case 1 -> {
                lines.add(at, lines.get(random.nextInt(lines.size())));
                return "copied a line to " + (at + 1);
            }
            case 2 -> {
                int other = random.nextInt(lines.size());
                String moved = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, moved);
                return "swapped lines " + (at + 1) + " and " + (other + 1);
            }
            case 3 -> {
                String line = lines.get(at);
                int cut = random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, cut));
                lines.subList(at + 1, lines.size()).clear();
                return "cut the file in line " + (at + 1);
            }
            case 4 -> {
                lines.set(at, insertHostile(lines.get(at), random));
                return "hostile characters in line " + (at + 1);
            }
            case 5 -> {
                String line = lines.get(at);
                lines.set(at, random.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
                return "shifted line " + (at + 1);
            }
            case 6 -> {
                lines.set(at, lines.get(at).replaceFirst(":\\s.*$", ": " + oddValue(random)));
                return "odd value in line " + (at + 1);
            }
            default -> {
                lines.set(at, lines.get(at).replaceFirst("kind: \\w+", "kind: " + oddKind(random)));
                return "odd kind in line " + (at + 1);
            }
        }
    }

    private static String insertHostile(String line, Random random) {
        StringBuilder out = new StringBuilder(line);
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            out.insert(random.nextInt(out.length() + 1), HOSTILE[random.nextInt(HOSTILE.length)]);
        }
        return out.toString();
    }

    private static String oddValue(Random random) {
        String[] values = {"", "~", "[]", "{}", "-1", "0", "99999999999999999999999", "1e308", "NaN", ".inf",
                "[1, [2, [3]]]", "{a: {b: c}}", "\"" + "y".repeat(5_000) + "\"", "!!binary aGVsbG8=", "&x 1",
                "2026-12-01", "true", "'unclosed", "|", ">-"};
        return values[random.nextInt(values.length)];
    }

    private static String oddKind(Random random) {
        String[] kinds = {"SLIDE", "poll", "raci ", "profiles2", "", "\"single_choice\"", "[slide]", "scale: 3"};
        return kinds[random.nextInt(kinds.length)];
    }
}
