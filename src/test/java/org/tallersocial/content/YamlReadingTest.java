package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML-level problems: what the parser sees before any field is checked. */
class YamlReadingTest {

    @TempDir
    Path tempDir;

    private ContentDir content;

    @BeforeEach
    void setUp() {
        content = new ContentDir(tempDir);
    }

    @Test
    void broken_yaml_is_reported_with_the_file_and_the_line() {
        content.write("alpha/en.yaml", """
                id: alpha
                language: en
                title: "A test workshop"
                steps:
                  - id: hello
                    kind: slide
                   title: "Badly indented"
                    duration: 1m
                """);

        assertThat(content.errors()).singleElement().asString()
                .startsWith("alpha/en.yaml:7: broken YAML: ");
    }

    @Test
    void an_unclosed_quote_points_back_to_where_the_text_began() {
        content.write("alpha/en.yaml", """
                id: alpha
                language: en
                title: "Never closed
                steps: []
                """);

        assertThat(content.errors()).singleElement().asString()
                .startsWith("alpha/en.yaml:")
                .contains("starts on line 3");
    }

    @Test
    void a_key_written_twice_is_reported_instead_of_silently_replaced() {
        content.template("alpha", "en", """
                  - id: hello
                    kind: slide
                    title: "First"
                    title: "Second"
                    duration: 1m
                """);

        assertThat(content.errors()).containsExactly(
                "alpha/en.yaml:9: steps[0].title: the key appears twice (first on line 8); keep one");
    }

    @Test
    void an_empty_file_is_reported() {
        content.write("alpha/en.yaml", "# nothing yet\n");

        assertThat(content.errors()).containsExactly("alpha/en.yaml:1: the file is empty");
    }

    @Test
    void a_file_that_is_a_list_rather_than_a_template_is_reported() {
        content.write("alpha/en.yaml", "- id: alpha\n- language: en\n");

        assertThat(content.errors()).singleElement().asString()
                .startsWith("alpha/en.yaml:1: ")
                .contains("a template must be a mapping of fields");
    }

    @Test
    void two_documents_in_one_file_are_reported_where_the_second_begins() {
        content.write("alpha/en.yaml", ContentDir.header("alpha", "en") + """
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                ---
                id: beta
                """);

        assertThat(content.errors()).singleElement().asString()
                .startsWith("alpha/en.yaml:11: ")
                .contains("more than one YAML document");
    }

    @Test
    void unquoted_yes_and_no_stay_text_in_options() throws ContentException {
        content.template("alpha", "en", """
                  - id: agree
                    kind: single
                    title: "Agree?"
                    question: "Do you agree?"
                    options: [Yes, No, Maybe]
                    duration: 1m
                """);

        StepSpec step = content.load().find("alpha", "en").orElseThrow().steps().get(0);

        assertThat(step.poll().options()).containsExactly("Yes", "No", "Maybe");
    }

    @Test
    void a_file_that_is_not_utf8_is_reported() throws IOException {
        Path file = tempDir.resolve("alpha/en.yaml");
        Files.createDirectories(file.getParent());
        Files.write(file, (ContentDir.header("alpha", "en") + "  - title: \"Caf\u00e9\"\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(content.errors()).containsExactly("alpha/en.yaml: the file is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void a_byte_order_mark_is_tolerated() throws ContentException {
        content.write("alpha/en.yaml", "\uFEFF" + ContentDir.header("alpha", "en") + """
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                """);

        assertThat(content.load().all()).hasSize(1);
    }

    @Test
    void yaml_aliases_are_refused_with_their_line() {
        content.template("alpha", "en", """
                  - &first
                    id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                  - *first
                """);

        assertThat(content.errors()).singleElement().asString()
                .startsWith("alpha/en.yaml:11: steps[1]: ")
                .contains("aliases");
    }
}
