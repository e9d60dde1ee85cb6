package org.tallersocial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine the figures were taken on: cores, CPU, memory, JDK and OS, read where Linux keeps them. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %s RAM, %s %s, %s %s",
                Runtime.getRuntime().availableProcessors(), field("/proc/cpuinfo", "model name"), memory(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static String memory() {
        String kb = field("/proc/meminfo", "MemTotal").replace("kB", "").trim();
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1048576.0);
        } catch (NumberFormatException e) {
            return "unknown";
        }
    }

    private static String field(String file, String name) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(name)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: say so below
        }
        return "unknown";
    }
}
