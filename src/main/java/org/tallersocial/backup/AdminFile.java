package org.tallersocial.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.tallersocial.db.PrivateFiles;

/**
 * How a command on the same machine finds the running server: the address and
 * port it listens on, the path it serves under (empty at the root) and a
 * fresh secret, in a file only the server's user can read, inside the data
 * directory. Whoever can read it can read the database file itself, so the
 * secret gives no power they did not already have.
 */
public record AdminFile(String host, int port, String basePath, String token) {

    public static final String NAME = "server.properties";

    /** The server's address, as a URL has it. */
    public String url() {
        return "http://" + host + ":" + port + basePath;
    }

    public static Path in(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    public void writeTo(Path dataDir) {
        Path file = in(dataDir);
        Path part = dataDir.resolve(NAME + ".part");
        try {
            Files.deleteIfExists(part);
            PrivateFiles.createFile(part);
            Properties p = new Properties();
            p.setProperty("host", host);
            p.setProperty("port", String.valueOf(port));
            p.setProperty("basePath", basePath);
            p.setProperty("token", token);
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                p.store(w, "Written by the running Taller Social server for scripts/backup; removed when it stops");
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Only the file this server wrote: a newer server on the same directory keeps its own. */
    public void removeFrom(Path dataDir) {
        Path file = in(dataDir);
        try {
            if (read(dataDir).filter(this::equals).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a stale file only costs the next backup one refused connection
        }
    }

    public static Optional<AdminFile> read(Path dataDir) {
        Path file = in(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            // A server from before --bind wrote no host: it listened on every interface.
            return Optional.of(new AdminFile(p.getProperty("host", "localhost").trim(),
                    Integer.parseInt(p.getProperty("port", "").trim()),
                    p.getProperty("basePath", "").trim(), p.getProperty("token", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
