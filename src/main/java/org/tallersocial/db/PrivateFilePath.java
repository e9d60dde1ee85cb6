package org.tallersocial.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's files, under the URL prefix {@code private:}, are created rw------- and its directories
 * rwx------. H2 makes files while it runs, long after the database opened (its trace file on the first
 * error, temporary results, the compacted copy at close, a {@code BACKUP TO} zip), and opens each with
 * the JVM's umask; going through this file system, each is created private before H2 first opens it,
 * so none is readable by others even for a moment. Reading and writing are the disk's, as H2 does them.
 */
public final class PrivateFilePath extends FilePathWrapper {

    static final String SCHEME = "private";

    /** H2 finds a file system by its URL's scheme: this one must be known before a URL names it. */
    static void register() {
        FilePath.register(new PrivateFilePath());
    }

    /** H2's name for a file of the disk, under this file system. */
    static String of(Path file) {
        return SCHEME + ":" + file.toAbsolutePath();
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            PrivateFiles.createFile(disk());
        }
        return super.open(mode);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        Path file = disk();
        if (file.getParent() != null) {
            PrivateFiles.createDirectories(file.getParent());
        }
        if (!PrivateFiles.createFile(file)) {
            PrivateFiles.restrict(file);
        }
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        try {
            return PrivateFiles.createFile(disk());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void createDirectory() {
        try {
            PrivateFiles.createDirectory(disk());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + disk(), e);
        }
    }

    @Override
    public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
        // The disk's temporary files are rw------- already (Files.createTempFile); this keeps it so if that changes.
        FilePath temp = super.createTempFile(suffix, inTempDir);
        PrivateFiles.restrict(Path.of(temp.unwrap().toString()));
        return temp;
    }

    private Path disk() {
        return Path.of(getBase().toString());
    }
}
