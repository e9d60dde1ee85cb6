package org.tallersocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.ServerProcess;

/**
 * scripts/bench in miniature, so that it cannot quietly stop working: a small
 * room joins a real server process the way the bench's phones do, answers,
 * and is compared with bare Jetty, and every figure of the last line is there.
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
}
