package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of each step kind. Every step here is written into alpha/en.yaml after a five-line
 * header, so the first step starts on line 6 and its second field is on line 7.
 */
class StepValidationTest {

    @TempDir
    Path tempDir;

    private ContentDir content;

    @BeforeEach
    void setUp() {
        content = new ContentDir(tempDir);
    }

    private List<String> errorsOf(String steps) {
        return content.template("alpha", "en", steps).errors();
    }

    private StepSpec load(String step) throws ContentException {
        content.template("alpha", "en", step);
        return content.load().find("alpha", "en").orElseThrow().steps().get(0);
    }

    @Test
    void an_unknown_field_is_reported_with_its_line() {
        assertThat(errorsOf("""
                  - id: who
                    kind: single
                    title: "Who?"
                    question: "Who speaks for us?"
                    optons: ["Me", "You"]
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:6: steps[0].options: is required for a single-choice poll",
                "alpha/en.yaml:10: steps[0].optons: unknown field; did you mean 'options'?");
    }

    @Test
    void an_unknown_field_at_the_top_of_the_file_is_reported_with_its_line() {
        content.write("alpha/en.yaml", """
                id: alpha
                language: en
                title: "A test workshop"
                descripton: "Typo"
                steps:
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                """);

        assertThat(content.errors()).containsExactly(
                "alpha/en.yaml:4: descripton: unknown field; did you mean 'description'?");
    }

    @Test
    void a_field_that_does_not_apply_to_the_kind_is_reported() {
        assertThat(errorsOf("""
                  - id: mood
                    kind: scale
                    title: "Mood"
                    question: "How do you feel?"
                    min: 1
                    max: 5
                    options: ["Good", "Bad"]
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:12: steps[0].options: does not apply to a scale poll"
                        + " (it belongs to single, multiple, ranking, quiz)");
    }

    @Test
    void a_poll_field_on_a_slide_is_reported() {
        assertThat(errorsOf("""
                  - id: hello
                    kind: slide
                    title: "Hello"
                    hideResults: true
                    duration: 1m
                """)).singleElement().asString()
                .startsWith("alpha/en.yaml:9: steps[0].hideResults: does not apply to a slide");
    }

    @Test
    void a_missing_required_field_is_reported_where_its_step_begins() {
        assertThat(errorsOf("""
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                  - id: who
                    kind: single
                    title: "Who?"
                    options: ["Me", "You"]
                """)).containsExactlyInAnyOrder(
                "alpha/en.yaml:10: steps[1].question: is required",
                "alpha/en.yaml:10: steps[1].duration: is required");
    }

    @Test
    void text_where_a_number_is_needed_is_reported_as_a_wrong_type() {
        assertThat(errorsOf("""
                  - id: mood
                    kind: scale
                    title: "Mood"
                    question: "How do you feel?"
                    min: "one"
                    max: 5
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:10: steps[0].min: expected a whole number but found text \"one\"");
    }

    @Test
    void a_number_where_text_is_needed_is_reported_as_a_wrong_type() {
        assertThat(errorsOf("""
                  - id: hello
                    kind: slide
                    title: 2030
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:8: steps[0].title: expected text but found the number 2030; put it in quotes");
    }

    @Test
    void an_unknown_kind_is_reported_with_the_known_ones() {
        assertThat(errorsOf("""
                  - id: hello
                    kind: slides
                    title: "Hello"
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:7: steps[0].kind: unknown kind 'slides'; did you mean 'slide'?"
                        + " (one of slide, single, multiple, scale, wordcloud, text, guess, ranking,"
                        + " profiles, raci, ideas, commitments, quiz)");
    }

    @Test
    void a_duplicate_step_id_is_reported_with_the_step_that_has_it_first() {
        assertThat(errorsOf("""
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                  - id: hello
                    kind: slide
                    title: "Hello again"
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:10: steps[1].id: duplicate step id 'hello'; steps[0] on line 6 already uses it");
    }

    @Test
    void a_step_id_with_capitals_or_spaces_is_refused() {
        assertThat(errorsOf("""
                  - id: "Hello there"
                    kind: slide
                    title: "Hello"
                    duration: 1m
                """)).singleElement().asString()
                .startsWith("alpha/en.yaml:6: steps[0].id: 'Hello there' is not a valid id");
    }

    @Test
    void a_step_that_is_not_a_mapping_is_reported() {
        assertThat(errorsOf("""
                  - hello
                """)).singleElement().asString()
                .startsWith("alpha/en.yaml:6: steps[0]: each step must be a mapping of fields");
    }

    @Test
    void a_single_choice_poll_needs_two_to_twelve_options() {
        assertThat(errorsOf("""
                  - id: who
                    kind: single
                    title: "Who?"
                    question: "Who speaks for us?"
                    options: ["Only me"]
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:10: steps[0].options: a single-choice poll needs 2 to 12 options, not 1");
    }

    @Test
    void a_ranking_takes_at_most_eight_options() {
        assertThat(errorsOf("""
                  - id: order
                    kind: ranking
                    title: "Order"
                    question: "What first?"
                    options: [a, b, c, d, e, f, g, h, i]
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:10: steps[0].options: a ranking poll needs 2 to 8 options, not 9");
    }

    @Test
    void a_repeated_option_is_reported_on_its_own_line() {
        assertThat(errorsOf("""
                  - id: where
                    kind: multiple
                    title: "Where?"
                    question: "Which networks?"
                    options:
                      - "LinkedIn"
                      - "Instagram"
                      - "linkedin"
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:13: steps[0].options[2]: repeats options[0] (\"linkedin\"); options must be distinct");
    }

    @Test
    void an_option_longer_than_eighty_characters_is_reported() {
        assertThat(errorsOf("""
                  - id: who
                    kind: single
                    title: "Who?"
                    question: "Who speaks for us?"
                    options:
                      - "Me"
                      - "%s"
                    duration: 1m
                """.formatted("x".repeat(81)))).containsExactly(
                "alpha/en.yaml:12: steps[0].options[1]: is 81 characters long; at most 80 fit");
    }

    @Test
    void max_picks_cannot_exceed_the_number_of_options() {
        assertThat(errorsOf("""
                  - id: where
                    kind: multiple
                    title: "Where?"
                    question: "Which networks?"
                    options: ["LinkedIn", "Instagram", "TikTok"]
                    maxPicks: 4
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:11: steps[0].maxPicks: must be between 1 and 3, not 4");
    }

    @Test
    void a_scale_spans_at_most_ten_points() {
        assertThat(errorsOf("""
                  - id: mood
                    kind: scale
                    title: "Mood"
                    question: "How do you feel?"
                    min: 0
                    max: 11
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:11: steps[0].max: a scale spans at most 10 points; 0 to 11 spans 11");
    }

    @Test
    void a_scale_needs_its_minimum_below_its_maximum() {
        assertThat(errorsOf("""
                  - id: mood
                    kind: scale
                    title: "Mood"
                    question: "How do you feel?"
                    min: 5
                    max: 1
                    duration: 1m
                """)).containsExactly("alpha/en.yaml:11: steps[0].max: must be greater than min (5)");
    }

    @Test
    void a_scale_label_longer_than_forty_characters_is_reported() {
        assertThat(errorsOf("""
                  - id: mood
                    kind: scale
                    title: "Mood"
                    question: "How do you feel?"
                    min: 1
                    max: 5
                    minLabel: "%s"
                    duration: 1m
                """.formatted("y".repeat(41)))).containsExactly(
                "alpha/en.yaml:12: steps[0].minLabel: is 41 characters long; at most 40 fit");
    }

    @Test
    void a_guess_truth_outside_its_range_is_reported() {
        assertThat(errorsOf("""
                  - id: share
                    kind: guess
                    title: "Guess"
                    question: "What share?"
                    min: 0
                    max: 100
                    truth: 144
                    duration: 1m
                """)).containsExactly("alpha/en.yaml:12: steps[0].truth: must lie between min and max (0 to 100)");
    }

    @Test
    void a_guess_without_truth_is_reported() {
        assertThat(errorsOf("""
                  - id: share
                    kind: guess
                    title: "Guess"
                    question: "What share?"
                    min: 0
                    max: 100
                    duration: 1m
                """)).containsExactly("alpha/en.yaml:6: steps[0].truth: is required");
    }

    @Test
    void a_guess_unit_longer_than_eight_characters_is_reported() {
        assertThat(errorsOf("""
                  - id: share
                    kind: guess
                    title: "Guess"
                    question: "What share?"
                    min: 0
                    max: 100
                    truth: 44
                    unit: "percentage"
                    duration: 1m
                """)).containsExactly("alpha/en.yaml:13: steps[0].unit: is 10 characters long; at most 8 fit");
    }

    @Test
    void word_cloud_and_text_limits_are_checked() {
        assertThat(errorsOf("""
                  - id: words
                    kind: wordcloud
                    title: "Words"
                    question: "Three words?"
                    maxWords: 6
                    maxLength: 31
                    duration: 1m
                  - id: open
                    kind: text
                    title: "Open"
                    question: "Anything else?"
                    maxLength: 9
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:10: steps[0].maxWords: must be between 1 and 5, not 6",
                "alpha/en.yaml:11: steps[0].maxLength: must be between 1 and 30, not 31",
                "alpha/en.yaml:17: steps[1].maxLength: must be between 10 and 500, not 9");
    }

    @Test
    void a_title_longer_than_a_projector_line_is_reported() {
        assertThat(errorsOf("""
                  - id: hello
                    kind: slide
                    title: "%s"
                    duration: 1m
                """.formatted("t".repeat(121)))).containsExactly(
                "alpha/en.yaml:8: steps[0].title: is 121 characters long; at most 120 fit");
    }

    @Test
    void a_body_longer_than_a_projector_can_carry_is_reported() {
        assertThat(errorsOf("""
                  - id: hello
                    kind: slide
                    title: "Hello"
                    body: "%s"
                    duration: 1m
                """.formatted("b".repeat(601)))).containsExactly(
                "alpha/en.yaml:9: steps[0].body: is 601 characters long; at most 600 fit");
    }

    @Test
    void a_question_longer_than_two_hundred_characters_is_reported() {
        assertThat(errorsOf("""
                  - id: open
                    kind: text
                    title: "Open"
                    question: "%s"
                    duration: 1m
                """.formatted("q".repeat(201)))).containsExactly(
                "alpha/en.yaml:9: steps[0].question: is 201 characters long; at most 200 fit");
    }

    @Test
    void a_duration_must_be_written_with_minutes_or_seconds_and_last_at_most_an_hour() {
        assertThat(errorsOf("""
                  - id: a
                    kind: slide
                    title: "A"
                    duration: 3 minutes
                  - id: b
                    kind: slide
                    title: "B"
                    duration: 61m
                  - id: c
                    kind: slide
                    title: "C"
                    duration: 1m90s
                """)).containsExactly(
                "alpha/en.yaml:9: steps[0].duration: expected a duration such as 90s, 3m or 1m30s"
                        + " but found text \"3 minutes\"",
                "alpha/en.yaml:13: steps[1].duration: is longer than 60m; split the step",
                "alpha/en.yaml:17: steps[2].duration: expected a duration such as 90s, 3m or 1m30s"
                        + " but found text \"1m90s\"");
    }

    @Test
    void durations_in_seconds_minutes_or_both_are_read() throws ContentException {
        content.template("alpha", "en", """
                  - id: a
                    kind: slide
                    title: "A"
                    duration: 90s
                  - id: b
                    kind: slide
                    title: "B"
                    duration: 3m
                  - id: c
                    kind: slide
                    title: "C"
                    duration: 1m30s
                  - id: d
                    kind: slide
                    title: "D"
                    duration: 60m
                """);

        WorkshopTemplate template = content.load().all().get(0);

        assertThat(template.steps()).extracting(StepSpec::durationSeconds).containsExactly(90, 180, 90, 3600);
        assertThat(template.plannedSeconds()).isEqualTo(90 + 180 + 90 + 3600);
    }

    @Test
    void optional_poll_settings_take_their_defaults() throws ContentException {
        content.template("alpha", "en", """
                  - id: where
                    kind: multiple
                    title: "Where?"
                    question: "Which networks?"
                    options: ["LinkedIn", "Instagram", "TikTok"]
                    duration: 1m
                  - id: words
                    kind: wordcloud
                    title: "Words"
                    question: "Three words?"
                    duration: 1m
                  - id: open
                    kind: text
                    title: "Open"
                    question: "Anything else?"
                    duration: 1m
                """);

        List<StepSpec> steps = content.load().all().get(0).steps();

        assertThat(steps.get(0).poll().maxPicks()).isEqualTo(3);
        assertThat(steps.get(0).poll().hideResults()).isFalse();
        assertThat(steps.get(1).poll().maxWords()).isEqualTo(3);
        assertThat(steps.get(1).poll().maxLength()).isEqualTo(24);
        assertThat(steps.get(2).poll().maxLength()).isEqualTo(280);
    }

    @Test
    void a_complete_step_is_mapped_with_its_poll_settings() throws ContentException {
        StepSpec step = load("""
                  - id: share
                    kind: guess
                    title: "Guess"
                    body: |
                      Your best guess.
                    notes: |
                      Reveal after voting.
                    question: "What share?"
                    min: 0
                    max: 100
                    truth: 44.5
                    unit: "%"
                    source: "A survey"
                    hideResults: true
                    duration: 2m
                """);

        assertThat(step.id()).isEqualTo("share");
        assertThat(step.kind()).isEqualTo(StepKind.GUESS);
        assertThat(step.body()).isEqualTo("Your best guess.");
        assertThat(step.notes()).isEqualTo("Reveal after voting.");
        assertThat(step.durationSeconds()).isEqualTo(120);
        assertThat(step.poll()).isEqualTo(new StepSpec.PollSpec("What share?", null, null, 0.0, 100.0,
                null, null, null, null, 44.5, "%", "A survey", true, null));
    }

    @Test
    void a_slide_has_no_poll() throws ContentException {
        StepSpec step = load("""
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                """);

        assertThat(step.poll()).isNull();
        assertThat(step.body()).isNull();
    }
}
