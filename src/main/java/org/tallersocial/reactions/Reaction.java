package org.tallersocial.reactions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a phone can send to say how a step lands. The facilitator picks which of these a workshop offers
 * ({@link Offered}); the page draws each as its emoji with a label in the person's language.
 */
public enum Reaction {
    LIKE("like", "\uD83D\uDC4D"), CLAP("clap", "\uD83D\uDC4F"), LOVE("love", "\u2764\uFE0F"),
    IDEA("idea", "\uD83D\uDCA1"), LAUGH("laugh", "\uD83D\uDE02"), WOW("wow", "\uD83D\uDE2E"),
    THINK("think", "\uD83E\uDD14"), PARTY("party", "\uD83C\uDF89");

    /** What a new workshop offers: no laughing face, which not every room wants in front of its owner. */
    static final List<Reaction> DEFAULT = List.of(LIKE, CLAP, LOVE, IDEA, WOW);

    private final String key;
    private final String emoji;

    Reaction(String key, String emoji) {
        this.key = key;
        this.emoji = emoji;
    }

    /** Its text label is {@code js.reaction.<key>} in the bundles. */
    public String key() {
        return key;
    }

    public String emoji() {
        return emoji;
    }

    public static Optional<Reaction> of(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
