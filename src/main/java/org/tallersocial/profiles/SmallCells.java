package org.tallersocial.profiles;

import java.util.Arrays;

/**
 * Hides counts small enough to point at a person. A hidden cell is null.
 * Where the cells of a group add up to a total that is on show, one hidden
 * cell alone could be worked out by subtraction, so a second one is hidden
 * with it: the smallest of the others.
 */
final class SmallCells {

    private SmallCells() {
    }

    /** A count on its own: shown when it is zero or at least the threshold. */
    static Integer single(int count, int threshold) {
        return count == 0 || count >= threshold ? count : null;
    }

    /** The cells of a group whose total (the sum of the counts) is on show. */
    static Integer[] group(int[] counts, int threshold) {
        Integer[] out = new Integer[counts.length];
        int total = Arrays.stream(counts).sum();
        if (total < threshold) {
            return out;
        }
        int hidden = 0;
        for (int i = 0; i < counts.length; i++) {
            out[i] = single(counts[i], threshold);
            if (out[i] == null) {
                hidden++;
            }
        }
        if (hidden == 1) {
            hideSmallestShown(counts, out);
        }
        return out;
    }

    private static void hideSmallestShown(int[] counts, Integer[] out) {
        int pick = -1;
        for (int i = 0; i < counts.length; i++) {
            boolean better = pick < 0 || counts[i] < counts[pick];
            // A hidden zero tells nothing; the second hidden cell must be one that holds people.
            if (out[i] != null && counts[i] > 0 && better) {
                pick = i;
            }
        }
        if (pick >= 0) {
            out[pick] = null;
        }
    }
}
