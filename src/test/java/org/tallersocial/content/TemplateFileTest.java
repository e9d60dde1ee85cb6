package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A template downloaded as a file reads back as the same template; a wrong upload says its line and field. */
class TemplateFileTest {

    @Test
    void every_shipped_template_survives_a_download_and_an_upload_unchanged() throws ContentException {
        for (WorkshopTemplate t : ShippedContentTest.load().all()) {
            String file = TemplateFile.write(t);
            TemplateFile.Read back = TemplateFile.read(t.id() + ".yaml", file.getBytes(StandardCharsets.UTF_8));
            assertThat(back.problems()).as(t.id() + "/" + t.language()).isEmpty();
            assertThat(back.template()).contains(t);
        }
    }

    @Test
    void a_wrong_upload_is_refused_with_each_problem_at_its_line_and_field_in_the_readers_language() {
        String file = """
                id: bakery
                language: en
                title: "Our bakery"
                steps:
                  - id: who
                    kind: single
                    title: "Who speaks?"
                    question: "Who answers customers online?"
                    options: ["Everyone"]
                    duration: 2m
                  - id: scale
                    kind: scale
                    title: "How well?"
                    question: "How well do we share news?"
                    min: 1
                    max: 50
                    duration: 90 seconds
                """;
        TemplateFile.Read read = TemplateFile.read("bakery.yaml", file.getBytes(StandardCharsets.UTF_8));

        assertThat(read.template()).isEmpty();
        assertThat(read.problems()).extracting(e -> e.line() + " " + e.path())
                .containsExactly("9 steps[0].options", "16 steps[1].max", "17 steps[1].duration");
        assertThat(read.problems().get(0).render()).startsWith("bakery.yaml:9: steps[0].options: ");
        assertThat(read.problems().get(0).message(Locale.forLanguageTag("es"))).contains("necesita entre 2 y 12");
    }

    @Test
    void an_upload_names_a_valid_id_and_a_language_the_kit_speaks() {
        String file = "id: Bakery Team\nlanguage: de\ntitle: \"x\"\nsteps:\n  - {id: a, kind: slide, title: A, duration: 1m}\n";
        TemplateFile.Read read = TemplateFile.read("x.yaml", file.getBytes(StandardCharsets.UTF_8));
        assertThat(read.problems()).extracting(ContentError::path).containsExactly("id", "language");
        assertThat(TemplateFile.read("x.yaml", new byte[] {(byte) 0xff, 'a'}).problems())
                .extracting(ContentError::key).containsExactly("content.not_utf8");
    }
}
