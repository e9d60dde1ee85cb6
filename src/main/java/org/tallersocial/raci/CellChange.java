package org.tallersocial.raci;

import java.time.OffsetDateTime;

/**
 * A change of one cell, as the history shows it.
 *
 * @param version the cell's version after this change
 * @param kind    "set" by hand, "majority" from the room's proposals, "undo" of an earlier change
 * @param undoes  the change this one undid, for kind "undo"
 */
public record CellChange(long id, long activityId, long roleId, Letter from, Letter to, int version, String kind,
                         Long undoes, String by, OffsetDateTime at) {
}
