package org.tallersocial.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tallersocial.profiles.ProfileSummary;
import org.tallersocial.raci.RaciOutcome;
import org.tallersocial.web.Texts;

/**
 * The three things that most need the owner's attention, read off the data
 * in order of weight: the weakest internal dimension, the network the room is
 * least ready to link, an activity nobody (or more than one role) answers for,
 * the most named obstacle, a dimension the room is split on.
 */
final class Findings {

    static final int MAX = 3;
    /** A room whose middle half spans this many points or more lives the same company very differently. */
    static final double SPLIT_POINTS = 2;

    private final Texts texts;
    private final Locale locale;

    Findings(Texts texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    List<String> of(List<Radar> radars, List<Report.ProfileOutcome> profiles, List<RaciOutcome> matrices) {
        List<String> out = new ArrayList<>();
        for (Radar radar : radars) {
            weakest(radar).ifPresent(out::add);
        }
        for (Report.ProfileOutcome p : profiles) {
            leastWilling(p.summary()).ifPresent(out::add);
        }
        for (RaciOutcome m : matrices) {
            if (m.firstGap() != null) {
                out.add(texts.get(locale, "report.finding.raci", m.firstGap()));
            }
        }
        for (Report.ProfileOutcome p : profiles) {
            topObstacle(p.summary()).ifPresent(out::add);
        }
        for (Radar radar : radars) {
            split(radar).ifPresent(out::add);
        }
        return out.subList(0, Math.min(MAX, out.size()));
    }

    private Optional<String> weakest(Radar radar) {
        return radar.axes().stream().filter(a -> a.mean() != null).min(Comparator.comparing(Radar.Axis::mean))
                .map(a -> texts.get(locale, "report.finding.weakest", a.label(), decimal(a.mean()),
                        decimal(radar.max())));
    }

    private Optional<String> split(Radar radar) {
        return radar.axes().stream().filter(a -> a.voters() > 0)
                .filter(a -> quartileSpan(a, radar.min()) >= SPLIT_POINTS)
                .max(Comparator.comparing(a -> quartileSpan(a, radar.min())))
                .map(a -> texts.get(locale, "report.finding.split", a.label()));
    }

    private static double quartileSpan(Radar.Axis a, double min) {
        return Radars.quantile(a.counts(), min, 0.75) - Radars.quantile(a.counts(), min, 0.25);
    }

    /** The network where the largest share of those with a profile would not link it at all. */
    private Optional<String> leastWilling(ProfileSummary s) {
        ProfileSummary.NetworkRow worst = null;
        double worstShare = -1;
        for (ProfileSummary.NetworkRow row : s.networks()) {
            Integer yes = row.presence()[0];
            Integer none = row.ladder()[0];
            if (yes == null || none == null || yes == 0) {
                continue;
            }
            double share = (double) none / yes;
            if (share > worstShare) {
                worst = row;
                worstShare = share;
            }
        }
        if (worst == null || worstShare == 0) {
            return Optional.empty();
        }
        return Optional.of(texts.get(locale, "report.finding.least_willing", worst.network(), worst.ladder()[0],
                worst.presence()[0]));
    }

    private Optional<String> topObstacle(ProfileSummary s) {
        return s.obstacles().stream().filter(c -> c.count() != null && c.count() > 0).findFirst()
                .map(c -> texts.get(locale, "report.finding.obstacle",
                        texts.get(locale, "js.profiles.obstacle." + c.key()), c.count(), s.respondents()));
    }

    private String decimal(double d) {
        return Figures.decimal(locale, d);
    }
}
