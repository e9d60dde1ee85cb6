package org.tallersocial.raci;

/**
 * A facilitator changed a cell that someone else had changed since they last saw it. Nothing is
 * written; they are shown the newer value and decide.
 */
final class CellConflict extends RuntimeException {

    private final transient Cell current;
    private final transient CellChange last;

    CellConflict(Cell current, CellChange last) {
        super("cell changed meanwhile", null, false, false);
        this.current = current;
        this.last = last;
    }

    Cell current() {
        return current;
    }

    /** Who made the newer change, and when; null when there was none (the cell was never set). */
    CellChange last() {
        return last;
    }
}
