package org.tallersocial.poll;

/** Statistics rounded to what a projector can show: one decimal. */
final class Numbers {

    private Numbers() {
    }

    static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
