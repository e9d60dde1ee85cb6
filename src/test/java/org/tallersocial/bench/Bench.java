package org.tallersocial.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/** What every part of the benchmark shares: its log line, percentiles, deadlines and CPU readings. */
final class Bench {

    private Bench() {
    }

    static void log(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "na" : String.format(Locale.ROOT, "%.1f", v);
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String clip(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Polls until the value is set (non-zero) or the time is up; returns the value, 0 if it never came. */
    static long waitFor(LongSupplier value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (value.getAsLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return value.getAsLong();
    }

    /** CPU time the whole machine spent busy (all processes, all cores), from /proc/stat. */
    static long machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long clientCpuMillis() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1_000_000;
    }

    /** The share of the machine that processes other than server and load used over a wall time. */
    static double othersShare(long otherCpuMillis, long wallNanos) {
        return wallNanos <= 0 ? 0 : otherCpuMillis / (wallNanos / 1e6 * Runtime.getRuntime().availableProcessors());
    }

    /** Server and load share the machine; anything else running (a build, a test run) skews the figures. */
    static void warnIfShared(long otherCpuMillis, long wallNanos) {
        double share = othersShare(otherCpuMillis, wallNanos);
        if (share > 0.15) {
            log("WARNING: other processes used %.0f%% of the machine meanwhile; these figures are pessimistic",
                    share * 100);
        }
    }
}
