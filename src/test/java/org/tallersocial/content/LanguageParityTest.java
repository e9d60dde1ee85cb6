package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every language of a template is the same workshop: a facilitator who switches language, and
 * the reports that compare workshops across languages, rely on the same steps with the same
 * settings in the same order. Only the words differ.
 */
class LanguageParityTest {

    private static TemplateCatalog catalog;

    @BeforeAll
    static void loadShippedContent() throws ContentException {
        catalog = ShippedContentTest.load();
    }

    /** What must not differ between languages: everything but the wording. */
    record Shape(
            String id,
            StepKind kind,
            int durationSeconds,
            Integer options,
            Integer maxPicks,
            Double min,
            Double max,
            Integer maxWords,
            Integer maxLength,
            Double truth,
            String unit,
            Boolean hideResults,
            boolean labelled,
            boolean sourced,
            boolean hasBody,
            Integer networks,
            Integer roles,
            Integer activities,
            boolean prompted) {

        static Shape of(StepSpec s) {
            StepSpec.PollSpec p = s.poll();
            StepSpec.ExerciseSpec e = s.exercise();
            return new Shape(s.id(), s.kind(), s.durationSeconds(),
                    p == null || p.options() == null ? null : p.options().size(),
                    p == null ? null : p.maxPicks(),
                    p == null ? null : p.min(),
                    p == null ? null : p.max(),
                    p == null ? null : p.maxWords(),
                    p == null ? null : p.maxLength(),
                    p == null ? null : p.truth(),
                    p == null ? null : p.unit(),
                    p == null ? null : p.hideResults(),
                    p != null && (p.minLabel() != null || p.maxLabel() != null),
                    p != null && p.source() != null,
                    s.body() != null,
                    e == null || e.networks() == null ? null : e.networks().size(),
                    e == null || e.roles() == null ? null : e.roles().size(),
                    e == null || e.activities() == null ? null : e.activities().size(),
                    e != null && e.prompt() != null);
        }
    }

    private static Map<String, List<WorkshopTemplate>> byId() {
        return catalog.all().stream().collect(Collectors.groupingBy(WorkshopTemplate::id, TreeMap::new,
                Collectors.toList()));
    }

    @Test
    void every_template_ships_in_every_language() {
        assertThat(byId()).isNotEmpty().allSatisfy((id, languages) -> assertThat(languages)
                .as(id).extracting(WorkshopTemplate::language).containsExactlyElementsOf(ShippedContentTest.LANGUAGES));
    }

    @Test
    void every_language_has_the_same_steps_kinds_and_settings_in_the_same_order() {
        byId().forEach((id, languages) -> {
            WorkshopTemplate english = languages.get(0);
            List<Shape> expected = english.steps().stream().map(Shape::of).toList();
            for (WorkshopTemplate other : languages.subList(1, languages.size())) {
                assertThat(other.steps().stream().map(Shape::of).toList())
                        .as(id + "/" + other.language() + " against " + id + "/en")
                        .containsExactlyElementsOf(expected);
                assertThat(other.plannedSeconds()).isEqualTo(english.plannedSeconds());
            }
        });
    }

    @Test
    void brand_names_of_networks_stay_the_same_in_every_language() {
        List<String> brands = List.of("LinkedIn", "X / Twitter", "Facebook", "Instagram", "TikTok", "YouTube");
        for (String language : ShippedContentTest.LANGUAGES) {
            WorkshopTemplate template = catalog.find("social-business", language).orElseThrow();
            StepSpec profiles = step(template, "link-profiles");
            StepSpec icebreaker = step(template, "networks-used");
            assertThat(profiles.exercise().networks()).as(language).startsWith(brands.toArray(String[]::new));
            assertThat(icebreaker.poll().options()).as(language).startsWith(brands.toArray(String[]::new));
        }
    }

    @Test
    void every_language_is_really_translated() {
        byId().forEach((id, languages) -> {
            WorkshopTemplate english = languages.get(0);
            for (WorkshopTemplate other : languages.subList(1, languages.size())) {
                assertThat(other.title()).as(id).isNotEqualTo(english.title());
                assertThat(other.description()).as(id).isNotEqualTo(english.description());
                for (int i = 0; i < english.steps().size(); i++) {
                    StepSpec en = english.steps().get(i);
                    StepSpec translated = other.steps().get(i);
                    assertThat(translated.notes()).as(id + " " + en.id()).isNotEqualTo(en.notes());
                    if (en.poll() != null) {
                        assertThat(translated.poll().question()).as(id + " " + en.id())
                                .isNotEqualTo(en.poll().question());
                    }
                }
            }
        });
    }

    static StepSpec step(WorkshopTemplate template, String id) {
        return template.steps().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(template.id() + "/" + template.language() + " has no step " + id));
    }
}
