package org.tallersocial.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The load generator's command line. */
record Options(String baseUrl, String setupPath, Path dataDir, long serverPid, int phones, int workshops,
               boolean connectOnly, boolean reveal, boolean compareBare, List<String> serverJvm,
               int socketsPerClient, int httpClients, int clientThreads, int joinConcurrency, Path contentFile,
               String template, String stepKey, Duration joinTimeout, Duration answerTimeout,
               Duration projectorTimeout, Duration stopTimeout, int warmupRounds, int spreadMillis,
               List<String> exercises) {

    static final String USAGE = """
            Usage: LoadGenerator --base-url http://localhost:PORT --setup-path /setup/TOKEN
                                 --data-dir DIR --server-pid PID [options]
              --phones N               phones per workshop to join and answer (default 1000)
              --workshops N            workshops live at once, each with its own projector, console and
                                       N phones; the figures are given per workshop (default 1)
              --connect-only           join and connect, but do not answer
              --reveal                 reveal the poll to the phones first, so that each phone receives
                                       the coalesced results while the room answers
              --compare-bare           after the measured burst, one more on another poll, revealed to the
                                       phones; then replay the results they received from it to as many
                                       sockets from a bare Jetty server (a second JVM started with
                                       --server-jvm) and compare the fan-out
              --server-jvm "FLAGS"     the server JVM's flags, given to the bare Jetty JVM too
              --sockets-per-client N   WebSockets per java.net.http client (default 200)
              --join-concurrency N     joins in flight at once (default 32)
              --client-threads N       the shared executor's threads (default 4)
              --content FILE           template YAML (default workshop-content/social-business/en.yaml)
              --step KEY               poll step to use (default: first visible single/multiple choice)
              --join-timeout-s N       give up joining after N s (default 600)
              --answer-timeout-s N     give up waiting for acks after N s (default 60)
              --warmup-rounds N        answer another poll N times first, unmeasured (default 0:
                                       the measured burst is the server's first, as in a real room)
              --spread-ms N            the phones answer evenly over N ms instead of all at once, as a room
                                       does in the seconds after a poll opens (default 0: all at once;
                                       with --exercise 10000)
              --exercise KIND[,KIND]   instead of a poll, the phones go through an exercise of the template:
                                       profiles, raci, ideas or questions (on the first step), one after
                                       the other when several are given, each with its own last line
              --reactions              the same as --exercise reactions: one tap each on the first step,
                                       within --spread-ms (default 2000 here)
            """;

    int totalPhones() {
        return phones * workshops;
    }

    static Options parse(String[] args) {
        String baseUrl = null;
        String setupPath = null;
        String dataDir = null;
        long pid = -1;
        int phones = 1000;
        int workshops = 1;
        boolean connectOnly = false;
        boolean reveal = false;
        boolean compare = false;
        List<String> serverJvm = new ArrayList<>();
        int perClient = 200;
        int concurrency = 32;
        int threads = 4;
        String content = "workshop-content/social-business/en.yaml";
        String step = null;
        int joinTimeout = 600;
        int answerTimeout = 60;
        int warmup = 0;
        int spread = -1;
        List<String> exercises = List.of();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--connect-only" -> connectOnly = true;
                case "--reveal" -> reveal = true;
                case "--reactions" -> exercises = List.of("reactions");
                case "--compare-bare" -> compare = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + a);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--base-url" -> baseUrl = v;
                        case "--setup-path" -> setupPath = v;
                        case "--data-dir" -> dataDir = v;
                        case "--server-pid" -> pid = Long.parseLong(v);
                        case "--phones" -> phones = Integer.parseInt(v);
                        case "--workshops" -> workshops = Integer.parseInt(v);
                        case "--server-jvm" -> serverJvm = Arrays.stream(v.trim().split("\\s+"))
                                .filter(s -> !s.isEmpty()).toList();
                        case "--sockets-per-client" -> perClient = Integer.parseInt(v);
                        case "--join-concurrency" -> concurrency = Integer.parseInt(v);
                        case "--client-threads" -> threads = Integer.parseInt(v);
                        case "--content" -> content = v;
                        case "--step" -> step = v;
                        case "--join-timeout-s" -> joinTimeout = Integer.parseInt(v);
                        case "--answer-timeout-s" -> answerTimeout = Integer.parseInt(v);
                        case "--warmup-rounds" -> warmup = Integer.parseInt(v);
                        case "--spread-ms" -> spread = Integer.parseInt(v);
                        case "--exercise" -> exercises = Arrays.stream(v.split(",")).map(String::trim).toList();
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
        }
        if (baseUrl == null || setupPath == null || dataDir == null || pid <= 0) {
            throw new IllegalArgumentException("--base-url, --setup-path, --data-dir and --server-pid are required");
        }
        if (phones < 1 || workshops < 1 || perClient < 1 || concurrency < 1 || threads < 1) {
            throw new IllegalArgumentException("counts must be at least 1");
        }
        if (workshops > 100) {
            throw new IllegalArgumentException("--workshops: at most 100");
        }
        if (compare && (workshops != 1 || connectOnly)) {
            throw new IllegalArgumentException("--compare-bare needs one workshop that answers");
        }
        for (String kind : exercises) {
            if (!ExerciseLoad.KINDS.contains(kind)) {
                throw new IllegalArgumentException("--exercise: " + kind + " is not one of " + ExerciseLoad.KINDS);
            }
        }
        if (!exercises.isEmpty() && (connectOnly || compare || reveal || warmup > 0 || step != null)) {
            throw new IllegalArgumentException("--exercise goes with none of --connect-only, --compare-bare, --reveal,"
                    + " --warmup-rounds, --step");
        }
        if (spread < 0) {
            // A room takes its time over an exercise; a poll's default burst is the hardest case.
            spread = exercises.isEmpty() ? 0 : exercises.equals(List.of("reactions")) ? 2_000 : 10_000;
        }
        return new Options(baseUrl.replaceAll("/$", ""), setupPath, Path.of(dataDir), pid, phones, workshops,
                connectOnly, reveal, compare, serverJvm, perClient,
                Math.max(1, Math.min(8, concurrency / 8)), threads, concurrency, Path.of(content),
                "social-business/en", step, Duration.ofSeconds(joinTimeout), Duration.ofSeconds(answerTimeout),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Math.max(0, Math.min(20, warmup)),
                Math.max(0, Math.min(60_000, spread)), exercises);
    }
}
