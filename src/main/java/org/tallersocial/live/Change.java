package org.tallersocial.live;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one accepted message changes. The writer hands it to its {@link Store} with the rest of its
 * batch, commits, and only then applies it to the room's memory and acknowledges it.
 */
public interface Change {

    Store store();

    /**
     * After the commit, still under the room's lock: the room's memory takes the change.
     *
     * @return the fields of the phone's `ack` (the pipeline adds type, id and duplicate)
     */
    ObjectNode apply();
}
