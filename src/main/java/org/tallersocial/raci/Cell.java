package org.tallersocial.raci;

/** One cell of the settled matrix; version 0 is a cell nobody has set yet. */
public record Cell(long activityId, long roleId, Letter letter, int version) {

    static Cell empty(long activityId, long roleId) {
        return new Cell(activityId, roleId, null, 0);
    }
}
