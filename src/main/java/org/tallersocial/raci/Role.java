package org.tallersocial.raci;

/** A column of the matrix: a role in the company, named by the facilitator. */
public record Role(long id, int position, String name) {

    Role named(String updated) {
        return new Role(id, position, updated);
    }

    Role at(int updated) {
        return new Role(id, updated, name);
    }
}
