package org.tallersocial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The message bundles stay in step: every text in both languages, with the same placeholders, and every text used. */
class TextsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SCRIPTS = Path.of("src/main/resources/public/js");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    /** Keys built by the code, not written out: the stems "title" and "company" get these endings in WorkshopService. */
    private static final Set<String> BUILT_KEYS = Set.of(
            "refusal.title_empty", "refusal.title_too_long", "refusal.company_empty", "refusal.company_too_long");

    /**
     * HttpErrors looks up "http.heading." and "http.status." followed by the status of an error thrown as an
     * exception; such a text is used when the code throws that status somewhere. Javalin throws 400s of its
     * own (a parameter that does not convert), which reach HttpErrors as any HttpResponseException.
     */
    private static final Map<String, List<String>> STATUS_THROWN_BY = Map.of(
            "400", List.of("BadRequestResponse", "HttpResponseException.class"),
            "401", List.of("UnauthorizedResponse"),
            "403", List.of("ForbiddenResponse"),
            "404", List.of("NotFoundResponse", "routes.error(404"),
            "500", List.of("Exception.class"));

    @Test
    void every_text_exists_in_english_and_spanish() {
        Map<String, String> en = bundle("en");
        Map<String, String> es = bundle("es");
        assertThat(es.keySet()).as("keys in English but not in Spanish")
                .containsAll(en.keySet());
        assertThat(en.keySet()).as("keys in Spanish but not in English")
                .containsAll(es.keySet());
        assertThat(en).hasSizeGreaterThan(100);
    }

    @Test
    void no_key_is_written_twice() {
        for (String lang : Texts.LANGUAGES) {
            try {
                List<String> keys = Files.readAllLines(BUNDLES.resolve("texts_" + lang + ".properties"),
                                StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                        .map(line -> line.substring(0, line.indexOf('=')).trim()).toList();
                Set<String> seen = new TreeSet<>();
                List<String> twice = keys.stream().filter(k -> !seen.add(k)).toList();
                assertThat(twice).as("keys written twice in %s (the last one silently wins)", lang).isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void no_text_is_empty() {
        for (String lang : Texts.LANGUAGES) {
            List<String> empty = bundle(lang).entrySet().stream().filter(e -> e.getValue().isBlank())
                    .map(Map.Entry::getKey).toList();
            assertThat(empty).as("empty texts in %s", lang).isEmpty();
        }
    }

    @Test
    void both_languages_fill_the_same_placeholders() {
        Map<String, String> en = bundle("en");
        Map<String, String> es = bundle("es");
        List<String> mismatched = new ArrayList<>();
        en.forEach((key, text) -> {
            if (es.containsKey(key) && !placeholders(text).equals(placeholders(es.get(key)))) {
                mismatched.add(key + ": " + text + " | " + es.get(key));
            }
        });
        assertThat(mismatched).as("texts whose {n} differ between English and Spanish").isEmpty();
    }

    @Test
    void every_text_is_used_somewhere() {
        String templates = read(TEMPLATES, ".peb");
        String scripts = read(SCRIPTS, ".js");
        String java = read(JAVA, ".java");
        String everywhere = templates + scripts + java;
        List<String> unused = new ArrayList<>();
        for (String key : new TreeSet<>(bundle("en").keySet())) {
            if (!isUsed(key, everywhere, scripts, java)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("texts no template, script or class uses: remove them, or use them").isEmpty();
    }

    @Test
    void every_text_a_page_asks_for_exists() {
        Set<String> keys = bundle("en").keySet();
        Set<String> asked = new TreeSet<>();
        // A key built from a prefix (t('js.reaction.' + r.key)) is checked by the rule for built keys.
        Matcher inTemplates = Pattern.compile("\\bt\\('([a-z0-9_.]+)'\\s*[,)]").matcher(read(TEMPLATES, ".peb"));
        while (inTemplates.find()) {
            asked.add(inTemplates.group(1));
        }
        Matcher inScripts = Pattern.compile("\\bt\\('([a-z0-9_]+)'").matcher(read(SCRIPTS, ".js"));
        while (inScripts.find()) {
            asked.add("js." + inScripts.group(1));
        }
        assertThat(asked).hasSizeGreaterThan(100);
        assertThat(keys).as("texts asked for by t('...') in templates and scripts").containsAll(asked);
    }

    @Test
    void scripts_get_only_the_js_texts_in_the_page_language() {
        Texts texts = new Texts();
        Map<String, String> es = texts.forScripts(Locale.forLanguageTag("es"));
        assertThat(es).containsEntry("send", "Enviar").doesNotContainKey("js.send")
                .allSatisfy((k, v) -> assertThat(k).doesNotStartWith("js.").doesNotContain("error."));
        assertThat(texts.forScripts(Locale.ENGLISH)).containsEntry("send", "Send");
    }

    @Test
    void one_point_is_one_point_in_both_languages() {
        Texts texts = new Texts();
        Locale es = Locale.forLanguageTag("es");
        assertThat(texts.get(es, "js.points_one", 1)).isEqualTo("1 pto.");
        assertThat(texts.get(es, "js.points_many", 3)).isEqualTo("3 ptos.");
        assertThat(texts.get(es, "report.points_one", 1)).isEqualTo("1 punto");
        assertThat(texts.get(Locale.ENGLISH, "report.points_one", 1)).isEqualTo("1 point");
        assertThat(texts.get(Locale.ENGLISH, "js.points_many", 2)).isEqualTo("2 pts");
    }

    @Test
    void numbers_in_texts_are_written_for_the_language() {
        Texts texts = new Texts();
        assertThat(texts.get(Locale.forLanguageTag("es"), "js.answers_many", 1234)).isEqualTo("1.234 respuestas");
        assertThat(texts.get(Locale.ENGLISH, "js.answers_many", 1234)).isEqualTo("1,234 answers");
    }

    private static boolean isUsed(String key, String everywhere, String scripts, String java) {
        if (quoted(everywhere, key) || BUILT_KEYS.contains(key)) {
            return true;
        }
        if (key.startsWith("js.") && quoted(scripts, key.substring(3))) {
            return true;
        }
        // The agenda editor names a field's label and hint, and a new step's title, by the content format's words.
        for (String prefix : List.of("js.console.agenda.field.", "js.console.agenda.hint.", "js.console.agenda.new.")) {
            String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
            if (rest != null && (quoted(scripts, rest)
                    || org.tallersocial.content.StepKind.fromKey(rest).isPresent())) {
                return true;
            }
        }
        // A reaction's label is named by its key in the palette.
        if (key.startsWith("js.reaction.")
                && org.tallersocial.reactions.Reaction.of(key.substring("js.reaction.".length())).isPresent()) {
            return true;
        }
        Matcher status = Pattern.compile("^http\\.(?:heading|status)\\.(\\d{3})$").matcher(key);
        if (status.matches()) {
            return STATUS_THROWN_BY.getOrDefault(status.group(1), List.of()).stream().anyMatch(java::contains);
        }
        // Refusals and errors name their text by the rest of the key: new Refused("code", "bad_json").
        for (String prefix : List.of("error.", "refusal.", "http.", "auth.problem.")) {
            if (key.startsWith(prefix) && quoted(java, key.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean quoted(String source, String text) {
        return source.contains("'" + text + "'") || source.contains("\"" + text + "\"");
    }

    private static Set<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, String> bundle(String lang) {
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve("texts_" + lang + ".properties"),
                StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            Map<String, String> out = new TreeMap<>();
            p.forEach((k, v) -> out.put((String) k, (String) v));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
