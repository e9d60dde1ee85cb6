package org.tallersocial.content;

import java.util.List;

/** The content could not be loaded. Carries every problem found, so one run fixes them all. */
public final class ContentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ContentException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /** One line per problem, each reading {@code file:line: field.path: message}. */
    public List<String> errors() {
        return errors;
    }
}
