package org.tallersocial.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** scripts/slowest-tests, which scripts/test runs at the end of every run, read from reports like surefire's. */
class SlowestTestsTest {

    private record Run(int exit, String out) {
    }

    @Test
    void the_slowest_classes_come_first_and_only_as_many_as_asked() throws Exception {
        Path reports = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "reports-");
        report(reports, "org.example.QuickTest", "0.25", 3);
        report(reports, "org.example.SlowTest", "1,234.5", 2);
        report(reports, "org.example.MiddleTest", "61.0", 12);

        Run two = run("2", reports.toString());

        assertThat(two.exit()).isZero();
        List<String> lines = two.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("2 slowest test classes");
        assertThat(lines.get(1)).contains("1234.5 s", "2  org.example.SlowTest");
        assertThat(lines.get(2)).contains("61.0 s", "12  org.example.MiddleTest");
    }

    @Test
    void no_reports_or_a_bad_count_say_so() throws Exception {
        Path empty = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "reports-");
        Run none = run("10", empty.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).contains("no test reports in " + empty);

        Run bad = run("ten", empty.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("a whole number");
    }

    /** The opening of a surefire report, its attributes in surefire's order. */
    private static void report(Path dir, String name, String time, int tests) throws IOException {
        Files.writeString(dir.resolve("TEST-" + name + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0.2" name="%s" \
                time="%s" tests="%d" errors="0" skipped="0" failures="0">
                  <properties/>
                </testsuite>
                """.formatted(name, time, tests));
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("scripts/slowest-tests"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
