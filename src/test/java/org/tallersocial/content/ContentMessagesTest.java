package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tallersocial.web.Texts;

/**
 * The agenda editor shows each problem next to its field in the facilitator's language, while files and the
 * command line keep reading English: the same problem, worded from the bundles in either language.
 */
class ContentMessagesTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Texts that read the same in both languages on purpose: brand names. */
    private static final Set<String> SAME_IN_BOTH = Set.of("content.example.networks");

    private static ObjectNode step(String id, String kind) {
        ObjectNode step = NODES.objectNode();
        step.put("id", id);
        step.put("kind", kind);
        step.put("title", "A title");
        step.put("duration", "2m");
        return step;
    }

    private static ContentError problemAt(String path, ObjectNode... steps) {
        ArrayNode list = NODES.arrayNode();
        List.of(steps).forEach(list::add);
        List<ContentError> problems = Agenda.check(list).problems();
        return problems.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + problems));
    }

    /** The English message is the one the files' checker prints after file, line and path. */
    private static void assertEnglishAsRendered(ContentError problem) {
        assertThat(problem.render()).isEqualTo(problem.file() + ":" + problem.line() + ": " + problem.path() + ": "
                + problem.message(Locale.ENGLISH));
    }

    @Test
    void a_missing_question_reads_as_required_in_either_language() {
        ContentError problem = problemAt("steps[0].question", step("who", "single").put("options", "x"));

        assertThat(problem.key()).isEqualTo("content.required");
        assertThat(problem.message(Locale.ENGLISH)).isEqualTo("is required");
        assertThat(problem.message(SPANISH)).isEqualTo("es obligatorio");
        assertEnglishAsRendered(problem);
    }

    @Test
    void too_few_options_names_the_poll_kind_in_the_readers_language() {
        ObjectNode poll = step("who", "single").put("question", "Who?");
        poll.putArray("options").add("Only one");

        ContentError problem = problemAt("steps[0].options", poll);

        assertThat(problem.message(Locale.ENGLISH)).isEqualTo("a single-choice poll needs 2 to 12 options, not 1");
        assertThat(problem.message(SPANISH)).contains("una encuesta de opción única", "necesita", "options")
                .doesNotContain("poll", "needs");
        assertEnglishAsRendered(problem);
    }

    @Test
    void a_bad_duration_describes_the_typed_value_in_the_readers_language() {
        ContentError problem = problemAt("steps[0].duration", step("hello", "slide").put("duration", "90 minutes"));

        assertThat(problem.message(Locale.ENGLISH))
                .isEqualTo("expected a duration such as 90s, 3m or 1m30s but found text \"90 minutes\"");
        assertThat(problem.message(SPANISH)).contains("se esperaba una duración", "el texto \"90 minutes\"")
                .doesNotContain("expected", "found", "text \"");
        assertEnglishAsRendered(problem);
    }

    @Test
    void an_unknown_field_suggests_the_likely_one_in_the_readers_language() {
        ContentError problem = problemAt("steps[0].questoin",
                step("who", "text").put("question", "Who?").put("questoin", "Who?"));

        assertThat(problem.message(Locale.ENGLISH)).isEqualTo("unknown field; did you mean 'question'?");
        assertThat(problem.message(SPANISH)).isEqualTo("campo desconocido; ¿querías decir 'question'?");
        assertEnglishAsRendered(problem);
    }

    @Test
    void a_field_another_kind_takes_names_this_kind_in_the_readers_language() {
        ObjectNode slide = step("hello", "slide");
        slide.putArray("options").add("Yes").add("No");

        ContentError problem = problemAt("steps[0].options", slide);

        assertThat(problem.message(Locale.ENGLISH))
                .isEqualTo("does not apply to a slide (it belongs to single, multiple, ranking, quiz)");
        assertThat(problem.message(SPANISH))
                .isEqualTo("no se aplica a una diapositiva (es propio de: single, multiple, ranking, quiz)");
        assertEnglishAsRendered(problem);
    }

    @Test
    void a_language_without_texts_reads_english() {
        ContentError problem = problemAt("steps[0].question", step("who", "single").put("options", "x"));

        assertThat(problem.message(Locale.GERMAN)).isEqualTo("is required");
    }

    @Test
    void every_content_text_exists_in_english_and_spanish() {
        Texts texts = new Texts();
        Set<String> english = contentKeys(texts, "en");

        assertThat(english).hasSizeGreaterThan(50);
        assertThat(contentKeys(texts, "es")).isEqualTo(english);
        for (String key : english) {
            assertThat(texts.get(Locale.ENGLISH, key)).as(key).isNotBlank();
            assertThat(texts.get(SPANISH, key)).as(key).isNotBlank();
            if (!SAME_IN_BOTH.contains(key)) {
                assertThat(texts.get(SPANISH, key)).as(key + " is translated")
                        .isNotEqualTo(texts.get(Locale.ENGLISH, key));
            }
        }
    }

    /** A key the code names but the bundles lack would show the raw key to the facilitator. */
    @Test
    void every_content_text_the_checks_name_exists() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern key = Pattern.compile("\"(content\\.[a-z0-9_.]+)\"");
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/tallersocial/content"))) {
            for (Path source : sources.toList()) {
                Matcher m = key.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(contentKeys(new Texts(), "en")).containsAll(named);
    }

    private static Set<String> contentKeys(Texts texts, String language) {
        Set<String> keys = new TreeSet<>();
        texts.keys(language).stream().filter(k -> k.startsWith("content.")).forEach(keys::add);
        return keys;
    }
}
