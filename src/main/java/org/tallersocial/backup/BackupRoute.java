package org.tallersocial.backup;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.db.Database;
import org.tallersocial.web.Tokens;

/**
 * `POST /admin/backup`: H2's online backup of the running database, streamed
 * as a zip to `scripts/backup` on the same machine. It authenticates by the
 * secret of {@link AdminFile} only, never by cookies, so no page of any site
 * can make a browser call it.
 */
public final class BackupRoute {

    public static final String PATH = "/admin/backup";
    private static final Logger LOG = LoggerFactory.getLogger(BackupRoute.class);

    private final Database db;
    private final Path dataDir;
    private final String token;

    public BackupRoute(Database db, Path dataDir, String token) {
        this.db = db;
        this.dataDir = dataDir;
        this.token = token;
    }

    public void handle(Context ctx) {
        if (!fromThisMachine(ctx.req().getRemoteAddr(), ctx.req().getLocalAddr())) {
            throw new ForbiddenResponse("backup_local_only");
        }
        String auth = ctx.header("Authorization");
        String sent = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        if (!Tokens.sameSecret(token, sent)) {
            throw new ForbiddenResponse("backup_local_only");
        }
        Path zip = dataDir.resolve("backup-" + Tokens.newToken().substring(0, 12) + ".zip.part");
        try {
            db.backupTo(zip);
            long size = Files.size(zip);
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"workshops-backup.zip\"");
            ctx.header("Content-Length", String.valueOf(size));
            try (OutputStream out = ctx.outputStream()) {
                Files.copy(zip, out);
            }
            LOG.info("online backup of {} bytes sent to {}", size, ctx.req().getRemoteAddr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                LOG.warn("could not remove the temporary backup {}", zip, e);
            }
        }
    }

    /**
     * Loopback, or the very address the connection came in on: a kit bound to one of the machine's other
     * addresses (--bind) is reached from the machine itself with that address as the source too.
     */
    static boolean fromThisMachine(String remote, String local) {
        try {
            if (remote == null) {
                return false;
            }
            InetAddress from = InetAddress.getByName(remote);
            return from.isLoopbackAddress() || (local != null && from.equals(InetAddress.getByName(local)));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
