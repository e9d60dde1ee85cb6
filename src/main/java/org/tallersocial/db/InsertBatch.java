package org.tallersocial.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Insert;

/**
 * One insert, rendered by jOOQ once, run for many rows as one JDBC batch, with the ids the database
 * generated read back in the rows' order. A multi-row insert is new SQL for every batch size, and
 * parsing it (and compiling H2's parser) was most of what a burst of answers cost; a statement per
 * row costs jOOQ a rendering each.
 */
public final class InsertBatch {

    private final String sql;

    /** @param insert the insert with a placeholder (null) for every value, in the order rows give them */
    public InsertBatch(DSLContext dsl, Insert<?> insert) {
        this.sql = dsl.render(insert);
    }

    public List<Long> ids(DSLContext tx, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return tx.connectionResult(c -> {
            try (PreparedStatement st = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        st.setObject(i + 1, row[i]);
                    }
                    st.addBatch();
                }
                st.executeBatch();
                List<Long> generated = new ArrayList<>(rows.size());
                try (ResultSet keys = st.getGeneratedKeys()) {
                    while (keys.next()) {
                        generated.add(keys.getLong(1));
                    }
                }
                if (generated.size() != rows.size()) {
                    throw new SQLException("the database gave " + generated.size() + " ids for " + rows.size() + " rows");
                }
                return generated;
            }
        });
    }
}
