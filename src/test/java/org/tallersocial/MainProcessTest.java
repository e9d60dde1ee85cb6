package org.tallersocial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;

/** The kit as `scripts/start` runs it: a separate process, stopped with a signal like Ctrl-C. */
class MainProcessTest {

    @Test
    void help_lists_the_options_and_exits_zero() throws Exception {
        Process p = java(List.of("--help"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("--port", "--data-dir", "--public-url");
    }

    @Test
    void a_bad_option_exits_with_a_message() throws Exception {
        Process p = java(List.of("--port", "abc"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("error: port must be a number");
    }

    @Test
    void it_prints_the_setup_link_serves_health_and_shuts_down_cleanly_on_a_signal() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "main-");
        int port = freePort();
        Process p = java(List.of("--port", String.valueOf(port), "--data-dir", data.toString(),
                "--public-url", "http://192.0.2.10:" + port));
        LinkedBlockingQueue<String> lines = drain(p);
        String setup = awaitLine(lines, "/setup/");
        assertThat(setup).contains("http://192.0.2.10:" + port + "/setup/");
        awaitLine(lines, "Press Ctrl-C");

        Browser browser = new Browser("http://localhost:" + port);
        assertThat(browser.get("/health").body()).contains("\"status\":\"ok\"");

        // Ctrl-C in a terminal sends SIGINT to the process.
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s").isTrue();
        awaitLine(lines, "shutting down");
        awaitLine(lines, "stopped");
        assertThat(Files.exists(data.resolve("workshops.mv.db"))).isTrue();
        assertThat(Files.exists(data.resolve("workshops.lock.db"))).as("H2 closed its file").isFalse();
    }

    private static Process java(List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static LinkedBlockingQueue<String> drain(Process p) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return lines;
    }

    private static String awaitLine(LinkedBlockingQueue<String> lines, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.append(line).append('\n');
            if (line.contains(fragment)) {
                return line;
            }
        }
        throw new AssertionError("no line with '" + fragment + "' in:\n" + seen);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
