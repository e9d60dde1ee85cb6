package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The content that ships with the product must always load, and carry real workshops. */
class ShippedContentTest {

    static final List<String> LANGUAGES = List.of("en", "es");
    /** A projector carries a title and a few short lines; the loader's 600 characters is the hard cap. */
    static final int MAX_BODY_LINES = 6;
    static final int MAX_BODY_LINE_CHARS = 80;

    private static TemplateCatalog catalog;

    @BeforeAll
    static void loadShippedContent() throws ContentException {
        catalog = load();
    }

    /** Maven runs tests from the project root, where workshop-content lives. */
    static TemplateCatalog load() throws ContentException {
        return TemplateCatalog.load(Path.of("workshop-content"));
    }

    @Test
    void the_shipped_content_offers_both_templates_in_english_and_spanish() {
        assertThat(catalog.all()).extracting(t -> t.id() + "/" + t.language())
                .containsExactly("follow-up/en", "follow-up/es", "social-business/en", "social-business/es");
        assertThat(catalog.all()).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.description()).isNotBlank();
        });
    }

    @Test
    void the_social_business_workshop_plans_an_hour_to_an_hour_and_a_half_in_every_language() {
        for (String language : LANGUAGES) {
            WorkshopTemplate template = catalog.find("social-business", language).orElseThrow();
            assertThat(template.steps()).as(language).hasSizeGreaterThanOrEqualTo(20);
            assertThat(template.plannedSeconds()).as(language).isBetween(60 * 60, 90 * 60);
        }
    }

    @Test
    void the_follow_up_plans_about_twenty_minutes_in_every_language() {
        for (String language : LANGUAGES) {
            WorkshopTemplate template = catalog.find("follow-up", language).orElseThrow();
            assertThat(template.plannedSeconds()).as(language).isBetween(15 * 60, 25 * 60);
        }
    }

    @Test
    void the_social_business_workshop_uses_every_kind_of_step() {
        for (String language : LANGUAGES) {
            assertThat(catalog.find("social-business", language).orElseThrow().steps())
                    .as(language).extracting(StepSpec::kind).contains(StepKind.values());
        }
    }

    @Test
    void every_shipped_step_carries_facilitator_notes_and_a_planned_duration() {
        for (WorkshopTemplate template : catalog.all()) {
            assertThat(template.steps()).as(template.id() + "/" + template.language()).allSatisfy(s -> {
                assertThat(s.notes()).as(s.id()).isNotBlank();
                assertThat(s.durationSeconds()).as(s.id()).isGreaterThanOrEqualTo(30);
            });
        }
    }

    @Test
    void every_slide_body_fits_a_projector_in_a_few_short_lines() {
        for (WorkshopTemplate template : catalog.all()) {
            for (StepSpec step : template.steps()) {
                if (step.body() == null) {
                    continue;
                }
                String where = template.id() + "/" + template.language() + " " + step.id();
                List<String> lines = step.body().lines().toList();
                assertThat(lines).as(where).hasSizeLessThanOrEqualTo(MAX_BODY_LINES);
                assertThat(lines).as(where).allSatisfy(line ->
                        assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(MAX_BODY_LINE_CHARS));
            }
        }
    }

    @Test
    void every_slide_has_a_body_and_every_exercise_its_data() {
        for (WorkshopTemplate template : catalog.all()) {
            for (StepSpec step : template.steps()) {
                String where = template.id() + "/" + template.language() + " " + step.id();
                if (step.kind() == StepKind.SLIDE) {
                    assertThat(step.body()).as(where).isNotBlank();
                }
                assertThat(step.exercise() != null).as(where).isEqualTo(step.kind().isExercise());
                assertThat(step.poll() != null).as(where).isEqualTo(step.kind().isPoll());
            }
        }
    }

    @Test
    void an_unknown_template_or_language_is_not_found() {
        assertThat(catalog.find("social-business", "xx")).isEmpty();
        assertThat(catalog.find("no-such-template", "en")).isEmpty();
    }
}
