package org.tallersocial.raci;

/** A row of the matrix; phones propose for it only while it is open. */
public record Activity(long id, int position, String name, boolean open) {

    Activity named(String updated) {
        return new Activity(id, position, updated, open);
    }

    Activity at(int updated) {
        return new Activity(id, updated, name, open);
    }

    Activity opened(boolean value) {
        return new Activity(id, position, name, value);
    }
}
