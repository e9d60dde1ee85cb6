package org.tallersocial.content;

import java.util.Arrays;
import java.util.Optional;

/** What a step asks of the room. The names are the `kind:` values of the content files. */
public enum StepKind {
    SLIDE("slide"),
    SINGLE("single"),
    MULTIPLE("multiple"),
    SCALE("scale"),
    WORDCLOUD("wordcloud"),
    TEXT("text"),
    GUESS("guess"),
    RANKING("ranking"),
    /** Exercise placeholders: their data lives in the template; their live behaviour comes with their own feature. */
    PROFILES("profiles"),
    RACI("raci"),
    IDEAS("ideas"),
    COMMITMENTS("commitments"),
    /** A question with right and wrong options and a time limit; points for the right one, more for a quick one. */
    QUIZ("quiz");

    private final String key;

    StepKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean isPoll() {
        return switch (this) {
            case SINGLE, MULTIPLE, SCALE, WORDCLOUD, TEXT, GUESS, RANKING -> true;
            default -> false;
        };
    }

    /**
     * Whether phones answer this step, so that it opens when the room reaches it and the
     * facilitator closes it: every poll, and the exercises that run live.
     */
    public boolean takesAnswers() {
        return isPoll() || isExercise();
    }

    public boolean isExercise() {
        return this == PROFILES || this == RACI || this == IDEAS || this == COMMITMENTS || this == QUIZ;
    }

    public static Optional<StepKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
