package org.tallersocial.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A scratch content directory for tests: write small YAML files, then load or collect errors. */
final class ContentDir {

    private final Path root;

    ContentDir(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    ContentDir write(String relativePath, String text) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid template file around the given steps, so each test shows only what it is about. */
    ContentDir template(String id, String language, String steps) {
        return write(id + "/" + language + ".yaml", header(id, language) + steps);
    }

    /** Lines in a file written by {@link #template}: the header takes five, so steps begin on line 6. */
    static String header(String id, String language) {
        return "id: " + id + "\n"
                + "language: " + language + "\n"
                + "title: \"A test workshop\"\n"
                + "description: \"Only for tests.\"\n"
                + "steps:\n";
    }

    TemplateCatalog load() throws ContentException {
        return TemplateCatalog.load(root);
    }

    List<String> errors() {
        try {
            load();
        } catch (ContentException e) {
            return e.errors();
        }
        throw new AssertionError("expected the content to be refused, but it loaded");
    }
}
