package org.tallersocial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays out a group of scale polls as a radar (see {@link Radar}). */
final class Radars {

    static final int WIDTH = 760;
    static final int HEIGHT = 440;
    private static final double CX = WIDTH / 2.0;
    private static final double CY = HEIGHT / 2.0;
    private static final double R = 150;
    private static final double LABEL_GAP = 16;

    /** One scale of the group: its label and its result. */
    record Scale(String key, String label, JsonNode results) {
    }

    private Radars() {
    }

    static Radar of(String name, List<Scale> scales) {
        double min = scales.get(0).results().path("min").asDouble();
        double max = scales.get(0).results().path("max").asDouble();
        int n = scales.size();
        List<Radar.Axis> axes = new ArrayList<>();
        List<double[]> meanPoints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + i * 2 * Math.PI / n;
            JsonNode r = scales.get(i).results();
            List<Integer> counts = new ArrayList<>();
            r.path("counts").forEach(c -> counts.add(c.asInt()));
            Double mean = r.path("mean").isNumber() ? r.path("mean").asDouble() : null;
            double[] end = point(angle, R);
            double[] label = point(angle, R + LABEL_GAP);
            String anchor = Math.abs(label[0] - CX) < 8 ? "middle" : label[0] > CX ? "start" : "end";
            double labelY = label[1] + (Math.abs(label[0] - CX) < 8 ? (label[1] < CY ? -4 : 14) : 5);
            Radar.Segment middle = null;
            Radar.Segment range = null;
            int voters = counts.stream().mapToInt(Integer::intValue).sum();
            if (voters > 0) {
                middle = segment(angle, quantile(counts, min, 0.25), quantile(counts, min, 0.75), min, max);
                range = segment(angle, quantile(counts, min, 0.0), quantile(counts, min, 1.0), min, max);
                meanPoints.add(point(angle, radius(mean, min, max)));
            } else {
                meanPoints.add(point(angle, 0));
            }
            axes.add(new Radar.Axis(scales.get(i).key(), scales.get(i).label(), mean, voters, counts, end[0], end[1], label[0], labelY,
                    anchor, middle, range));
        }
        List<String> rings = new ArrayList<>();
        for (double v = min + 1; v <= max; v++) {
            List<double[]> ring = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ring.add(point(-Math.PI / 2 + i * 2 * Math.PI / n, radius(v, min, max)));
            }
            rings.add(points(ring));
        }
        return new Radar(name, WIDTH, HEIGHT, axes, rings, points(meanPoints), min, max);
    }

    /** The value below which this share of the people lie, read off the counts per point. */
    static double quantile(List<Integer> counts, double min, double share) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        double target = share * (total - 1);
        int seen = 0;
        for (int i = 0; i < counts.size(); i++) {
            seen += counts.get(i);
            if (seen > target) {
                return min + i;
            }
        }
        return min + counts.size() - 1;
    }

    private static Radar.Segment segment(double angle, double from, double to, double min, double max) {
        double[] a = point(angle, radius(from, min, max));
        double[] b = point(angle, radius(to, min, max));
        return new Radar.Segment(a[0], a[1], b[0], b[1]);
    }

    private static double radius(double value, double min, double max) {
        return R * (value - min) / (max - min);
    }

    private static double[] point(double angle, double radius) {
        return new double[] {round(CX + radius * Math.cos(angle)), round(CY + radius * Math.sin(angle))};
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String points(List<double[]> points) {
        StringBuilder out = new StringBuilder();
        for (double[] p : points) {
            out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", p[0], p[1]));
        }
        return out.toString();
    }
}
