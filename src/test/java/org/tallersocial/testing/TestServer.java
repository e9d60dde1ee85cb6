package org.tallersocial.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tallersocial.App;
import org.tallersocial.Config;
import org.tallersocial.db.Database;

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
    /** Null for the default, http://localhost:PORT. */
    private final String publicUrl;
    private final java.time.Clock clock;
    /** Null for every interface. */
    private final String bind;
    private final boolean durableCommits;
    private App app;

    private TestServer(Path dataDir, Path contentDir, int port) {
        this(dataDir, contentDir, port, null);
    }

    private TestServer(Path dataDir, Path contentDir, int port, String publicUrl) {
        this(dataDir, contentDir, port, publicUrl, java.time.Clock.systemUTC());
    }

    private TestServer(Path dataDir, Path contentDir, int port, String publicUrl, java.time.Clock clock) {
        this(dataDir, contentDir, port, publicUrl, clock, null);
    }

    private TestServer(Path dataDir, Path contentDir, int port, String publicUrl, java.time.Clock clock, String bind) {
        this(dataDir, contentDir, port, publicUrl, clock, bind, false);
    }

    private TestServer(Path dataDir, Path contentDir, int port, String publicUrl, java.time.Clock clock, String bind,
                       boolean durableCommits) {
        this.durableCommits = durableCommits;
        this.bind = bind;
        this.clock = clock;
        this.dataDir = dataDir;
        this.contentDir = contentDir;
        this.port = port;
        this.publicUrl = publicUrl;
        boot();
    }

    /** A server with the test templates (one step of each poll kind) in a fresh data directory. */
    public static TestServer start() {
        return start(TEST_CONTENT);
    }

    public static TestServer start(Path contentDir) {
        return new TestServer(freshDataDir(), contentDir, 0);
    }

    /** A server whose clock the test moves, with the test templates. */
    public static TestServer withClock(java.time.Clock clock) {
        return new TestServer(freshDataDir(), TEST_CONTENT, 0, null, clock);
    }

    /** A server that people reach at another address, e.g. https://localhost:8443/taller through a proxy. */
    public static TestServer reachedAt(String publicUrl, Path contentDir) {
        return new TestServer(freshDataDir(), contentDir, 0, publicUrl);
    }

    /** A server listening on one address of this machine only (--bind), with the test templates. */
    public static TestServer boundTo(String bind) {
        return new TestServer(freshDataDir(), TEST_CONTENT, 0, null, java.time.Clock.systemUTC(), bind);
    }

    /** A server started with --durable-commits on, with the test templates. */
    public static TestServer withDurableCommits() {
        return new TestServer(freshDataDir(), TEST_CONTENT, 0, null, java.time.Clock.systemUTC(), null, true);
    }

    /** Reached at a public URL and listening on one address only, as behind a proxy on the same machine. */
    public static TestServer reachedAt(String publicUrl, Path contentDir, String bind) {
        return new TestServer(freshDataDir(), contentDir, 0, publicUrl, java.time.Clock.systemUTC(), bind);
    }

    /**
     * A data directory as a first start leaves it: the database file holds every migration. Flyway
     * runs them once per test JVM, on a directory of its own, and each server gets a copy of that
     * file; running them for each of the suite's hundreds of servers was the largest part of the
     * CPU the servers spent. A server started on a directory with no file (scripts/start's first
     * start, ServerProcess, {@link #on}) still runs them all itself.
     */
    private static Path freshDataDir() {
        try {
            Path dir = Files.createTempDirectory(target(), "data-");
            Files.copy(Migrated.FILE, Database.file(dir));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path target() throws IOException {
        return Files.createDirectories(Path.of("target"));
    }

    /** The migrated database, made on first need. */
    private static final class Migrated {
        static final Path FILE = make();

        private static Path make() {
            try {
                Path dir = Files.createTempDirectory(target(), "migrated-");
                Database.open(dir).close();
                return Database.file(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A server on a data directory that already exists, e.g. one a restore filled. */
    public static TestServer on(Path dataDir, Path contentDir) {
        return new TestServer(dataDir, contentDir, 0);
    }

    private void boot() {
        try {
            Config config = new Config(port, dataDir,
                    publicUrl != null ? publicUrl : "http://localhost:" + (port == 0 ? 7070 : port), contentDir,
                    true, bind, durableCommits);
            app = App.create(config, clock).start();
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
        return new TestServer(dataDir, contentDir, samePort, publicUrl, clock, bind, durableCommits);
    }

    /** The kit itself, spoken to directly (under its base path, if the public URL has one). */
    public String baseUrl() {
        return "http://" + app.config().localHost() + ":" + app.port() + app.config().basePath();
    }

    public String wsUrl() {
        return "ws://" + app.config().localHost() + ":" + app.port() + app.config().basePath();
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
