package org.tallersocial.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.tallersocial.db.Database;

/**
 * A table of a running test server's database that refuses every new row and every change, as a full
 * disk or a broken file would, and takes them again once the fault ends: a check no row can pass, set
 * (without checking the rows already there) on the server's own H2 file through a connection of this
 * JVM, so the server sees it on its very next write.
 */
public final class DatabaseFault implements AutoCloseable {

    private final Connection connection;
    private final String table;

    private DatabaseFault(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    public static DatabaseFault refuseWrites(TestServer server, String table) {
        try {
            Connection c = DriverManager.getConnection(Database.url(server.dataDir()), "kit", "");
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table + " ADD CONSTRAINT test_fault CHECK (1 = 0) NOCHECK");
            }
            return new DatabaseFault(c, table);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make " + table + " refuse writes", e);
        }
    }

    /** The table takes writes again. */
    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS test_fault");
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the fault on " + table, e);
        }
    }
}
