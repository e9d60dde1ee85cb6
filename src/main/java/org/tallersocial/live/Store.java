package org.tallersocial.live;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Writes a feature's changes inside the writer's transaction: every change of one batch that names
 * this store at once, so a burst of answers can go in as one JDBC batch.
 */
public interface Store {

    /** @param changes this store's changes in the batch, in the order they were decided */
    void write(DSLContext tx, List<Change> changes);
}
