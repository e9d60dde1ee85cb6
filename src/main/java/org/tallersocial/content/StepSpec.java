package org.tallersocial.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One step of an agenda as the content file describes it. A workshop keeps
 * its own copy (as JSON) so that later edits of a template never rewrite a
 * workshop that already ran. Fields that do not apply to a kind are null.
 *
 * @param body       slide text or the poll's explanatory line, a few short lines
 * @param notes      facilitator-only notes, never sent to phones or projector
 * @param poll       the poll's settings, null for a slide or an exercise
 * @param exercise   an exercise's data (networks, roles, activities), null otherwise
 * @param radar      slide: the radar group (see {@link PollSpec#radar()}) the slide draws live from its scales
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepSpec(
        String id,
        StepKind kind,
        String title,
        String body,
        String notes,
        int durationSeconds,
        PollSpec poll,
        ExerciseSpec exercise,
        String radar) {

    /** Backwards-compatible constructor for steps without an exercise. */
    public StepSpec(String id, StepKind kind, String title, String body, String notes, int durationSeconds, PollSpec poll) {
        this(id, kind, title, body, notes, durationSeconds, poll, null, null);
    }

    public StepSpec withExercise(ExerciseSpec updated) {
        return new StepSpec(id, kind, title, body, notes, durationSeconds, poll, updated, radar);
    }

    /**
     * The data an exercise starts from, adapted per company by the facilitator.
     *
     * @param prompt     what the room is asked (ideas, commitments)
     * @param networks   profiles: the social networks and company channels to go through
     * @param roles      raci: the company's roles (columns)
     * @param activities raci: the social-media and collaboration activities (rows)
     * @param options    quiz: the options phones pick from
     * @param correct    quiz: the right options, one or more, as written in {@code options}
     * @param seconds    quiz: how long the room has to answer
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * @param threshold the profile exercise's smallest count shown (null: {@link #DEFAULT_THRESHOLD}); a
     *                  company of a few people may want more than three before a count says anything
     */
    public record ExerciseSpec(String prompt, List<String> networks, List<String> roles, List<String> activities,
                               Integer threshold, List<String> options, List<String> correct, Integer seconds) {

        public static final int DEFAULT_THRESHOLD = 3;
        /** Employee-survey tools allow 3 to 10; above that a small company would see nothing. */
        public static final int MAX_THRESHOLD = 10;

        public ExerciseSpec(String prompt, List<String> networks, List<String> roles, List<String> activities) {
            this(prompt, networks, roles, activities, null);
        }

        public ExerciseSpec(String prompt, List<String> networks, List<String> roles, List<String> activities,
                            Integer threshold) {
            this(prompt, networks, roles, activities, threshold, null, null, null);
        }

        public static ExerciseSpec quiz(String question, List<String> options, List<String> correct, int seconds) {
            return new ExerciseSpec(question, null, null, null, null, options, correct, seconds);
        }

        /** Whether a quiz's option, by its place, is one of the right ones. */
        public boolean isCorrect(int option) {
            return correct != null && option >= 0 && option < options.size() && correct.contains(options.get(option));
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public ExerciseSpec {
        }

        public ExerciseSpec withNetworks(List<String> updated) {
            return new ExerciseSpec(prompt, List.copyOf(updated), roles, activities, threshold, options, correct, seconds);
        }

        public ExerciseSpec withThreshold(int smallest) {
            return new ExerciseSpec(prompt, networks, roles, activities, smallest, options, correct, seconds);
        }

        /** The smallest count the profile exercise shows. */
        public int smallestCount() {
            return threshold == null ? DEFAULT_THRESHOLD : threshold;
        }
    }

    /**
     * @param question   what phones and projector ask
     * @param options    choices for single, multiple and ranking
     * @param maxPicks   multiple: how many options one person may pick
     * @param min        scale and guess: lowest accepted value
     * @param max        scale and guess: highest accepted value
     * @param minLabel   scale: label of the low end
     * @param maxLabel   scale: label of the high end
     * @param maxWords   wordcloud: words per person
     * @param maxLength  wordcloud and text: characters per word or answer
     * @param truth      guess: the published value revealed after voting
     * @param unit       guess: shown after numbers, e.g. "%"
     * @param source     guess: where the true value comes from, named on the projector
     * @param hideResults whether results stay hidden until the facilitator reveals them
     * @param radar      scale: the name of the group of scales drawn together as a radar in the report
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PollSpec(
            String question,
            List<String> options,
            Integer maxPicks,
            Double min,
            Double max,
            String minLabel,
            String maxLabel,
            Integer maxWords,
            Integer maxLength,
            Double truth,
            String unit,
            String source,
            boolean hideResults,
            String radar) {
    }
}
