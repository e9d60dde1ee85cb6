package org.tallersocial.auth;

/** A logged-in community manager. */
public record Facilitator(long id, String name, String email) {
}
