package org.tallersocial.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tallersocial.App;
import org.tallersocial.Config;

/**
 * The real kit on a random port, over a real H2 file. Restartable on the same
 * data directory, as a facilitator restarting the server would.
 */
public final class TestServer implements AutoCloseable {

    public static final Path REAL_CONTENT = Path.of("workshop-content");
    public static final Path TEST_CONTENT = Path.of("src/test/resources/test-content");

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path dataDir;
    private final Path contentDir;
    private final int port;
    private App app;

    private TestServer(Path dataDir, Path contentDir, int port) {
        this.dataDir = dataDir;
        this.contentDir = contentDir;
        this.port = port;
        boot();
    }

    /** A server with the test templates (one step of each poll kind) in a fresh data directory. */
    public static TestServer start() {
        return start(TEST_CONTENT);
    }

    public static TestServer start(Path contentDir) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return new TestServer(Files.createTempDirectory(target, "data-"), contentDir, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on a data directory that already exists, e.g. one a restore filled. */
    public static TestServer on(Path dataDir, Path contentDir) {
        return new TestServer(dataDir, contentDir, 0);
    }

    private void boot() {
        try {
            Config config = new Config(port, dataDir, "http://localhost:" + (port == 0 ? 7070 : port), contentDir);
            app = App.create(config).start();
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    /** Stops the server cleanly and starts it again on the same port and data. */
    public TestServer restart() {
        return restart(() -> { });
    }

    /** A restart with something done while the server is down, e.g. a person answering on a phone. */
    public TestServer restart(Runnable whileDown) {
        int samePort = app.port();
        app.close();
        whileDown.run();
        return new TestServer(dataDir, contentDir, samePort);
    }

    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    public String wsUrl() {
        return "ws://localhost:" + app.port();
    }

    public int port() {
        return app.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public App app() {
        return app;
    }

    public Browser browser() {
        return new Browser(baseUrl());
    }

    @Override
    public void close() {
        app.close();
    }
}
