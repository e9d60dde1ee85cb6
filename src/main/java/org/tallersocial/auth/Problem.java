package org.tallersocial.auth;

/**
 * Something wrong with a facilitator's form, as a text key (under
 * `auth.problem.`) and the limit it mentions, so the page can say it in the
 * person's language.
 */
public record Problem(String key, int limit) {

    static Problem of(String name) {
        return new Problem("auth.problem." + name, 0);
    }

    static Problem of(String name, int limit) {
        return new Problem("auth.problem." + name, limit);
    }
}
