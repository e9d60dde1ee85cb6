package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The content that ships with the product must always load, and carry a real workshop. */
class ShippedContentTest {

    private static TemplateCatalog catalog;

    @BeforeAll
    static void loadShippedContent() throws ContentException {
        // Maven runs tests from the project root, where workshop-content lives.
        catalog = TemplateCatalog.load(Path.of("workshop-content"));
    }

    private static WorkshopTemplate socialBusiness() {
        return catalog.find("social-business", "en").orElseThrow();
    }

    @Test
    void the_shipped_content_loads_and_offers_the_social_business_workshop_in_english() {
        assertThat(catalog.all()).extracting(WorkshopTemplate::id).contains("social-business");
        assertThat(socialBusiness().title()).isNotBlank();
        assertThat(socialBusiness().description()).isNotBlank();
    }

    @Test
    void the_social_business_workshop_has_a_full_agenda_of_an_hour_to_an_hour_and_a_half() {
        WorkshopTemplate template = socialBusiness();
        assertThat(template.steps()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(template.plannedSeconds()).isBetween(60 * 60, 90 * 60);
    }

    @Test
    void the_gartner_guesses_reveal_the_published_figures() {
        List<StepSpec> guesses = socialBusiness().steps().stream()
                .filter(s -> s.kind() == StepKind.GUESS)
                .toList();
        assertThat(guesses).extracting(s -> s.poll().truth()).containsExactly(44.0, 49.0, 60.0);
        assertThat(guesses).allSatisfy(s -> {
            assertThat(s.poll().min()).isEqualTo(0.0);
            assertThat(s.poll().max()).isEqualTo(100.0);
            assertThat(s.poll().unit()).isEqualTo("%");
            assertThat(s.poll().source()).contains("Gartner");
            assertThat(s.poll().hideResults()).isTrue();
        });
    }

    @Test
    void the_social_business_workshop_uses_every_kind_of_step() {
        assertThat(socialBusiness().steps()).extracting(StepSpec::kind).contains(StepKind.values());
    }

    @Test
    void every_step_of_the_shipped_workshop_carries_facilitator_notes() {
        assertThat(socialBusiness().steps()).allSatisfy(s -> assertThat(s.notes()).isNotBlank());
    }

    @Test
    void an_unknown_template_or_language_is_not_found() {
        assertThat(catalog.find("social-business", "xx")).isEmpty();
        assertThat(catalog.find("no-such-template", "en")).isEmpty();
    }
}
