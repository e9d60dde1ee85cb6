package org.tallersocial.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The embedded H2 file, migrated by Flyway before anything reads it. */
public final class Database implements AutoCloseable {

    static final String NAME = "workshops";
    private static final String USER = "kit";

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    static {
        PrivateFilePath.register();
    }

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false).withRenderSchema(false));
    }

    public static Database open(Path dataDir) {
        // Before H2 writes a byte: the answers in it are for the kit's user alone.
        PrivateFiles.directory(dataDir);
        // H2 refuses relative file URLs; WRITE_DELAY=0 makes every commit reach the
        // file before the commit returns, so an acknowledged answer survives a kill.
        String url = url(dataDir) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        pool.setMaxConnections(32);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new Database(pool);
    }

    /** The database file a data directory holds once a server has started on it. */
    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(NAME + ".mv.db");
    }

    /**
     * The database's JDBC URL, through {@link PrivateFilePath}, so every file H2 makes for it is private when
     * made. Another connection in the same JVM must use this very URL: H2 shares an open database by its
     * name, and the same file under another name is a second database that finds the file locked.
     */
    public static String url(Path dataDir) {
        return "jdbc:h2:file:" + PrivateFilePath.of(dataDir.toAbsolutePath().resolve(NAME));
    }

    /**
     * H2's online backup: a consistent copy of the file as of one moment,
     * taken while phones keep answering (writers wait only for the copy of
     * the pages they touch).
     */
    public void backupTo(Path zip) {
        dsl.execute("BACKUP TO {0}", DSL.inline(PrivateFilePath.of(zip)));
    }

    /** The same backup with no server running: opens the file itself, and refuses if a server holds it. */
    public static void backupStopped(Path dataDir, Path zip) throws InUseException {
        try (Connection c = DriverManager.getConnection(url(dataDir) + ";IFEXISTS=TRUE", USER, "");
             PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, PrivateFilePath.of(zip));
            backup.execute();
        } catch (SQLException e) {
            throw inUseOr(e, dataDir);
        }
    }

    /** Whether another process (a running server) holds the database file open. */
    public static boolean inUse(Path dataDir) {
        try (Connection c = DriverManager.getConnection(url(dataDir) + ";IFEXISTS=TRUE", USER, "")) {
            return false;
        } catch (SQLException e) {
            return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
        }
    }

    /** Opens a database file and reads its schema history, as a check that a restored file is whole. */
    public static int migrationsIn(Path dataDir) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dataDir) + ";IFEXISTS=TRUE", USER, "");
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM \"flyway_schema_history\"");
             ResultSet r = count.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static RuntimeException inUseOr(SQLException e, Path dataDir) throws InUseException {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            throw new InUseException(dataDir);
        }
        throw new IllegalStateException("H2 error on " + file(dataDir) + ": " + e.getMessage(), e);
    }

    /** A server holds the file: its own route must do the work. */
    public static final class InUseException extends Exception {
        public InUseException(Path dataDir) {
            super("the database in " + dataDir + " is held open by a running server");
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public boolean isReady() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Closing the last pooled connection closes the H2 file cleanly (DB_CLOSE_DELAY is 0). */
    @Override
    public void close() {
        pool.dispose();
    }
}
