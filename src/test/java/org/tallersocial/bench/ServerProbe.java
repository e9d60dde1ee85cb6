package org.tallersocial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server JVM seen from outside: its CPU time, its heap (jcmd/jstat), a clean stop (SIGTERM). */
final class ServerProbe {
    record Heap(double usedBeforeMb, double usedAfterMb, String maxMb) {
    }

    private final long pid;

    ServerProbe(long pid) {
        this.pid = pid;
    }

    /** user + system CPU of the server process, from /proc (clock ticks of 10 ms). */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    String status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    String v = line.substring(field.length() + 1).trim();
                    if (v.endsWith(" kB")) {
                        return String.format(Locale.ROOT, "%.0f", Long.parseLong(v.replace(" kB", "")) / 1024.0);
                    }
                    return v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return "?";
    }

    Heap heap() throws IOException, InterruptedException {
        double before = usedKb() / 1024.0;
        run(Duration.ofSeconds(60), "jcmd", String.valueOf(pid), "GC.run");
        double after = usedKb() / 1024.0;
        String max = "?";
        Matcher m = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)")
                .matcher(run(Duration.ofSeconds(30), "jcmd", String.valueOf(pid), "VM.flags", "-all"));
        if (m.find()) {
            max = String.format(Locale.ROOT, "%.0f MB", Long.parseLong(m.group(1)) / 1048576.0);
        }
        return new Heap(before, after, max);
    }

    /** Survivor + eden + old used, in KB, from jstat -gc (works for every collector). */
    private double usedKb() throws IOException, InterruptedException {
        String[] lines = run(Duration.ofSeconds(30), "jstat", "-gc", String.valueOf(pid)).trim().split("\n");
        Bench.require(lines.length >= 2, "jstat -gc printed nothing useful");
        List<String> names = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        double used = 0;
        for (String col : List.of("S0U", "S1U", "EU", "OU")) {
            used += Double.parseDouble(values[names.indexOf(col)]);
        }
        return used;
    }

    void stop(Duration timeout) throws InterruptedException {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || exited()) {
            throw new IllegalStateException("the server (pid " + pid + ") is already gone");
        }
        handle.get().destroy(); // SIGTERM: the shutdown hook stops Jetty, drains the writer, closes H2
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!exited()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not stop within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Gone, or a zombie waiting for scripts/bench to reap it: either way its files are closed. */
    private boolean exited() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    static String run(Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        try {
            return out.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            return "";
        }
    }
}
