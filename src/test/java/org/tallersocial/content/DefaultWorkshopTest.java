package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.content.LanguageParityTest.step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped workshops hold what the workshop design (WORKSHOP.md) prescribes: its nine
 * parts in a sensible order, the polls it suggests, the exercises with their default data, and
 * only the survey figures the source publishes.
 */
class DefaultWorkshopTest {

    /**
     * Every figure of the Gartner webinar survey quoted in «Estrategia para las redes sociales en
     * las organizaciones» (WORKSHOP.md, part 3). Why companies adopt social networks: customer
     * relationships 44, brand image 29, employee collaboration 27, partners and management goals 0.
     * Who drives them: business units 49, scattered initiatives 30, a steering committee 13, IT 8,
     * HR 0. Whom they target: marketing and sales 60, employees 17, call centre 3, partners 1;
     * 19 had no initiative at all.
     */
    private static final Set<Integer> PUBLISHED_PERCENTAGES = Set.of(44, 29, 27, 0, 49, 30, 13, 8, 60, 17, 3, 1, 19);

    /** The truth each guess reveals, and the other figures of the same question its notes give. */
    private static final Map<String, Integer> GUESS_TRUTHS = Map.of(
            "guess-why-adopt", 44,
            "guess-who-drives", 49,
            "guess-who-targets", 60,
            "guess-no-initiative", 19);
    private static final Map<String, Set<Integer>> GUESS_NOTE_FIGURES = Map.of(
            "guess-why-adopt", Set.of(29, 27, 0),
            "guess-who-drives", Set.of(30, 13, 8, 0),
            "guess-who-targets", Set.of(17, 3, 1, 19),
            "guess-no-initiative", Set.of());

    /** The eight internal dimensions of part 4, one anonymous scale each. */
    private static final List<String> DIMENSIONS = List.of("inside-organisation", "inside-culture",
            "inside-communication", "inside-decisions", "inside-empowerment", "inside-collaboration",
            "inside-knowledge", "inside-tools");

    private static final Pattern PERCENTAGE = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s?%");

    private static WorkshopTemplate template(String id, String language) throws ContentException {
        return ShippedContentTest.load().find(id, language).orElseThrow();
    }

    private static int indexOf(WorkshopTemplate template, String id) {
        return template.steps().indexOf(step(template, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void the_nine_parts_come_in_order(String language) throws ContentException {
        WorkshopTemplate t = template("social-business", language);
        // One step that stands for each part, in the order WORKSHOP.md gives them.
        List<String> parts = List.of(
                "who-speaks",          // 1. an attitude, not a hire
                "sort-activities",     // 2. marketing is not management
                "guess-why-adopt",     // 3. where companies stand
                "inside-organisation", // 4. inside first
                "link-profiles",       // 5. linking personal and company profiles
                "roles",               // 6. roles and responsibilities
                "success-factors",     // 7. success factors
                "commitments",         // 8. the roadmap
                "questions");          // 9. conversation
        List<Integer> positions = parts.stream().map(id -> indexOf(t, id)).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(t.steps().get(0).kind()).isEqualTo(StepKind.SLIDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void part_one_opens_with_the_icebreaker_and_asks_who_speaks_for_us(String language) throws ContentException {
        WorkshopTemplate t = template("social-business", language);
        StepSpec icebreaker = step(t, "networks-used");
        StepSpec whoSpeaks = step(t, "who-speaks");

        assertThat(icebreaker.kind()).isEqualTo(StepKind.MULTIPLE);
        assertThat(icebreaker.poll().hideResults()).isFalse();
        assertThat(whoSpeaks.kind()).isEqualTo(StepKind.SINGLE);
        assertThat(whoSpeaks.poll().hideResults()).isTrue();
        assertThat(indexOf(t, "networks-used")).isLessThan(indexOf(t, "who-speaks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void part_two_sorts_activities_and_asks_for_the_impact_on_the_business(String language) throws ContentException {
        WorkshopTemplate t = template("social-business", language);
        StepSpec sorting = step(t, "sort-activities");

        assertThat(sorting.kind()).isEqualTo(StepKind.MULTIPLE);
        assertThat(sorting.poll().options()).hasSizeBetween(6, 10);
        assertThat(sorting.poll().maxPicks()).isEqualTo(sorting.poll().options().size());
        assertThat(sorting.poll().hideResults()).isTrue();
        assertThat(step(t, "social-impact").kind()).isEqualTo(StepKind.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void part_three_has_the_three_survey_guesses_revealed_after_voting(String language) throws ContentException {
        List<StepSpec> guesses = template("social-business", language).steps().stream()
                .filter(s -> s.kind() == StepKind.GUESS)
                .toList();

        assertThat(guesses).extracting(StepSpec::id)
                .containsExactly("guess-why-adopt", "guess-who-drives", "guess-who-targets");
        assertThat(guesses).extracting(s -> s.poll().truth()).containsExactly(44.0, 49.0, 60.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void part_four_has_eight_anonymous_one_to_five_scales_in_a_row(String language) throws ContentException {
        WorkshopTemplate t = template("social-business", language);
        int first = indexOf(t, DIMENSIONS.get(0));

        assertThat(t.steps().subList(first, first + DIMENSIONS.size())).extracting(StepSpec::id)
                .containsExactlyElementsOf(DIMENSIONS);
        assertThat(DIMENSIONS).allSatisfy(id -> {
            StepSpec scale = step(t, id);
            assertThat(scale.kind()).as(id).isEqualTo(StepKind.SCALE);
            assertThat(scale.poll().min()).as(id).isEqualTo(1.0);
            assertThat(scale.poll().max()).as(id).isEqualTo(5.0);
            assertThat(scale.poll().hideResults()).as(id).isTrue();
            assertThat(scale.durationSeconds()).as(id).isLessThanOrEqualTo(90);
        });
        assertThat(t.steps().get(first - 1).kind()).isEqualTo(StepKind.SLIDE);
        assertThat(t.steps().get(first + DIMENSIONS.size()).kind()).isEqualTo(StepKind.SLIDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void part_five_goes_through_the_networks_and_the_companys_own_channels(String language)
            throws ContentException {
        WorkshopTemplate t = template("social-business", language);
        List<StepSpec> profiles = t.steps().stream().filter(s -> s.kind() == StepKind.PROFILES).toList();

        assertThat(profiles).singleElement().extracting(StepSpec::id).isEqualTo("link-profiles");
        assertThat(profiles.get(0).exercise().networks()).hasSize(8)
                .startsWith("LinkedIn", "X / Twitter", "Facebook", "Instagram", "TikTok", "YouTube")
                .contains("WhatsApp Business");
        assertThat(t.steps().get(indexOf(t, "link-profiles") - 1).kind()).isEqualTo(StepKind.SLIDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void part_six_maps_the_ten_default_activities_against_the_eight_default_roles(String language)
            throws ContentException {
        List<StepSpec> raci = template("social-business", language).steps().stream()
                .filter(s -> s.kind() == StepKind.RACI)
                .toList();

        assertThat(raci).singleElement().satisfies(s -> {
            assertThat(s.exercise().roles()).hasSize(8);
            assertThat(s.exercise().activities()).hasSize(10);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void parts_seven_and_eight_rank_the_success_factors_and_the_roadmap_then_collect_ideas_and_commitments(
            String language) throws ContentException {
        WorkshopTemplate t = template("social-business", language);

        assertThat(step(t, "success-factors").kind()).isEqualTo(StepKind.RANKING);
        assertThat(step(t, "success-factors").poll().options()).hasSize(5);
        assertThat(step(t, "roadmap").kind()).isEqualTo(StepKind.RANKING);
        assertThat(step(t, "roadmap-steps").body().lines()).hasSize(4);
        assertThat(step(t, "ideas").kind()).isEqualTo(StepKind.IDEAS);
        assertThat(step(t, "commitments").kind()).isEqualTo(StepKind.COMMITMENTS);
        assertThat(List.of("roadmap-steps", "roadmap", "ideas", "commitments"))
                .extracting(id -> indexOf(t, id)).isSorted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void the_workshop_closes_with_questions_a_word_cloud_and_a_usefulness_scale(String language)
            throws ContentException {
        List<StepSpec> steps = template("social-business", language).steps();
        List<StepSpec> last = steps.subList(steps.size() - 3, steps.size());

        assertThat(last).extracting(StepSpec::id).containsExactly("questions", "one-word", "usefulness");
        assertThat(last).extracting(StepSpec::kind).containsExactly(StepKind.SLIDE, StepKind.WORDCLOUD, StepKind.SCALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void the_notes_meet_the_objections_the_workshop_must_face(String language) throws ContentException {
        String notes = String.join("\n", template("social-business", language).steps().stream()
                .map(StepSpec::notes).toList());
        List<String> objections = language.equals("en")
                ? List.of("disbelief", "no time", "not my job", "link profiles")
                : List.of("incredulidad", "no tengo tiempo", "esto no va conmigo", "vincule sus perfiles");

        assertThat(notes.toLowerCase(Locale.ROOT)).contains(objections);
    }

    @ParameterizedTest
    @ValueSource(strings = {"social-business/en", "social-business/es", "follow-up/en", "follow-up/es"})
    void every_guess_reveals_a_figure_published_by_the_survey(String template) throws ContentException {
        String[] idAndLanguage = template.split("/");
        List<StepSpec> guesses = template(idAndLanguage[0], idAndLanguage[1]).steps().stream()
                .filter(s -> s.kind() == StepKind.GUESS)
                .toList();

        assertThat(guesses).isNotEmpty().allSatisfy(s -> {
            assertThat(GUESS_TRUTHS).as("a new guess needs its published figure here").containsKey(s.id());
            assertThat(s.poll().truth()).as(s.id()).isEqualTo(GUESS_TRUTHS.get(s.id()).doubleValue());
            assertThat(s.poll().unit()).isEqualTo("%");
            assertThat(s.poll().min()).isEqualTo(0.0);
            assertThat(s.poll().max()).isEqualTo(100.0);
            assertThat(s.poll().hideResults()).isTrue();
            assertThat(s.poll().source()).contains("Gartner", "«Estrategia para las redes sociales en las organizaciones»");
            assertThat(percentages(s.notes())).as(s.id() + " notes").isEqualTo(GUESS_NOTE_FIGURES.get(s.id()));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"social-business/en", "social-business/es", "follow-up/en", "follow-up/es"})
    void every_percentage_anywhere_in_the_content_is_a_published_figure(String template) throws ContentException {
        String[] idAndLanguage = template.split("/");
        WorkshopTemplate t = template(idAndLanguage[0], idAndLanguage[1]);
        List<String> texts = new ArrayList<>(List.of(t.title(), t.description()));
        for (StepSpec s : t.steps()) {
            Stream.of(s.title(), s.body(), s.notes()).forEach(texts::add);
            if (s.poll() != null) {
                texts.add(s.poll().question());
                texts.add(s.poll().source());
                if (s.poll().options() != null) {
                    texts.addAll(s.poll().options());
                }
            }
            if (s.exercise() != null) {
                texts.add(s.exercise().prompt());
            }
        }

        for (String text : texts) {
            assertThat(PUBLISHED_PERCENTAGES).as(text).containsAll(percentages(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void the_follow_up_checks_commitments_takes_a_pulse_and_sets_new_commitments(String language)
            throws ContentException {
        WorkshopTemplate followUp = template("follow-up", language);
        WorkshopTemplate main = template("social-business", language);
        List<StepSpec> pulse = followUp.steps().stream().filter(s -> s.kind() == StepKind.SCALE).toList();

        assertThat(followUp.steps()).extracting(StepSpec::kind)
                .contains(StepKind.SINGLE, StepKind.GUESS, StepKind.COMMITMENTS, StepKind.WORDCLOUD);
        assertThat(pulse).hasSizeBetween(2, 3).allSatisfy(s -> {
            // The same statement as in the main workshop, or the answers could not be compared.
            assertThat(DIMENSIONS).contains(s.id());
            assertThat(s.poll()).isEqualTo(step(main, s.id()).poll());
        });
        assertThat(followUp.steps().get(followUp.steps().size() - 1).kind()).isEqualTo(StepKind.WORDCLOUD);
    }

    private static Set<Integer> percentages(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<Integer> found = new HashSet<>();
        Matcher m = PERCENTAGE.matcher(text);
        while (m.find()) {
            found.add((int) Math.round(Double.parseDouble(m.group(1).replace(',', '.'))));
        }
        return found;
    }
}
