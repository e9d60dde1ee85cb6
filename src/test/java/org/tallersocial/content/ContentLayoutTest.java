package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where template files live, what they must be called, and how whole directories fail. */
class ContentLayoutTest {

    private static final String SLIDE = """
              - id: hello
                kind: slide
                title: "Hello"
                duration: 1m
            """;

    @TempDir
    Path tempDir;

    private ContentDir content;

    @BeforeEach
    void setUp() {
        content = new ContentDir(tempDir);
    }

    @Test
    void templates_are_listed_by_id_then_language_and_found_by_both() throws ContentException {
        content.template("zeta", "en", SLIDE).template("alpha", "es", SLIDE).template("alpha", "en", SLIDE);

        TemplateCatalog catalog = content.load();

        assertThat(catalog.all()).extracting(t -> t.id() + "/" + t.language())
                .containsExactly("alpha/en", "alpha/es", "zeta/en");
        assertThat(catalog.find("alpha", "es")).get().extracting(WorkshopTemplate::language).isEqualTo("es");
        assertThat(catalog.find("alpha", "fr")).isEmpty();
    }

    @Test
    void files_that_are_not_yaml_templates_are_left_alone() throws ContentException {
        content.template("alpha", "en", SLIDE)
                .write("README.md", "# Content\n")
                .write("alpha/notes.txt", "drafts\n")
                .write(".git/config", "[core]\n");

        assertThat(content.load().all()).hasSize(1);
    }

    @Test
    void an_empty_content_directory_is_an_error() {
        assertThat(content.errors()).singleElement().asString()
                .startsWith(tempDir + ": ")
                .contains("holds no templates");
    }

    @Test
    void a_missing_content_directory_is_an_error() {
        Path missing = tempDir.resolve("nowhere");

        List<String> errors = new ContentDir(missing).errors();

        assertThat(errors).containsExactly(missing + ": no such content directory");
    }

    @Test
    void a_template_folder_without_a_template_file_is_an_error() {
        content.template("alpha", "en", SLIDE).write("empty-one/README.md", "soon\n");

        assertThat(content.errors()).singleElement().asString()
                .contains("folder 'empty-one' holds no <language>.yaml template");
    }

    @Test
    void an_id_that_differs_from_the_folder_name_is_reported_on_its_line() {
        content.write("alpha/en.yaml", ContentDir.header("alfa", "en") + SLIDE);

        assertThat(content.errors()).containsExactly(
                "alpha/en.yaml:1: id: is 'alfa' but the folder name says 'alpha'; they must match");
    }

    @Test
    void a_language_that_differs_from_the_file_name_is_reported_on_its_line() {
        content.write("alpha/en.yaml", ContentDir.header("alpha", "es") + SLIDE);

        assertThat(content.errors()).containsExactly(
                "alpha/en.yaml:2: language: is 'es' but the file name says 'en'; they must match");
    }

    @Test
    void a_file_not_named_after_a_two_letter_language_is_refused() {
        content.template("alpha", "en", SLIDE).write("alpha/english.yaml", ContentDir.header("alpha", "en") + SLIDE);

        assertThat(content.errors()).singleElement().asString()
                .startsWith("alpha/english.yaml: ")
                .contains("two lowercase letters");
    }

    @Test
    void a_template_file_outside_a_template_folder_is_refused() {
        content.template("alpha", "en", SLIDE).write("en.yaml", ContentDir.header("alpha", "en") + SLIDE);

        assertThat(content.errors()).singleElement().asString()
                .contains("en.yaml must sit in a folder named after the template id");
    }

    @Test
    void a_file_over_one_megabyte_is_refused_without_being_parsed() throws IOException {
        String huge = ContentDir.header("alpha", "en") + SLIDE + "# " + "x".repeat(1024 * 1024) + "\n";
        content.write("alpha/en.yaml", huge);

        assertThat(content.errors()).singleElement().asString()
                .startsWith("alpha/en.yaml: ")
                .contains("limited to 1 MB");
        assertThat(Files.size(tempDir.resolve("alpha/en.yaml"))).isGreaterThan(TemplateReader.MAX_BYTES);
    }

    @Test
    void every_error_in_every_file_is_reported_in_one_go() {
        content.template("alpha", "en", """
                  - id: one
                    kind: slide
                    titel: "Typo"
                    duration: 1m
                """)
                .template("beta", "en", """
                  - id: two
                    kind: poll
                    title: "Unknown kind"
                    duration: 1m
                  - id: two
                    kind: slide
                    title: "Same id"
                    duration: forever
                """);

        assertThat(content.errors()).containsExactly(
                "alpha/en.yaml:6: steps[0].title: is required",
                "alpha/en.yaml:8: steps[0].titel: unknown field; did you mean 'title'?",
                "beta/en.yaml:7: steps[0].kind: unknown kind 'poll' (one of slide, single, multiple, scale,"
                        + " wordcloud, text, guess, ranking, profiles, raci, ideas, commitments, quiz)",
                "beta/en.yaml:10: steps[1].id: duplicate step id 'two'; steps[0] on line 6 already uses it",
                "beta/en.yaml:13: steps[1].duration: expected a duration such as 90s, 3m or 1m30s"
                        + " but found text \"forever\"");
    }

    @Test
    void the_exception_message_lists_every_error_on_its_own_line() {
        content.template("alpha", "en", """
                  - id: one
                    kind: slide
                    duration: 1m
                    colour: red
                """);

        ContentException thrown = null;
        try {
            content.load();
        } catch (ContentException e) {
            thrown = e;
        }

        assertThat(thrown).isNotNull();
        assertThat(thrown.getMessage().lines()).containsExactlyElementsOf(thrown.errors()).hasSize(2);
    }
}
