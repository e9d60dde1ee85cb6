package org.tallersocial.poll;

/** Numbers as people read them: 44 rather than 44.0. */
final class Numbers {

    private Numbers() {
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(Math.round(value * 100.0) / 100.0);
    }

    static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
