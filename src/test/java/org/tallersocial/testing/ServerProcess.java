package org.tallersocial.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tallersocial.Main;

/**
 * The kit as its own JVM, as `scripts/start` runs it, so a test can kill it
 * for real (SIGKILL leaves no shutdown hook a chance) and read its whole log.
 */
public final class ServerProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path contentDir;
    private final int port;
    /** Options beyond port, data and content, e.g. --durable-commits on; a restart keeps them. */
    private final List<String> options;
    private final Process process;
    private final List<String> log = new ArrayList<>();

    private ServerProcess(Path dataDir, Path contentDir, int port, List<String> options) {
        this(dataDir, contentDir, port, 0, options);
    }

    /** @param fileLimitKb if above 0, no file the server writes may grow beyond it (ulimit -f): a full disk */
    private ServerProcess(Path dataDir, Path contentDir, int port, long fileLimitKb, List<String> options) {
        this.dataDir = dataDir;
        this.contentDir = contentDir;
        this.port = port;
        this.options = List.copyOf(options);
        List<String> command = new ArrayList<>();
        if (fileLimitKb > 0) {
            // The JVM ignores SIGXFSZ, so a write past the limit fails with EFBIG as on a full disk.
            command.addAll(List.of("bash", "-c", "ulimit -f " + fileLimitKb + " && exec \"$@\"", "server"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        command.addAll(SERVER_JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--content-dir", contentDir.toString()));
        command.addAll(options);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread drain = new Thread(this::drain, "server-log-" + port);
        drain.setDaemon(true);
        drain.start();
        awaitLine("Press Ctrl-C");
    }

    /** The JVM flags scripts/start gives the server, read from the file it reads them from. */
    static final List<String> SERVER_JVM_FLAGS = serverJvmFlags();

    private static List<String> serverJvmFlags() {
        try {
            String line = java.nio.file.Files.readAllLines(Path.of("scripts/lib/server-jvm.sh")).stream()
                    .filter(l -> l.startsWith("SERVER_JVM_FLAGS=(")).findFirst().orElseThrow();
            return List.of(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerProcess start(Path dataDir, Path contentDir) {
        return start(dataDir, contentDir, List.of());
    }

    /** With more of the kit's options, e.g. {@code List.of("--durable-commits", "on")}. */
    public static ServerProcess start(Path dataDir, Path contentDir, List<String> options) {
        return new ServerProcess(dataDir, contentDir, freePort(), options);
    }

    /** The same data directory and port, after this one has ended. */
    public ServerProcess restart() {
        assertThat(process.isAlive()).as("restart after the process ended").isFalse();
        return new ServerProcess(dataDir, contentDir, port, options);
    }

    /** The same data directory and port, with its files unable to grow past {@code kb} KiB beyond now. */
    public ServerProcess restartWithRoomFor(long kb) throws java.io.IOException {
        assertThat(process.isAlive()).as("restart after the process ended").isFalse();
        long largest;
        try (var files = java.nio.file.Files.list(dataDir)) {
            largest = files.mapToLong(f -> f.toFile().length()).max().orElse(0);
        }
        return new ServerProcess(dataDir, contentDir, port, largest / 1024 + kb, options);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the sockets. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGINT, as Ctrl-C: queued answers are written, H2 closes its file. */
    public void stop() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s").isTrue();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String wsUrl() {
        return "ws://localhost:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Browser browser() {
        return new Browser(baseUrl());
    }

    public long pid() {
        return process.pid();
    }

    /** The one-time setup link the server printed, as a path, for a client that creates the first account itself. */
    public String setupPath() {
        String line = awaitLine("/setup/");
        return line.substring(line.indexOf("/setup/")).trim();
    }

    /** Everything the server printed so far. */
    public String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /** The first account, through the one-time setup link the server printed; the browser is logged in. */
    public Browser firstFacilitator() {
        String path = setupPath();
        Browser browser = browser();
        browser.get(path);
        Browser.Response r = browser.post(path, "name", "Marta Facilitadora", "email", "marta@example.org",
                "password", Facilitators.PASSWORD, "confirm", Facilitators.PASSWORD);
        assertThat(r.status()).as("setup: %s", r.body()).isEqualTo(303);
        return browser;
    }

    public String awaitLine(String fragment) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (log) {
                for (String line : log) {
                    if (line.contains(fragment)) {
                        return line;
                    }
                }
                try {
                    log.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("no line with '" + fragment + "' in:\n" + log());
    }

    private void drain() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    log.add(line);
                    log.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
