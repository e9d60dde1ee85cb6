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
    RANKING("ranking");

    private final String key;

    StepKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean isPoll() {
        return this != SLIDE;
    }

    /** Whether the poll's answers refer to its options by index. */
    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE || this == RANKING;
    }

    public static Optional<StepKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
