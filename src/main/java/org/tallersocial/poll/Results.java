package org.tallersocial.poll;

import org.tallersocial.web.Words;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tallersocial.content.StepSpec;

/**
 * A poll's result as the projector and console draw it. Computed from the
 * tally on demand: the hub asks at most a few times a second, whatever the
 * rate of votes.
 */
public final class Results {

    static final int MAX_CLOUD_WORDS = 60;
    static final int GUESS_BINS = 10;

    private Results() {
    }

    /**
     * @param forConsole  the console also sees hidden text answers (marked) and their ids;
     *                    the projector and phones never see hidden ones
     * @param truthShown  whether a guess poll's true value may be included
     */
    public static ObjectNode of(StepSpec spec, List<Tally.Entry> entries, boolean forConsole, boolean truthShown) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", spec.kind().key());
        out.put("voters", entries.size());
        StepSpec.PollSpec poll = spec.poll();
        switch (spec.kind()) {
            case SINGLE, MULTIPLE -> choices(out, poll, entries);
            case SCALE -> scale(out, poll, entries);
            case WORDCLOUD -> cloud(out, entries);
            case TEXT -> texts(out, entries, forConsole);
            case GUESS -> guesses(out, poll, entries, truthShown);
            case RANKING -> borda(out, poll, entries);
            case SLIDE -> { }
        }
        return out;
    }

    private static void choices(ObjectNode out, StepSpec.PollSpec poll, List<Tally.Entry> entries) {
        int[] counts = new int[poll.options().size()];
        for (Tally.Entry e : entries) {
            if (e.value().isArray()) {
                e.value().forEach(v -> counts[v.asInt()]++);
            } else {
                counts[e.value().asInt()]++;
            }
        }
        ArrayNode options = out.putArray("options");
        for (int i = 0; i < counts.length; i++) {
            options.addObject().put("label", poll.options().get(i)).put("count", counts[i]);
        }
    }

    private static void scale(ObjectNode out, StepSpec.PollSpec poll, List<Tally.Entry> entries) {
        int min = poll.min().intValue();
        int max = poll.max().intValue();
        int[] counts = new int[max - min + 1];
        double sum = 0;
        for (Tally.Entry e : entries) {
            counts[e.value().asInt() - min]++;
            sum += e.value().asInt();
        }
        out.put("min", min).put("max", max);
        out.put("minLabel", poll.minLabel()).put("maxLabel", poll.maxLabel());
        ArrayNode values = out.putArray("counts");
        Arrays.stream(counts).forEach(values::add);
        if (entries.isEmpty()) {
            out.putNull("mean");
        } else {
            out.put("mean", Math.round(sum / entries.size() * 100.0) / 100.0);
        }
    }

    private static void cloud(ObjectNode out, List<Tally.Entry> entries) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> shown = new HashMap<>();
        for (Tally.Entry e : entries) {
            if (!e.onShow()) {
                continue;
            }
            for (JsonNode word : e.value()) {
                String key = Words.normalise(word.asText());
                counts.merge(key, 1, Integer::sum);
                shown.putIfAbsent(key, word.asText().toLowerCase());
            }
        }
        ArrayNode words = out.putArray("words");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CLOUD_WORDS)
                .forEach(en -> words.addObject().put("word", shown.get(en.getKey())).put("count", en.getValue()));
    }

    private static void texts(ObjectNode out, List<Tally.Entry> entries, boolean forConsole) {
        ArrayNode answers = out.putArray("answers");
        int hidden = 0;
        for (Tally.Entry e : entries) {
            // A held answer is in the console's waiting list, not on its wall.
            if (e.held()) {
                continue;
            }
            if (e.hidden()) {
                hidden++;
                if (!forConsole) {
                    continue;
                }
            }
            ObjectNode a = answers.addObject().put("text", e.value().asText());
            if (forConsole) {
                a.put("id", e.answerId()).put("hidden", e.hidden());
            }
        }
        out.put("hiddenCount", hidden);
    }

    private static void guesses(ObjectNode out, StepSpec.PollSpec poll, List<Tally.Entry> entries, boolean truthShown) {
        double min = poll.min();
        double max = poll.max();
        int[] bins = new int[GUESS_BINS];
        double[] values = entries.stream().mapToDouble(e -> e.value().asDouble()).sorted().toArray();
        for (double v : values) {
            int bin = (int) Math.floor((v - min) / (max - min) * GUESS_BINS);
            bins[Math.min(GUESS_BINS - 1, Math.max(0, bin))]++;
        }
        out.put("min", min).put("max", max).put("unit", poll.unit() == null ? "" : poll.unit());
        ArrayNode binNodes = out.putArray("bins");
        Arrays.stream(bins).forEach(binNodes::add);
        if (values.length > 0) {
            out.put("mean", Numbers.round1(Arrays.stream(values).average().orElse(0)));
            out.put("median", Numbers.round1(median(values)));
            out.put("low", values[0]).put("high", values[values.length - 1]);
        }
        if (truthShown && poll.truth() != null) {
            out.put("truth", poll.truth());
            out.put("source", poll.source());
        }
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** Borda count: in an order of n options, first place earns n-1 points and last earns 0. */
    private static void borda(ObjectNode out, StepSpec.PollSpec poll, List<Tally.Entry> entries) {
        int n = poll.options().size();
        int[] points = new int[n];
        for (Tally.Entry e : entries) {
            for (int place = 0; place < n; place++) {
                points[e.value().get(place).asInt()] += n - 1 - place;
            }
        }
        Map<Integer, Integer> byOption = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byOption.put(i, points[i]);
        }
        ArrayNode options = out.putArray("options");
        byOption.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Comparator.comparing(Map.Entry::getKey)))
                .forEach(en -> options.addObject()
                        .put("label", poll.options().get(en.getKey()))
                        .put("points", en.getValue()));
        out.put("maxPoints", (n - 1) * entries.size());
    }
}
