package org.tallersocial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tallersocial.content.StepSpec;
import org.tallersocial.web.Texts;

/** Turns a poll's result (as {@link org.tallersocial.poll.Results} computes it) into the report's chart. */
final class Charts {

    static final int MAX_WORDS = 15;

    private final Texts texts;
    private final Locale locale;

    Charts(Texts texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    Chart of(StepSpec spec, JsonNode r) {
        int voters = r.path("voters").asInt();
        List<Chart.Stat> stats = new ArrayList<>();
        stats.add(stat("report.stat.voters", number(voters)));
        List<Row> rows = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        switch (spec.kind()) {
            case SINGLE, MULTIPLE -> r.path("options").forEach(o -> rows.add(new Row(o.path("label").asText(),
                    o.path("count").asInt(), number(o.path("count").asInt()) + " · " + percent(o.path("count").asInt(), voters),
                    false)));
            case SCALE -> {
                int min = r.path("min").asInt();
                JsonNode counts = r.path("counts");
                for (int i = 0; i < counts.size(); i++) {
                    String label = number(min + i) + end(i == 0 ? spec.poll().minLabel() : i == counts.size() - 1
                            ? spec.poll().maxLabel() : null);
                    rows.add(new Row(label, counts.get(i).asInt(), number(counts.get(i).asInt()), false));
                }
                if (!r.path("mean").isNull()) {
                    stats.add(stat("report.stat.mean", decimal(r.path("mean").asDouble())));
                }
            }
            case WORDCLOUD -> r.path("words").forEach(w -> {
                if (rows.size() < MAX_WORDS) {
                    rows.add(new Row(w.path("word").asText(), w.path("count").asInt(), number(w.path("count").asInt()), false));
                }
            });
            case TEXT -> r.path("answers").forEach(a -> answers.add(a.path("text").asText()));
            case GUESS -> guess(spec, r, rows, stats);
            case RANKING -> r.path("options").forEach(o -> rows.add(new Row(o.path("label").asText(),
                    o.path("points").asInt(), points(locale, o.path("points").asInt()), false)));
            default -> { }
        }
        int top = rows.stream().mapToInt(Row::value).max().orElse(0);
        List<Chart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int width = top == 0 ? 0 : (int) Math.round(row.value() * (double) Chart.BAR_AREA / top);
            bars.add(new Chart.Bar(row.label(), row.text(), i * Chart.ROW, width, row.highlight()));
        }
        return new Chart(Math.max(1, rows.size() * Chart.ROW), bars, stats, answers);
    }

    private String points(Locale locale, int points) {
        return texts.get(locale, points == 1 ? "report.points_one" : "report.points_many", points);
    }

    private void guess(StepSpec spec, JsonNode r, List<Row> rows, List<Chart.Stat> stats) {
        double min = r.path("min").asDouble();
        double max = r.path("max").asDouble();
        String unit = spec.poll().unit();
        JsonNode bins = r.path("bins");
        double truth = spec.poll().truth() == null ? Double.NaN : spec.poll().truth();
        double width = (max - min) / bins.size();
        for (int i = 0; i < bins.size(); i++) {
            double from = min + i * width;
            double to = from + width;
            boolean holdsTruth = truth >= from && (truth < to || i == bins.size() - 1 && truth <= to);
            String label = withUnit(decimal(from), unit) + " – " + withUnit(decimal(to), unit);
            rows.add(new Row(label, bins.get(i).asInt(), number(bins.get(i).asInt()), holdsTruth));
        }
        if (r.has("median")) {
            stats.add(stat("report.stat.median", withUnit(decimal(r.path("median").asDouble()), unit)));
            stats.add(stat("report.stat.range", withUnit(decimal(r.path("low").asDouble()), unit) + " – "
                    + withUnit(decimal(r.path("high").asDouble()), unit)));
        }
        if (!Double.isNaN(truth)) {
            stats.add(stat("report.stat.truth", withUnit(decimal(truth), unit)
                    + (spec.poll().source() == null ? "" : " (" + spec.poll().source() + ")")));
        }
    }

    private String end(String label) {
        return label == null || label.isBlank() ? "" : " · " + label;
    }

    private Chart.Stat stat(String key, String value) {
        return new Chart.Stat(texts.get(locale, key), value);
    }

    private String number(int n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    private String decimal(double d) {
        return Figures.decimal(locale, d);
    }

    private String percent(int count, int total) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        return f.format(total == 0 ? 0 : (double) count / total);
    }

    private String withUnit(String number, String unit) {
        return unit == null || unit.isEmpty() ? number : texts.get(locale, "js.with_unit", number, unit);
    }

    private record Row(String label, int value, String text, boolean highlight) {
    }
}
