package org.tallersocial.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.tallersocial.db.Database;
import org.tallersocial.db.PrivateFiles;

/**
 * `scripts/backup [--data-dir DIR] [FILE]`. With a server running on DIR it
 * asks that server (H2 allows one process per file); with none, it opens the
 * file itself. Either way the result is H2's consistent online backup.
 */
public final class BackupCommand {

    public static final String USAGE = """
            Usage: scripts/backup [--data-dir DIR] [FILE]
              Writes a consistent copy of the database in DIR (env DATA_DIR, default ./data)
              to FILE (default ./taller-social-backup-YYYYMMDD-HHMMSS.zip), a zip that
              scripts/restore brings back.
              While the server runs, it asks the server for H2's online backup
              (POST /admin/backup on localhost, or the address given to --bind, authenticated
              by the secret the server keeps in DIR/server.properties); phones keep answering.
              With no server running, it reads the database file directly.
              --help              print this and exit
            """;

    private BackupCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        BackupArgs parsed = BackupArgs.parse(args, env);
        if (parsed.help()) {
            out.print(USAGE);
            return 0;
        }
        if (parsed.problem() != null) {
            return usage(err, parsed.problem());
        }
        Path dataDir = parsed.dataDir();
        Path target = parsed.file();
        if (target == null) {
            target = Path.of("taller-social-backup-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
        }
        target = target.toAbsolutePath().normalize();
        if (!Files.isRegularFile(Database.file(dataDir))) {
            err.println("error: no database in " + dataDir + " (expected " + Database.file(dataDir).getFileName() + ")");
            return 1;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(part);
            String how = fromRunningServer(dataDir, part, err) ? "from the running server" : null;
            if (how == null) {
                Database.backupStopped(dataDir, part);
                how = "from the stopped database";
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("Backed up " + dataDir + " " + how + " to " + target + " (" + Files.size(target) + " bytes).");
            return 0;
        } catch (Database.InUseException e) {
            err.println("error: a server holds " + dataDir + " but does not answer on the port in "
                    + AdminFile.NAME + "; is it still starting? Try again in a moment.");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("error: backup failed: " + e.getMessage());
            return 1;
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing useful to add to the message already printed
            }
        }
    }

    /** True once the running server has sent its backup; false if no server answers (it is stopped). */
    private static boolean fromRunningServer(Path dataDir, Path part, PrintStream err) throws IOException {
        var admin = AdminFile.read(dataDir);
        if (admin.isEmpty()) {
            return false;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin.get().url() + BackupRoute.PATH))
                .header("Authorization", "Bearer " + admin.get().token())
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the server on port " + admin.get().port() + " answered "
                        + response.statusCode() + ": " + new String(body.readAllBytes()));
            }
            // The whole database: rw------- from its first byte, wherever it is written (the move keeps it so).
            try (OutputStream out = PrivateFiles.newOutputStream(part)) {
                body.transferTo(out);
            }
        }
        return true;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        return 2;
    }
}
