package org.tallersocial.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx as its own process, in the foreground, with its pid, logs and
 * temporary files in a test's directory, so it runs without root and leaves the
 * machine's own nginx (if any) alone. The site configuration is given whole.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path dir;

    private Nginx(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Fails on CI (CI=true) and skips elsewhere when Debian's nginx is missing. */
    public static void requireInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "The reverse-proxy test needs " + BINARY + " (Debian package nginx; scripts/test installs it).";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " CI=true, so this is a failure, not a skip.");
        }
        Assumptions.abort(message + " Skipped because CI is not true.");
    }

    /** Checks the site configuration with {@code nginx -t}; fails the test with nginx's own words if it is wrong. */
    public static void check(Path dir, String site) {
        Path conf = write(dir, site);
        Result r = run(List.of(BINARY.toString(), "-t", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", conf.toString()));
        if (r.status != 0) {
            fail("nginx -t refused the configuration:\n" + r.output + "\n--- site ---\n" + site);
        }
    }

    /** Starts nginx with the site and waits until it listens on the port. */
    public static Nginx start(Path dir, String site, int port) {
        check(dir, site);
        Path conf = dir.resolve("nginx.conf");
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(),
                    "-e", dir.resolve("error.log").toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            Nginx nginx = new Nginx(p, dir);
            nginx.awaitListening(port);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String errorLog() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("nginx stopped at once:\n" + errorLog());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        fail("nginx did not listen on " + port + " within 20 s:\n" + errorLog());
    }

    /** The main configuration: one process in the foreground, every path it writes inside {@code dir}. */
    private static Path write(Path dir, String site) {
        String d = dir.toAbsolutePath().toString();
        String main = """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log notice;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(d);
        try {
            Files.writeString(dir.resolve("site.conf"), site);
            return Files.writeString(dir.resolve("nginx.conf"), main);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int status, String output) {
    }

    private static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + "\n(timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM (nginx's fast shutdown), then SIGKILL if it lingers. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
