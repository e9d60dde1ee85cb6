package org.tallersocial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's table: reads what each scenario of {@code scripts/bench --suite}
 * printed last, checks it against that scenario's targets (given by the suite,
 * e.g. {@code ack_p99_ms<250 projector_exact_ms<1000}; every phone in and 0 lost
 * always), prints the table and writes docs/performance.md with the date, the
 * machine and the commands. Exit status 0 when every target is met, 1 when one
 * is missed, 2 when a scenario did not run to its end.
 */
public final class PerformanceReport {

    static final double ACK_P99_MS = 500;
    static final double PROJECTOR_MS = 1000;
    static final double HEAP_MB = 1024;
    static final double RATIO = 1.5;
    static final double BUSY_PCT = 15;

    /**
     * One scenario as the suite ran it: its name, its command, the bench's exit status and last line,
     * and its targets: each figure named and the limit it must stay under.
     */
    record Run(String name, String command, int status, Map<String, String> figures, Map<String, Double> targets) {

        double get(String key) {
            try {
                return Double.parseDouble(figures.getOrDefault(key, "na"));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        int expectedPhones() {
            return option("--phones", 1000) * option("--workshops", 1);
        }

        boolean connectOnly() {
            return command.contains("--connect-only");
        }

        boolean compared() {
            return figures.containsKey("fanout_ratio");
        }

        /** The exercise the phones went through, or null for a poll. */
        String exercise() {
            return figures.get("exercise");
        }

        /**
         * What "exact" was read on: the console for questions (the projector gets at most 50 of them) and
         * for reactions (the projector gets each burst once, as it comes; the console every step's counts).
         */
        String exactScreen() {
            return "questions".equals(exercise()) || "reactions".equals(exercise()) ? "console" : "projector";
        }

        double target(String figure) {
            return targets.getOrDefault(figure, Double.NaN);
        }

        private int option(String name, int fallback) {
            String[] words = command.split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i].equals(name)) {
                    return Integer.parseInt(words[i + 1]);
                }
            }
            return fallback;
        }
    }

    /** A target and whether the run met it. */
    record Check(String target, boolean met) {
        String text() {
            return target + (met ? " ✔" : " ✘ MISSED");
        }
    }

    /** A suite line: name, command, exit status, the bench's last line, and (optional) the targets. */
    static Run parse(String tsvLine) {
        String[] f = tsvLine.split("\t", 5);
        Map<String, String> figures = new LinkedHashMap<>();
        if (f.length >= 4) {
            for (String pair : f[3].trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    figures.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        String command = f.length > 1 ? f[1] : "";
        return new Run(f[0], command, f.length > 2 ? Integer.parseInt(f[2].trim()) : 2, figures,
                targets(f.length > 4 ? f[4] : "", command));
    }

    /** "ack_p99_ms<250 projector_exact_ms<1000"; none given, the first scale issue's: 500 ms, 1 s, 1 GB. */
    static Map<String, Double> targets(String text, String command) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String t : text.trim().split("\\s+")) {
            int lt = t.indexOf('<');
            if (lt > 0) {
                out.put(t.substring(0, lt), Double.parseDouble(t.substring(lt + 1)));
            }
        }
        if (out.isEmpty() && command.contains("--connect-only")) {
            out.put("heap_mb", HEAP_MB);
        } else if (out.isEmpty()) {
            out.put("ack_p99_ms", ACK_P99_MS);
            out.put("projector_exact_ms", PROJECTOR_MS);
        }
        return out;
    }

    static List<Check> checks(Run r) {
        List<Check> out = new ArrayList<>();
        if (!r.figures().containsKey("phones")) {
            out.add(new Check("the bench ran to its end (exit " + r.status() + ")", false));
            return out;
        }
        out.add(new Check(String.format(Locale.ROOT, "all %,d phones in", r.expectedPhones()),
                r.get("phones") == r.expectedPhones()));
        if (!r.connectOnly()) {
            // Every input acknowledged and stored: an exercise's inputs are its messages, a poll's one per phone.
            double expected = r.exercise() != null ? r.get("messages") : r.expectedPhones();
            out.add(new Check("0 lost", r.get("lost") == 0 && r.get("answered") == expected && expected > 0));
        }
        if (r.get("refused") > 0) {
            out.add(new Check(String.format(Locale.ROOT, "no refusals (%.0f refused)", r.get("refused")), false));
        }
        r.targets().forEach((figure, limit) -> out.add(new Check(label(r, figure, limit), r.get(figure) < limit)));
        return out;
    }

    private static String label(Run r, String figure, double limit) {
        return switch (figure) {
            case "ack_p99_ms" -> String.format(Locale.ROOT, "p99 < %.0f ms", limit);
            case "projector_exact_ms" -> limit % 1000 == 0
                    ? String.format(Locale.ROOT, "%s < %.0f s", r.exactScreen(), limit / 1000)
                    : String.format(Locale.ROOT, "%s < %.0f ms", r.exactScreen(), limit);
            case "heap_mb" -> String.format(Locale.ROOT, "heap < %.0f MB", limit);
            case "phone_kb_p99" -> String.format(Locale.ROOT, "< %.0f KB a phone", limit);
            default -> String.format(Locale.ROOT, "%s < %s", figure, Bench.num(limit));
        };
    }

    static Check ratioCheck(Run r) {
        return new Check(String.format(Locale.ROOT, "hub within %.1fx of bare Jetty (median)", RATIO),
                r.get("fanout_ratio") <= RATIO);
    }

    static String table(List<Run> runs) {
        StringBuilder t = new StringBuilder();
        t.append("| scenario | phones | answered | lost | ack p50 / p95 / p99 (ms) | projector exact after the last"
                + " ack (ms) | received a phone p50 / p99 (KB) | heap after full GC (MB) | joining (s) | targets |\n");
        // An exercise's answered and lost count inputs (answered of those sent); its exact is the console's for questions.
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Run r : runs) {
            boolean idle = r.connectOnly();
            t.append("| ").append(r.name()).append(" | ").append(r.figures().getOrDefault("phones", "–"))
                    .append(" | ").append(idle ? "–" : r.exercise() != null
                            ? r.figures().getOrDefault("answered", "–") + " of " + r.figures().getOrDefault("messages", "–")
                            + " inputs" : r.figures().getOrDefault("answered", "–"))
                    .append(" | ").append(idle ? "–" : r.figures().getOrDefault("lost", "–"))
                    .append(" | ").append(idle ? "–" : r.figures().getOrDefault("ack_p50_ms", "–") + " / "
                            + r.figures().getOrDefault("ack_p95_ms", "–") + " / "
                            + r.figures().getOrDefault("ack_p99_ms", "–"))
                    .append(" | ").append(idle ? "–" : r.figures().getOrDefault("projector_exact_ms", "–")
                            + (r.exercise() != null && r.exactScreen().equals("console") ? " (console)" : ""))
                    .append(" | ").append(r.figures().containsKey("phone_kb_p99") ? r.figures().get("phone_kb_p50")
                            + " / " + r.figures().get("phone_kb_p99") : "–")
                    .append(" | ").append(r.figures().getOrDefault("heap_mb", "–"))
                    .append(" | ").append(r.figures().getOrDefault("join_s", "–"))
                    .append(" | ").append(String.join(", ", checks(r).stream().map(Check::text).toList()))
                    .append(" |\n");
        }
        return t.toString();
    }

    static String comparison(Run r) {
        return "| broadcasts to " + r.figures().get("phones") + " phones (" + r.figures().get("broadcasts")
                + " compared) | our hub | bare Jetty | hub / bare |\n"
                + "|---|---:|---:|---:|\n"
                + "| fan-out, first phone to last, median (ms) | " + r.figures().get("hub_fanout_p50_ms") + " | "
                + r.figures().get("bare_fanout_p50_ms") + " | " + r.figures().get("fanout_ratio") + " |\n"
                + "| fan-out, first phone to last, p99 (ms) | " + r.figures().get("hub_fanout_p99_ms") + " | "
                + r.figures().get("bare_fanout_p99_ms") + " | " + r.figures().get("fanout_ratio_p99") + " |\n"
                + "| ack p99 meanwhile (ms) | " + r.figures().get("hub_ack_p99_ms") + " | "
                + r.figures().get("bare_ack_p99_ms") + " | |\n\n"
                + "Target: " + ratioCheck(r).text() + "\n";
    }

    public static void main(String[] args) throws IOException {
        Path results = null;
        Path out = null;
        String command = "scripts/bench --suite";
        String seconds = "?";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--results" -> results = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--command" -> command = args[i + 1];
                case "--seconds" -> seconds = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (results == null || out == null) {
            throw new IllegalArgumentException("--results FILE and --out FILE are required");
        }
        List<Run> runs = Files.readAllLines(results, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(PerformanceReport::parse).toList();
        String doc = document(runs, command, seconds, Machine.describe());
        Files.writeString(out, doc, StandardCharsets.UTF_8);
        System.out.println(table(runs));
        runs.stream().filter(Run::compared).findFirst().ifPresent(r -> System.out.println(comparison(r)));
        System.out.println("bench: written to " + out);
        System.exit(exitStatus(runs));
    }

    static int exitStatus(List<Run> runs) {
        if (runs.stream().anyMatch(r -> !r.figures().containsKey("phones") || r.status() >= 2)) {
            return 2;
        }
        boolean met = runs.stream().allMatch(r -> checks(r).stream().allMatch(Check::met)
                && (!r.compared() || ratioCheck(r).met()));
        return met ? 0 : 1;
    }

    static String document(List<Run> runs, String command, String seconds, String machine) {
        StringBuilder d = new StringBuilder();
        d.append("# Performance\n\n");
        d.append("The figures of the last run of the scale benchmark, written by `").append(command)
                .append("` (it replaces this file; the text around the figures lives in")
                .append(" `src/test/java/org/tallersocial/bench/PerformanceReport.java`).\n\n");
        d.append("- **Date:** ").append(ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append("\n");
        d.append("- **Machine:** ").append(machine).append("; server and load generator on the same machine")
                .append(" over loopback\n");
        d.append("- **Command:** `").append(command).append("` (").append(seconds).append(" s), which runs, each on")
                .append(" a fresh server and data directory:\n");
        for (Run r : runs) {
            d.append("  - `").append(r.command()).append("`: ").append(r.name()).append("\n");
        }
        d.append("\n## Figures\n\n").append(table(runs)).append("\n");
        runs.stream().filter(Run::compared).findFirst().ifPresent(r -> d.append("### Our hub against bare Jetty\n\n")
                .append(comparison(r)).append("\n"));
        d.append("## Reading\n\n").append(Reading.of(runs));
        return d.toString();
    }
}
