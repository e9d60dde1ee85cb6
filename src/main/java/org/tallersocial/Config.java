package org.tallersocial;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the kit listens, keeps its data and tells phones to go.
 * Command-line flags win over environment variables, which win over defaults.
 */
public record Config(int port, Path dataDir, String publicUrl, Path contentDir, boolean addressLimits, String bind,
                     boolean durableCommits) {

    public static final String USAGE = """
            Usage: scripts/start [options]
              --port N            port to listen on (env PORT, default 7070)
              --bind ADDRESS      listen on this address of the machine only (env BIND, default:
                                  every interface, for a meeting room); 127.0.0.1 behind a proxy
                                  on the same machine, so nobody reaches the kit around it
              --data-dir DIR      where the H2 database lives (env DATA_DIR, default ./data)
              --public-url URL    address phones use, for links and QR codes
                                  (env PUBLIC_URL, default http://localhost:PORT); a path
                                  in it (https://example.org/taller) serves the kit under it
              --content-dir DIR   workshop templates (env CONTENT_DIR, default ./workshop-content)
              --address-limits on|off
                                  limit joins and answers per network address (env
                                  ADDRESS_LIMITS, default on); off for load tests from one
                                  machine, or behind a proxy that hides the phones' addresses
              --durable-commits on|off
                                  force the database file to disk (fsync) after each batch of
                                  answers, before phones are told saved, so a power cut loses
                                  none of them (env DURABLE_COMMITS, default off: a killed server
                                  loses none either way; see docs/security.md)
              --help              print this and exit
            """;

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        contentDir = contentDir.toAbsolutePath().normalize();
        publicUrl = stripTrailingSlash(publicUrl);
        PublicUrl.check(publicUrl);
        bind = BindAddress.resolve(bind);
    }

    /** Whether the kit listens on every interface: no --bind, or 0.0.0.0 or :: given. */
    public boolean everyInterface() {
        return BindAddress.everyInterface(bind);
    }

    /**
     * Where a command on this machine (scripts/backup) reaches the server: the address it listens on,
     * or localhost when it listens on every interface.
     */
    public String localHost() {
        if (everyInterface()) {
            return "localhost";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /** The path the kit is served under, from the public URL: "" at the root, else e.g. "/taller". */
    public String basePath() {
        return PublicUrl.basePath(publicUrl);
    }

    /**
     * People reach the kit over https, whatever the last hop (a TLS proxy) uses: cookies are then Secure and
     * every answer carries Strict-Transport-Security.
     */
    public boolean secure() {
        return publicUrl.startsWith("https://");
    }

    public Config(int port, Path dataDir, String publicUrl, Path contentDir) {
        this(port, dataDir, publicUrl, contentDir, true, null, false);
    }

    public static Config from(String[] args, Map<String, String> env) {
        String port = env.getOrDefault("PORT", "7070");
        String dataDir = env.getOrDefault("DATA_DIR", "data");
        String publicUrl = env.get("PUBLIC_URL");
        String contentDir = env.getOrDefault("CONTENT_DIR", "workshop-content");
        String addressLimits = env.getOrDefault("ADDRESS_LIMITS", "on");
        String bind = env.get("BIND");
        String durableCommits = env.getOrDefault("DURABLE_COMMITS", "off");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = value;
                case "--data-dir" -> dataDir = value;
                case "--public-url" -> publicUrl = value;
                case "--content-dir" -> contentDir = value;
                case "--address-limits" -> addressLimits = value;
                case "--bind" -> bind = value;
                case "--durable-commits" -> durableCommits = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, got '" + port + "'");
        }
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://localhost:" + portNumber;
        }
        return new Config(portNumber, Path.of(dataDir), publicUrl, Path.of(contentDir),
                onOrOff("address limits", addressLimits), bind, onOrOff("durable commits", durableCommits));
    }

    private static boolean onOrOff(String what, String value) {
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException(what + " must be on or off, got '" + value + "'");
        }
        return value.equals("on");
    }

    private static String stripTrailingSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") && !trimmed.endsWith("://") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** Thrown for --help so that Main can print usage and exit 0. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help requested", null, false, false);
        }
    }
}
