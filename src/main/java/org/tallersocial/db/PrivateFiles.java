package org.tallersocial.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory and what the kit writes in it (the H2 file, the backup secret, backups and
 * restores) belong to the kit's user alone: the directory rwx------, each file rw-------. The JVM
 * cannot set a umask, so each file is created with its permissions rather than chmod'ed after, which
 * would leave it readable for a moment. On a file system without POSIX permissions this does nothing.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Makes the data directory private before anything is written in it: created rwx------ if missing;
     * an existing one (an install from before, or made by hand or by systemd at 0755) is tightened with
     * the kit's own files in it, and the log says what changed, once, since the next start finds it done.
     */
    public static void directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                if (dir.getParent() != null) {
                    Files.createDirectories(dir.getParent());
                }
                createDirectory(dir);
            }
            tighten(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }

    /** A new directory, rwx------ from the start; false if it exists already (left as it is). */
    public static boolean createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, attribute(dir.getFileSystem().supportedFileAttributeViews(), DIRECTORY));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** The directory and those of its parents that are missing, each new one rwx------. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            if (absolute.getParent() != null) {
                createDirectories(absolute.getParent());
            }
            createDirectory(absolute);
        }
    }

    /** A new empty file, rw------- from the start; false if it exists already (left as it is). */
    public static boolean createFile(Path file) throws IOException {
        try {
            Files.createFile(file, attribute(file.getFileSystem().supportedFileAttributeViews(), FILE));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Writes a file from its first byte as rw-------: a new one is created so, an existing one is tightened. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        if (!createFile(file)) {
            restrict(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** rw------- for a file that exists, e.g. one an older version of the kit wrote or a move brought in. */
    public static void restrict(Path file) throws IOException {
        if (posix(file) != null) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static void tighten(Path dir) throws IOException {
        // The directory itself through a link, if it is one (a data directory on another disk, linked here).
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view == null) {
            LOG.info("the file system of {} has no POSIX permissions: the kit cannot keep its data directory"
                    + " to its own user there; the file system's own rules apply", dir);
            return;
        }
        Set<PosixFilePermission> was = view.readAttributes().permissions();
        List<String> changed = new ArrayList<>();
        try {
            if (!was.equals(DIRECTORY)) {
                view.setPermissions(DIRECTORY);
                changed.add("the directory (was " + PosixFilePermissions.toString(was) + ")");
            }
            for (Path file : kitsFiles(dir)) {
                Set<PosixFilePermission> fileWas = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                if (!fileWas.equals(FILE)) {
                    Files.setPosixFilePermissions(file, FILE);
                    changed.add(file.getFileName() + " (was " + PosixFilePermissions.toString(fileWas) + ")");
                }
            }
        } catch (IOException e) {
            // Someone else's directory (the kit's user may write in it without owning it): carry on as before.
            LOG.warn("could not make the data directory {} private to this user: {}; other users of this machine"
                    + " may read the workshops' answers", dir, e.toString());
            return;
        }
        if (!changed.isEmpty()) {
            LOG.warn("the data directory {} was open to other users of this machine; made it private"
                    + " (directory rwx------, files rw-------): {}", dir, String.join(", ", changed));
        }
    }

    /**
     * Only what the kit itself writes there: the data directory might be one that holds other things
     * too (a home directory, a project folder), whose files are not ours to change.
     */
    private static List<Path> kitsFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> isKits(p.getFileName().toString()))
                    .toList();
        }
    }

    static boolean isKits(String name) {
        return name.startsWith(Database.NAME + ".") || name.startsWith("server.properties")
                || (name.startsWith("backup-") && name.endsWith(".zip.part"));
    }

    private static PosixFileAttributeView posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static FileAttribute<?>[] attribute(Set<String> views, Set<PosixFilePermission> permissions) {
        return views.contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
