package org.tallersocial.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** scripts/backup and scripts/restore, run as a person runs them, against a real server and its H2 file. */
class BackupRestoreTest {

    private final List<TestServer> servers = new ArrayList<>();
    private Path work;

    @BeforeEach
    void dirs() throws IOException {
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "backup-");
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closed by the test already
            }
        });
    }

    @Test
    void a_workshop_with_answers_round_trips_through_backup_and_restore_while_the_server_runs() throws Exception {
        TestServer server = keep(TestServer.start(TestServer.REAL_CONTENT));
        Browser facilitator = Facilitators.first(server);
        LiveRoom room = DefaultRun.closed(server, facilitator, "Copias Ruiz");
        String reportBefore = json(facilitator, room.id);
        assertThat(reportBefore).contains("Copias Ruiz", "Answer from phone 3");

        Path zip = work.resolve("copy.zip");
        Run backup = script("backup", "--data-dir", server.dataDir().toString(), zip.toString());
        assertThat(backup.exit).as(backup.output).isZero();
        assertThat(backup.output).contains("from the running server");
        assertThat(zip).isRegularFile();

        Run refused = script("restore", zip.toString(), "--data-dir", server.dataDir().toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.output).contains("a running server holds the database", "stop it first",
                "Nothing was changed");
        assertThat(json(facilitator, room.id)).as("the running server is untouched").isEqualTo(reportBefore);

        Path restoredDir = work.resolve("restored");
        Run restore = script("restore", zip.toString(), "--data-dir", restoredDir.toString());
        assertThat(restore.exit).as(restore.output).isZero();
        assertThat(restore.output).contains("Restored", "schema version");

        TestServer restored = keep(TestServer.on(restoredDir, TestServer.REAL_CONTENT));
        Browser again = restored.browser();
        assertThat(again.post("/login", "email", "marta@example.org", "password", Facilitators.PASSWORD).status())
                .isEqualTo(303);
        assertThat(json(again, room.id)).as("the restored server serves the same results").isEqualTo(reportBefore);
    }

    @Test
    void a_server_under_a_path_is_backed_up_online_too() throws Exception {
        TestServer server = keep(TestServer.reachedAt("https://example.org/taller", TestServer.TEST_CONTENT));
        Path zip = work.resolve("prefixed.zip");
        Run backup = script("backup", "--data-dir", server.dataDir().toString(), zip.toString());
        assertThat(backup.exit).as(backup.output).isZero();
        assertThat(backup.output).contains("from the running server");
        assertThat(zip).isRegularFile();
    }

    @Test
    void a_stopped_server_is_backed_up_from_its_file_and_a_restore_keeps_the_database_it_replaces() throws Exception {
        TestServer server = TestServer.start();
        Browser facilitator = Facilitators.first(server);
        LiveRoom room = LiveRoom.live(server, facilitator);
        server.close();
        assertThat(AdminFile.in(server.dataDir())).as("the server removes its admin file when it stops")
                .doesNotExist();

        Path zip = work.resolve("stopped.zip");
        Run backup = script("backup", "--data-dir", server.dataDir().toString(), zip.toString());
        assertThat(backup.exit).as(backup.output).isZero();
        assertThat(backup.output).contains("from the stopped database");

        Run restore = script("restore", zip.toString(), "--data-dir", server.dataDir().toString());
        assertThat(restore.exit).as(restore.output).isZero();
        assertThat(restore.output).contains("The database it replaced is kept as");
        try (var files = Files.list(server.dataDir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("workshops.mv.db.before-restore-"));
        }
        TestServer back = keep(TestServer.on(server.dataDir(), TestServer.TEST_CONTENT));
        Browser again = back.browser();
        again.post("/login", "email", "marta@example.org", "password", Facilitators.PASSWORD);
        assertThat(again.get("/facilitate/" + room.id).body()).contains(room.code);
    }

    @Test
    void restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing() throws Exception {
        Path notAZip = Files.writeString(work.resolve("notes.zip"), "not a zip at all");
        Path dir = work.resolve("empty");
        Run restore = script("restore", notAZip.toString(), "--data-dir", dir.toString());
        assertThat(restore.exit).isEqualTo(1);
        assertThat(restore.output).contains("is not a backup of this kit");
        assertThat(dir.resolve("workshops.mv.db")).doesNotExist();

        Run missing = script("restore", "--data-dir", dir.toString());
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.output).contains("which backup?");

        Run nothing = script("backup", "--data-dir", dir.toString(), work.resolve("x.zip").toString());
        assertThat(nothing.exit).isEqualTo(1);
        assertThat(nothing.output).contains("no database in");
    }

    @Test
    void both_scripts_explain_themselves() throws Exception {
        assertThat(script("backup", "--help").output).contains("--data-dir", "online backup", "POST /admin/backup");
        assertThat(script("restore", "--help").output).contains("--data-dir", "Stop the server first");
    }

    @Test
    void the_backup_route_wants_the_servers_secret_and_no_cookie_stands_in_for_it() throws Exception {
        TestServer server = keep(TestServer.start());
        Browser facilitator = Facilitators.first(server);
        HttpClient http = HttpClient.newHttpClient();
        for (String auth : new String[] {null, "Bearer ", "Bearer wrong-" + "x".repeat(40), "Basic a2l0Og=="}) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.baseUrl() + BackupRoute.PATH))
                    .header("Cookie", facilitator.cookieHeader())
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (auth != null) {
                req.header("Authorization", auth);
            }
            HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as("Authorization %s", auth).isEqualTo(403);
        }
        String token = AdminFile.read(server.dataDir()).orElseThrow().token();
        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + BackupRoute.PATH))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("zip"));
        assertThat(new String(ok.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // The server removes its temporary copy once the stream is closed, just after the last byte is sent.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean left = true;
        while (left && System.nanoTime() < deadline) {
            try (var files = Files.list(server.dataDir())) {
                left = files.anyMatch(p -> p.getFileName().toString().startsWith("backup-"));
            }
            Thread.sleep(20);
        }
        assertThat(left).as("the temporary backup in the data directory is removed").isFalse();
    }

    private TestServer keep(TestServer server) {
        servers.add(server);
        return server;
    }

    private static String json(Browser browser, long id) {
        Browser.Response r = browser.get("/facilitate/" + id + "/report/report.json");
        assertThat(r.status()).isEqualTo(200);
        return r.body().replaceAll("\"generatedAt\"\\s*:\\s*\"[^\"]*\"", "");
    }

    record Run(int exit, String output) {
    }

    /** The script itself, with this build's classes instead of the jar. */
    private static Run script(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("scripts/" + name));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TALLER_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
