package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.Cursor;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.tallersocial.backup.BackupCommand;
import org.tallersocial.backup.RestoreCommand;
import org.tallersocial.db.Database;
import org.tallersocial.db.PrivateFiles;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.ServerProcess;
import org.tallersocial.testing.TestServer;

/**
 * The data directory holds every answer and the backup secret: another user of the machine reads none
 * of it. The directory is rwx------ and every file in it rw-------, those H2 makes while it runs too;
 * backups are rw------- wherever they are written; an install from before is tightened at start.
 */
class PrivateDataDirTest {

    private static final String DIRECTORY = "rwx------";
    private static final String FILE = "rw-------";

    @Test
    void a_new_data_directory_and_every_file_the_running_kit_writes_in_it_are_its_users_alone() throws Exception {
        Path data = work().resolve("data");
        TestServer server = TestServer.on(data, TestServer.TEST_CONTENT);
        try {
            Browser marta = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.live(server, marta)) {
                LiveRoom.Phone phone = room.join("Ana");
                room.goTo(1);
                long step = phone.ws.awaitStep(1).at("/step/id").asLong();
                JsonNode reply = phone.answerAndWait(step, 0);
                assertThat(reply.path("type").asText()).as("answer stored: %s", reply).isEqualTo("ack");
            }
            Path zip = data.getParent().resolve("online.zip");
            assertThat(backup("--data-dir", data.toString(), zip.toString())).contains("from the running server");
            assertThat(files(data)).as("what the running kit wrote")
                    .contains(data.resolve("workshops.mv.db"), data.resolve("server.properties"));
            assertPrivate(data);
            assertThat(permissions(zip)).as("the backup holds the whole database").isEqualTo(FILE);
        } finally {
            server.close();
        }
        assertPrivate(data);
    }

    @Test
    void files_h2_makes_later_are_private_when_made_and_its_temporary_results_too() throws Exception {
        Path data = work().resolve("data");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Database db = Database.open(data)) {
            db.dsl().execute("SET TRACE_LEVEL_FILE 3");
            db.dsl().execute("SET MAX_MEMORY_ROWS 100");
            // A result larger than H2 keeps in memory goes to a temporary file, there while it is read: H2 puts
            // it in the JVM's temporary directory, made with Files.createTempFile, which is rw------- too.
            try (Cursor<Record> big = db.dsl().fetchLazy(
                    "SELECT MOD(X * 7919, 20011) AS K, X FROM SYSTEM_RANGE(1, 20000) ORDER BY K")) {
                big.fetchNext();
                assertThat(files(data)).as("H2's trace, written since it opened")
                        .anyMatch(f -> f.getFileName().toString().endsWith(".trace.db"));
                assertPrivate(data);
                List<Path> temporary = h2Temporary(tmp);
                assertThat(temporary).as("H2's temporary results in %s", tmp).isNotEmpty();
                for (Path f : temporary) {
                    assertThat(permissions(f)).as("%s", f).isEqualTo(FILE);
                }
            }
            db.backupTo(data.resolve("backup-test.zip.part"));
            assertPrivate(data);
        }
        assertPrivate(data);
    }

    private static List<Path> h2Temporary(Path tmp) throws IOException {
        try (Stream<Path> all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("h2tmp")
                    && p.getFileName().toString().endsWith(".temp.db")).toList();
        }
    }

    @Test
    void an_install_open_to_others_is_made_private_at_start_and_the_log_says_so_once() throws Exception {
        Path data = work().resolve("data");
        ServerProcess server = ServerProcess.start(data, TestServer.TEST_CONTENT);
        server.stop();
        // As an older kit left it, with the JVM's umask: the directory 0755, the database 0644.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(Database.file(data), PosixFilePermissions.fromString("rw-r--r--"));

        server = server.restart();
        try {
            assertPrivate(data);
            String log = server.log();
            List<String> said = log.lines().filter(l -> l.contains("was open to other users")).toList();
            assertThat(said).as(log).hasSize(1);
            assertThat(said.get(0)).contains(data.toString(), "rwxr-xr-x", "workshops.mv.db", "rw-r--r--");
            server.stop();
            server = server.restart();
            assertThat(server.log()).as("the next start finds it private").doesNotContain("was open to other users");
        } finally {
            server.stop();
        }
    }

    @Test
    void backups_of_a_stopped_server_and_restores_are_private_too() throws Exception {
        Path work = work();
        Path data = work.resolve("data");
        TestServer.on(data, TestServer.TEST_CONTENT).close();

        Path zip = work.resolve("elsewhere/stopped.zip");
        assertThat(backup("--data-dir", data.toString(), zip.toString())).contains("from the stopped database");
        assertThat(permissions(zip)).isEqualTo(FILE);

        Path fresh = work.resolve("restored/data");
        assertThat(restore(zip.toString(), "--data-dir", fresh.toString())).contains("Restored");
        assertPrivate(fresh);

        Files.setPosixFilePermissions(Database.file(data), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(restore(zip.toString(), "--data-dir", data.toString())).contains("The database it replaced is kept");
        assertThat(files(data)).anyMatch(f -> f.getFileName().toString().startsWith("workshops.mv.db.before-restore-"));
        assertPrivate(data);
    }

    @Test
    void a_data_directory_reached_through_a_link_is_made_private_where_it_lies() throws Exception {
        Path work = work();
        Path real = Files.createDirectory(work.resolve("on-another-disk"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path link = Files.createSymbolicLink(work.resolve("data"), real.toAbsolutePath());
        try (Database db = Database.open(link)) {
            assertThat(db.isReady()).isTrue();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertPrivate(real);
    }

    @Test
    void a_file_system_without_posix_permissions_is_used_as_it_is() throws Exception {
        Path zip = work().resolve("no-posix.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            assertThat(fs.supportedFileAttributeViews()).doesNotContain("posix");
            Path dir = fs.getPath("/data");
            PrivateFiles.directory(dir);
            assertThat(PrivateFiles.createFile(dir.resolve("server.properties"))).isTrue();
            try (var out = PrivateFiles.newOutputStream(dir.resolve("workshops.mv.db"))) {
                out.write(1);
            }
            PrivateFiles.directory(dir);
            assertThat(Files.size(dir.resolve("workshops.mv.db"))).isEqualTo(1);
        }
    }

    private static void assertPrivate(Path data) throws IOException {
        assertThat(permissions(data)).as("the data directory %s", data).isEqualTo(DIRECTORY);
        List<Path> files = files(data);
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(permissions(f)).as("%s", data.relativize(f)).isEqualTo(FILE);
        }
    }

    /** Every regular file under the directory, however deep. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return new ArrayList<>(all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList());
        }
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static String backup(String... args) {
        return run(true, args);
    }

    private static String restore(String... args) {
        return run(false, args);
    }

    private static String run(boolean backup, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = backup ? BackupCommand.run(args, Map.of(), o, e) : RestoreCommand.run(args, Map.of(), o, e);
        }
        String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(said).isZero();
        return said;
    }

    private static Path work() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "private-");
    }
}
