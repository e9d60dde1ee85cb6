package org.tallersocial.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tallersocial.db.Database;

/** What the server's H2 file holds, read over a connection of its own (the server's is in this JVM). */
public final class Stored {

    private Stored() {
    }

    /** Every table's rows. */
    public static Map<String, Long> rowsByTable(TestServer server) {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = connect(server);
             ResultSet tables = c.createStatement().executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'")) {
            while (tables.next()) {
                String table = tables.getString(1);
                try (ResultSet n = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    n.next();
                    rows.put(table, n.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Every value of one column, e.g. {@code values(server, "participant", "display_name")}. */
    public static List<String> values(TestServer server, String table, String column) {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(server);
             ResultSet r = c.createStatement().executeQuery("SELECT " + column + " FROM " + table)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /** The names of a table's columns, upper case as H2 keeps them. */
    public static List<String> columns(TestServer server, String table) {
        return values(server, "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table.toUpperCase(java.util.Locale.ROOT)
                + "'", "COLUMN_NAME");
    }

    private static Connection connect(TestServer server) throws SQLException {
        String url = Database.url(server.dataDir()) + ";IFEXISTS=TRUE";
        return DriverManager.getConnection(url, "kit", "");
    }
}
