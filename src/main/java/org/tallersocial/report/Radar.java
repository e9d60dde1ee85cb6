package org.tallersocial.report;

import java.util.List;

/**
 * A group of scale polls drawn as a radar: the mean of each, and how far the
 * answers spread around it (the middle half of the people as a thick line,
 * lowest to highest as a thin one), so a split room does not hide behind an average.
 *
 * @param rings    the polygons of each scale point, faint, as a grid
 * @param mean     the polygon of the means
 */
public record Radar(String name, int width, int height, List<Axis> axes, List<String> rings, String mean,
                    double min, double max) {

    /**
     * @param counts  how many people gave each point of the scale, lowest first
     * @param x, y    where the axis ends; labelX and labelY where its name goes, anchored by `anchor`
     */
    public record Axis(String key, String label, Double mean, int voters, List<Integer> counts, double x, double y,
                       double labelX, double labelY, String anchor, Segment middleHalf, Segment range) {
    }

    public record Segment(double x1, double y1, double x2, double y2) {
    }
}
