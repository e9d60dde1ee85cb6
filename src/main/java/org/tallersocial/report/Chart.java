package org.tallersocial.report;

import java.util.List;

/**
 * A poll's result laid out for the report's SVG: the coordinates are worked
 * out here, the markup is the template's. Every bar carries its number as
 * text, so a greyscale print loses nothing.
 *
 * @param height  the SVG's height in its own units (its width is {@link #WIDTH})
 * @param bars    one row each: a label line, then the bar
 * @param stats   figures shown under the chart (voters, mean, median, the true value...)
 * @param texts   open answers, for a text poll (hidden ones left out)
 */
public record Chart(int height, List<Bar> bars, List<Stat> stats, List<String> texts) {

    public static final int WIDTH = 720;
    static final int BAR_AREA = 600;
    static final int ROW = 44;

    /**
     * @param y         top of the row; the label sits on it, the bar below
     * @param width     the bar's length, out of {@link #BAR_AREA}
     * @param highlight the row that holds the true value of a guess
     */
    public record Bar(String label, String value, int y, int width, boolean highlight) {
    }

    public record Stat(String label, String value) {
    }
}
