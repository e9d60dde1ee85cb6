package org.tallersocial.quiz;

/**
 * The points of one answer, as Kahoot counts them: a right answer earns between 1,000 (at once) and 500
 * (as the time runs out), falling evenly with the time taken; a wrong answer, or none, earns nothing.
 * Time is the server's, from the question's opening to the answer's arrival, so a slow network costs a
 * little but a fast phone's clock gains nothing.
 */
public final class Points {

    public static final int MOST = 1000;

    private Points() {
    }

    public static int of(boolean right, long elapsedMillis, int limitSeconds) {
        if (!right) {
            return 0;
        }
        double share = Math.min(1, Math.max(0, elapsedMillis / (limitSeconds * 1000.0)));
        return (int) Math.round(MOST * (1 - share / 2));
    }
}
