package org.tallersocial.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * The arguments scripts/backup and scripts/restore share: {@code [--data-dir DIR] [FILE]} or
 * {@code --help}; DATA_DIR from the environment as the server reads it.
 *
 * @param dataDir absolute and normalised
 * @param file    the backup file, or null when none was given
 * @param problem why the arguments are refused, or null when they are fine
 */
record BackupArgs(boolean help, Path dataDir, Path file, String problem) {

    static BackupArgs parse(String[] args, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data"));
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return new BackupArgs(true, dataDir, null, null);
                }
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        return refused(dataDir, "missing value after --data-dir");
                    }
                    dataDir = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        return refused(dataDir, "unexpected argument " + args[i]);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        return new BackupArgs(false, dataDir.toAbsolutePath().normalize(), file, null);
    }

    private static BackupArgs refused(Path dataDir, String problem) {
        return new BackupArgs(false, dataDir, null, problem);
    }
}
