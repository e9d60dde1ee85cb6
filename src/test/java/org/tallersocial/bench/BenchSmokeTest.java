package org.tallersocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.ServerProcess;

/**
 * scripts/bench in miniature, so that it cannot quietly stop working: a small
 * room joins a real server process the way the bench's phones do, answers,
 * and is compared with bare Jetty, and every figure of the last line is there;
 * another goes through the profiles and the ideas exercises.
 */
class BenchSmokeTest {

    @Test
    void a_small_room_runs_through_the_whole_bench_and_its_comparison_with_bare_jetty() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bench-");
        Path data = work.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, Path.of("workshop-content"))) {
            LoadGenerator.Outcome run = LoadGenerator.runInProcess("--base-url", server.baseUrl(),
                    "--setup-path", server.setupPath(), "--data-dir", data.toString(),
                    "--server-pid", String.valueOf(server.pid()), "--phones", "12", "--spread-ms", "600",
                    "--compare-bare", "--server-jvm", "-Xmx128m");

            assertThat(run.status()).as(run.lastLine()).isZero();
            assertThat(run.lastLine()).startsWith("phones=12 workshops=1 answered=12 lost=0 ")
                    .contains("hub_fanout_p50_ms=", "bare_fanout_p50_ms=", "fanout_ratio=")
                    .doesNotContain("projector_exact_ms=na", "broadcasts=0 ");
        }
    }

    /** Timing targets are not checked here (scripts/test shares the machine): only that nothing is refused or lost. */
    @Test
    void a_small_room_goes_through_profiles_and_ideas_with_every_input_acked_stored_and_counted() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bench-");
        Path data = work.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, Path.of("workshop-content"))) {
            LoadGenerator.Outcome run = LoadGenerator.runInProcess("--base-url", server.baseUrl(),
                    "--setup-path", server.setupPath(), "--data-dir", data.toString(),
                    "--server-pid", String.valueOf(server.pid()), "--phones", "12", "--spread-ms", "800",
                    "--exercise", "profiles,ideas");

            assertThat(run.status()).as(run.lastLine()).isLessThan(2);
            assertThat(run.lines()).hasSize(2);
            // 12 phones x 8 networks of the template.
            assertThat(run.lines().get(0)).startsWith("phones=12 workshops=1 exercise=profiles answered=96 messages=96 lost=0 ")
                    .contains(" refused=0 ", " phone_kb_p99=").doesNotContain("=na");
            // 12 ideas, then up to 3 votes each for ideas already shown: the first phone has none to vote for.
            assertThat(run.lines().get(1)).startsWith("phones=12 workshops=1 exercise=ideas ")
                    .contains(" lost=0 ").contains(" refused=0 ", " phone_kb_p99=").doesNotContain("=na");
            String[] f = run.lines().get(1).split(" ");
            assertThat(field(f, "answered")).isEqualTo(field(f, "messages")).isGreaterThan(12);
        }
    }

    private static int field(String[] fields, String name) {
        for (String f : fields) {
            if (f.startsWith(name + "=")) {
                return Integer.parseInt(f.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name + " in the last line");
    }
}
