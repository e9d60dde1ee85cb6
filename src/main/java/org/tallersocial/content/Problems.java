package org.tallersocial.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file (or of the directory) instead of stopping at the first. */
final class Problems {

    private final String file;
    private final List<ContentError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** @param key a {@code content.*} text; args fill its {0}, {1}... (see {@link ContentError}) */
    void add(int line, String path, String key, Object... args) {
        errors.add(new ContentError(file, line, path, key, List.of(args)));
    }

    int count() {
        return errors.size();
    }

    /** In file order, so the list reads top to bottom like the file itself. */
    List<ContentError> errors() {
        List<ContentError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ContentError::line));
        return sorted;
    }
}
