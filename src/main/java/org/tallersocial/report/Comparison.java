package org.tallersocial.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tallersocial.profiles.ProfileSummary;

/**
 * Two workshops side by side: the internal dimensions both measured, how
 * ready each room was to link its profiles, network by network, and how many
 * of its commitments each got done. A difference
 * of half a point on a scale, or of a tenth of the room, is marked.
 */
public record Comparison(Report first, Report second, List<Dimension> dimensions, List<Linking> linking) {

    /** Commitments done out of those made, in each workshop. */
    public int firstDone() {
        return first.conversation().done();
    }

    public int firstCommitments() {
        return first.conversation().commitments().size();
    }

    public int secondDone() {
        return second.conversation().done();
    }

    public int secondCommitments() {
        return second.conversation().commitments().size();
    }

    static final double MARKED_POINTS = 0.5;
    static final double MARKED_SHARE = 0.1;

    /** @param change "up", "down" or "same", from the first workshop to the second */
    public record Dimension(String label, Double first, Double second, Double difference, String change) {
    }

    /** Among those with a profile, the share who would link it at least by following the company. */
    public record Linking(String network, Double first, Double second, Double difference, String change) {
    }

    public static Comparison of(Report a, Report b) {
        List<Dimension> dimensions = new ArrayList<>();
        for (Radar radar : a.radars()) {
            for (Radar.Axis axis : radar.axes()) {
                Double other = axisMean(b, axis.key()).orElse(null);
                if (axis.mean() == null && other == null) {
                    continue;
                }
                Double diff = axis.mean() == null || other == null ? null : round(other - axis.mean());
                dimensions.add(new Dimension(axis.label(), axis.mean(), other, diff, change(diff, MARKED_POINTS)));
            }
        }
        List<Linking> linking = new ArrayList<>();
        if (!a.profiles().isEmpty() && !b.profiles().isEmpty()) {
            ProfileSummary sa = a.profiles().get(0).summary();
            ProfileSummary sb = b.profiles().get(0).summary();
            for (ProfileSummary.NetworkRow row : sa.networks()) {
                Double first = willing(row);
                Double second = sb.networks().stream().filter(r -> r.network().equals(row.network())).findFirst()
                        .map(Comparison::willing).orElse(null);
                if (first == null && second == null) {
                    continue;
                }
                Double diff = first == null || second == null ? null : round(second - first);
                linking.add(new Linking(row.network(), first, second, diff, change(diff, MARKED_SHARE)));
            }
        }
        return new Comparison(a, b, dimensions, linking);
    }

    private static Optional<Double> axisMean(Report r, String key) {
        return r.radars().stream().flatMap(radar -> radar.axes().stream()).filter(x -> x.key().equals(key))
                .map(Radar.Axis::mean).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Only from counts on show: a hidden count is never worked back out here either. */
    private static Double willing(ProfileSummary.NetworkRow row) {
        Integer yes = row.presence()[0];
        Integer none = row.ladder()[0];
        if (yes == null || none == null || yes == 0) {
            return null;
        }
        return round((double) (yes - none) / yes);
    }

    private static String change(Double diff, double marked) {
        if (diff == null || Math.abs(diff) < marked) {
            return "same";
        }
        return diff > 0 ? "up" : "down";
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
