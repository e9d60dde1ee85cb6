package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data of the exercise steps (profiles, raci, ideas, commitments). As in
 * {@link StepValidationTest}, every step is written into alpha/en.yaml after a five-line header,
 * so the first step starts on line 6.
 */
class ExerciseValidationTest {

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

    private List<StepSpec> load(String steps) throws ContentException {
        content.template("alpha", "en", steps);
        return content.load().find("alpha", "en").orElseThrow().steps();
    }

    /** A flow-style YAML list of n distinct quoted names: ["n1", "n2", ...]. */
    private static String names(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "\"n" + i + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void a_profiles_step_may_raise_its_smallest_count_from_3_to_10() throws ContentException {
        String step = """
                  - id: link
                    kind: profiles
                    title: "Your profiles"
                    networks: ["LinkedIn"]
                    threshold: %s
                    duration: 5m
                """;
        assertThat(load(step.formatted("5")).get(0).exercise().smallestCount()).isEqualTo(5);
        assertThat(errorsOf(step.formatted("11"))).singleElement().asString().contains("threshold");
        assertThat(errorsOf(step.formatted("2"))).singleElement().asString().contains("threshold");
    }

    @Test
    void a_profiles_step_is_mapped_with_its_networks_and_no_poll() throws ContentException {
        StepSpec step = load("""
                  - id: link
                    kind: profiles
                    title: "Your profiles"
                    body: "How far would you link them?"
                    notes: "Nobody is pressed."
                    networks: ["LinkedIn", " X / Twitter ", "Company blog"]
                    duration: 8m
                """).get(0);

        assertThat(step.kind()).isEqualTo(StepKind.PROFILES);
        assertThat(step.poll()).isNull();
        assertThat(step.durationSeconds()).isEqualTo(480);
        assertThat(step.exercise()).isEqualTo(new StepSpec.ExerciseSpec(
                null, List.of("LinkedIn", "X / Twitter", "Company blog"), null, null));
    }

    @Test
    void a_raci_step_is_mapped_with_its_roles_and_activities() throws ContentException {
        StepSpec step = load("""
                  - id: roles
                    kind: raci
                    title: "Who does what?"
                    roles:
                      - "Owner"
                      - "Community manager"
                      - "Every employee"
                    activities:
                      - "Publish content"
                      - "Answer customer questions"
                    duration: 7m
                """).get(0);

        assertThat(step.kind()).isEqualTo(StepKind.RACI);
        assertThat(step.poll()).isNull();
        assertThat(step.exercise()).isEqualTo(new StepSpec.ExerciseSpec(null, null,
                List.of("Owner", "Community manager", "Every employee"),
                List.of("Publish content", "Answer customer questions")));
    }

    @Test
    void ideas_and_commitments_steps_are_mapped_with_their_prompt() throws ContentException {
        List<StepSpec> steps = load("""
                  - id: ideas
                    kind: ideas
                    title: "Ideas"
                    prompt: "One thing we could do next month"
                    duration: 5m
                  - id: commit
                    kind: commitments
                    title: "Commitments"
                    prompt: "An action, a person, a date"
                    duration: 6m
                """);

        assertThat(steps).extracting(StepSpec::kind).containsExactly(StepKind.IDEAS, StepKind.COMMITMENTS);
        assertThat(steps).extracting(StepSpec::exercise).containsExactly(
                new StepSpec.ExerciseSpec("One thing we could do next month", null, null, null),
                new StepSpec.ExerciseSpec("An action, a person, a date", null, null, null));
        assertThat(steps).allSatisfy(s -> assertThat(s.poll()).isNull());
    }

    @Test
    void a_quiz_question_has_its_options_the_right_ones_among_them_and_its_time() throws ContentException {
        List<StepSpec> steps = load("""
                  - id: quiz
                    kind: quiz
                    title: "Quiz"
                    question: "Which are social networks?"
                    options: ["LinkedIn", "A printer", "Instagram"]
                    correct: ["LinkedIn", "Instagram"]
                    duration: 1m
                """);
        StepSpec.ExerciseSpec quiz = steps.get(0).exercise();
        assertThat(quiz).isEqualTo(StepSpec.ExerciseSpec.quiz("Which are social networks?",
                List.of("LinkedIn", "A printer", "Instagram"), List.of("LinkedIn", "Instagram"), 20));
        assertThat(quiz.isCorrect(0)).isTrue();
        assertThat(quiz.isCorrect(1)).isFalse();
        assertThat(quiz.isCorrect(2)).isTrue();
        assertThat(quiz.isCorrect(3)).as("no such option").isFalse();
    }

    @Test
    void a_quiz_question_names_right_options_it_has_and_not_all_of_them() {
        assertThat(errorsOf("""
                  - id: quiz
                    kind: quiz
                    title: "Quiz"
                    question: "Which one?"
                    options: ["Yes", "No"]
                    correct: ["Maybe"]
                    seconds: 3
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:11: steps[0].correct[0]: is not one of the options (Yes, No): write it exactly as in options",
                "alpha/en.yaml:12: steps[0].seconds: must be between 5 and 120, not 3");
        assertThat(errorsOf("""
                  - id: quiz
                    kind: quiz
                    title: "Quiz"
                    question: "Which one?"
                    options: ["Yes", "No"]
                    correct: ["Yes", "No"]
                    duration: 1m
                """)).singleElement().asString()
                .endsWith("steps[0].correct: cannot list every option: a question where every option is right asks nothing");
    }

    @Test
    void polls_and_slides_carry_no_exercise() throws ContentException {
        List<StepSpec> steps = load("""
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m
                  - id: who
                    kind: single
                    title: "Who?"
                    question: "Who speaks for us?"
                    options: ["Me", "You"]
                    duration: 1m
                """);

        assertThat(steps).allSatisfy(s -> assertThat(s.exercise()).isNull());
    }

    @Test
    void each_exercise_reports_its_missing_required_fields_where_the_step_begins() {
        assertThat(errorsOf("""
                  - id: link
                    kind: profiles
                    title: "Profiles"
                    duration: 8m
                  - id: roles
                    kind: raci
                    title: "Roles"
                    duration: 7m
                  - id: ideas
                    kind: ideas
                    title: "Ideas"
                    duration: 5m
                  - id: commit
                    kind: commitments
                    title: "Commitments"
                    prompt: "   "
                    duration: 5m
                """)).containsExactly(
                "alpha/en.yaml:6: steps[0].networks: is required for a profile-linking exercise",
                "alpha/en.yaml:10: steps[1].roles: is required for a RACI matrix exercise",
                "alpha/en.yaml:10: steps[1].activities: is required for a RACI matrix exercise",
                "alpha/en.yaml:14: steps[2].prompt: is required",
                "alpha/en.yaml:21: steps[3].prompt: must not be empty");
    }

    @Test
    void a_profiles_step_needs_one_to_fifteen_networks() {
        assertThat(errorsOf("""
                  - id: none
                    kind: profiles
                    title: "Profiles"
                    networks: []
                    duration: 8m
                  - id: many
                    kind: profiles
                    title: "Profiles"
                    networks: %s
                    duration: 8m
                """.formatted(names(16)))).containsExactly(
                "alpha/en.yaml:9: steps[0].networks: a profile-linking exercise needs 1 to 15 networks, not 0",
                "alpha/en.yaml:14: steps[1].networks: a profile-linking exercise needs 1 to 15 networks, not 16");
    }

    @Test
    void fifteen_networks_and_one_network_are_both_accepted() throws ContentException {
        List<StepSpec> steps = load("""
                  - id: many
                    kind: profiles
                    title: "Profiles"
                    networks: %s
                    duration: 8m
                  - id: one
                    kind: profiles
                    title: "Profiles"
                    networks: ["LinkedIn"]
                    duration: 2m
                """.formatted(names(15)));

        assertThat(steps).extracting(s -> s.exercise().networks().size()).containsExactly(15, 1);
    }

    @Test
    void a_repeated_network_is_reported_on_its_own_line_whatever_its_case() {
        assertThat(errorsOf("""
                  - id: link
                    kind: profiles
                    title: "Profiles"
                    networks:
                      - "LinkedIn"
                      - "Instagram"
                      - "linkedin"
                    duration: 8m
                """)).containsExactly(
                "alpha/en.yaml:12: steps[0].networks[2]: repeats networks[0] (\"linkedin\"); networks must be distinct");
    }

    @Test
    void a_network_must_be_short_non_empty_text() {
        assertThat(errorsOf("""
                  - id: link
                    kind: profiles
                    title: "Profiles"
                    networks:
                      - "%s"
                      - 2024
                      - ""
                    duration: 8m
                """.formatted("n".repeat(41)))).containsExactly(
                "alpha/en.yaml:10: steps[0].networks[0]: is 41 characters long; at most 40 fit",
                "alpha/en.yaml:11: steps[0].networks[1]: each network must be non-empty text, not the number 2024",
                "alpha/en.yaml:12: steps[0].networks[2]: each network must be non-empty text, not text \"\"");
    }

    @Test
    void networks_written_as_one_text_instead_of_a_list_are_reported() {
        assertThat(errorsOf("""
                  - id: link
                    kind: profiles
                    title: "Profiles"
                    networks: "LinkedIn, Instagram"
                    duration: 8m
                """)).containsExactly(
                "alpha/en.yaml:9: steps[0].networks: expected a list such as [\"LinkedIn\", \"Instagram\"]"
                        + " but found text \"LinkedIn, Instagram\"");
    }

    @Test
    void a_raci_step_needs_two_to_twelve_roles_and_one_to_twenty_activities() {
        assertThat(errorsOf("""
                  - id: few
                    kind: raci
                    title: "Roles"
                    roles: ["Owner"]
                    activities: []
                    duration: 7m
                  - id: many
                    kind: raci
                    title: "Roles"
                    roles: %s
                    activities: %s
                    duration: 7m
                """.formatted(names(13), names(21)))).containsExactly(
                "alpha/en.yaml:9: steps[0].roles: a RACI matrix exercise needs 2 to 12 roles, not 1",
                "alpha/en.yaml:10: steps[0].activities: a RACI matrix exercise needs 1 to 20 activities, not 0",
                "alpha/en.yaml:15: steps[1].roles: a RACI matrix exercise needs 2 to 12 roles, not 13",
                "alpha/en.yaml:16: steps[1].activities: a RACI matrix exercise needs 1 to 20 activities, not 21");
    }

    @Test
    void raci_roles_and_activities_have_their_own_length_limits_and_must_be_distinct() {
        assertThat(errorsOf("""
                  - id: roles
                    kind: raci
                    title: "Roles"
                    roles:
                      - "Owner"
                      - "%s"
                    activities:
                      - "%s"
                      - "%s"
                      - "Publish content"
                      - "PUBLISH CONTENT"
                    duration: 7m
                """.formatted("r".repeat(41), "a".repeat(80), "b".repeat(81)))).containsExactly(
                "alpha/en.yaml:11: steps[0].roles[1]: is 41 characters long; at most 40 fit",
                "alpha/en.yaml:14: steps[0].activities[1]: is 81 characters long; at most 80 fit",
                "alpha/en.yaml:16: steps[0].activities[3]: repeats activities[2] (\"PUBLISH CONTENT\");"
                        + " activities must be distinct");
    }

    @Test
    void a_prompt_longer_than_two_hundred_characters_is_reported() {
        assertThat(errorsOf("""
                  - id: ideas
                    kind: ideas
                    title: "Ideas"
                    prompt: "%s"
                    duration: 5m
                """.formatted("p".repeat(201)))).containsExactly(
                "alpha/en.yaml:9: steps[0].prompt: is 201 characters long; at most 200 fit");
    }

    @Test
    void a_prompt_of_two_hundred_characters_fits() throws ContentException {
        StepSpec step = load("""
                  - id: commit
                    kind: commitments
                    title: "Commitments"
                    prompt: "%s"
                    duration: 5m
                """.formatted("p".repeat(200))).get(0);

        assertThat(step.exercise().prompt()).hasSize(200);
    }

    @Test
    void poll_fields_do_not_apply_to_an_exercise() {
        assertThat(errorsOf("""
                  - id: ideas
                    kind: ideas
                    title: "Ideas"
                    prompt: "One thing for next month"
                    question: "Any idea?"
                    hideResults: true
                    duration: 5m
                """)).containsExactly(
                "alpha/en.yaml:10: steps[0].question: does not apply to an ideas exercise"
                        + " (it belongs to single, multiple, scale, wordcloud, text, guess, ranking, quiz)",
                "alpha/en.yaml:11: steps[0].hideResults: does not apply to an ideas exercise"
                        + " (it belongs to single, multiple, scale, wordcloud, text, guess, ranking)");
    }

    @Test
    void an_exercise_field_on_the_wrong_kind_names_the_kinds_it_belongs_to() {
        assertThat(errorsOf("""
                  - id: roles
                    kind: raci
                    title: "Roles"
                    roles: ["Owner", "Every employee"]
                    activities: ["Publish content"]
                    networks: ["LinkedIn"]
                    duration: 7m
                  - id: hello
                    kind: slide
                    title: "Hello"
                    prompt: "Say hello"
                    duration: 1m
                  - id: who
                    kind: single
                    title: "Who?"
                    question: "Who speaks for us?"
                    options: ["Me", "You"]
                    roles: ["Owner", "Every employee"]
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:11: steps[0].networks: does not apply to a RACI matrix exercise"
                        + " (it belongs to profiles)",
                "alpha/en.yaml:16: steps[1].prompt: does not apply to a slide (it belongs to ideas, commitments)",
                "alpha/en.yaml:23: steps[2].roles: does not apply to a single-choice poll (it belongs to raci)");
    }

    @Test
    void a_misspelt_exercise_field_is_reported_with_a_suggestion() {
        assertThat(errorsOf("""
                  - id: roles
                    kind: raci
                    title: "Roles"
                    roles: ["Owner", "Every employee"]
                    activites: ["Publish content"]
                    duration: 7m
                """)).containsExactly(
                "alpha/en.yaml:6: steps[0].activities: is required for a RACI matrix exercise",
                "alpha/en.yaml:10: steps[0].activites: unknown field; did you mean 'activities'?");
    }

    @Test
    void the_options_of_a_poll_are_still_checked_as_before() {
        assertThat(errorsOf("""
                  - id: who
                    kind: single
                    title: "Who?"
                    question: "Who speaks for us?"
                    options: "Me or you"
                    duration: 1m
                """)).containsExactly(
                "alpha/en.yaml:10: steps[0].options: expected a list such as [\"Yes\", \"No\"]"
                        + " but found text \"Me or you\"");
    }
}
