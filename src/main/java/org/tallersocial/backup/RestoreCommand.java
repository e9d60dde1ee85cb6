package org.tallersocial.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tallersocial.db.Database;
import org.tallersocial.db.PrivateFiles;

/**
 * `scripts/restore FILE [--data-dir DIR]`: puts a backup zip back as the
 * database of DIR. It refuses while a server holds DIR (replacing a file
 * under a running H2 corrupts both), and keeps the database it replaces.
 */
public final class RestoreCommand {

    public static final String USAGE = """
            Usage: scripts/restore FILE [--data-dir DIR]
              Brings back a backup made by scripts/backup as the database in DIR
              (env DATA_DIR, default ./data). Stop the server first: restore refuses
              to touch a data directory that a running server holds.
              A database already in DIR is kept beside it as
              workshops.mv.db.before-restore-YYYYMMDD-HHMMSS.
              --help              print this and exit
            """;
    private static final String ENTRY = Database.file(Path.of(".")).getFileName().toString();

    private RestoreCommand() {
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
        Path zip = parsed.file();
        if (zip == null) {
            return usage(err, "which backup? give the FILE that scripts/backup wrote");
        }
        if (!Files.isRegularFile(zip)) {
            err.println("error: no backup file " + zip.toAbsolutePath());
            return 1;
        }
        if (Database.inUse(dataDir)) {
            err.println("error: a running server holds the database in " + dataDir
                    + "; stop it first (Ctrl-C in its terminal), then restore. Nothing was changed.");
            return 1;
        }
        Path dbFile = Database.file(dataDir);
        Path incoming = dbFile.resolveSibling(ENTRY + ".restoring");
        try {
            if (!extract(zip, incoming)) {
                err.println("error: " + zip.toAbsolutePath() + " is not a backup of this kit (no " + ENTRY + " inside)");
                return 1;
            }
            Path kept = null;
            if (Files.exists(dbFile)) {
                kept = dbFile.resolveSibling(ENTRY + ".before-restore-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                Files.move(dbFile, kept);
            }
            Files.move(incoming, dbFile, StandardCopyOption.ATOMIC_MOVE);
            int migrations = Database.migrationsIn(dataDir);
            out.println("Restored " + zip.toAbsolutePath() + " into " + dataDir + " (schema version "
                    + migrations + ").");
            if (kept != null) {
                out.println("The database it replaced is kept as " + kept);
            }
            return 0;
        } catch (IOException | SQLException e) {
            err.println("error: restore failed: " + e.getMessage());
            return 1;
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // the message above already says what went wrong
            }
        }
    }

    /** Copies the database entry out of the zip; false if the zip has none. */
    private static boolean extract(Path zip, Path to) throws IOException {
        // The server's own rules for its data directory: private, and an older one tightened.
        PrivateFiles.directory(to.getParent());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && Path.of(e.getName()).getFileName().toString().equals(ENTRY)) {
                    try (OutputStream out = PrivateFiles.newOutputStream(to)) {
                        in.transferTo(out);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        return 2;
    }
}
