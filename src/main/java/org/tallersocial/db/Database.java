package org.tallersocial.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The embedded H2 file, migrated by Flyway before anything reads it. */
public final class Database implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false).withRenderSchema(false));
    }

    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        // H2 refuses relative file URLs; WRITE_DELAY=0 makes every commit reach the
        // file before the commit returns, so an acknowledged answer survives a kill.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("workshops")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "kit", "");
        pool.setMaxConnections(32);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new Database(pool);
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
