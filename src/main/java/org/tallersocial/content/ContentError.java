package org.tallersocial.content;

/**
 * One problem found in the content. Rendered as {@code file:line: field.path: message} so that
 * editors and terminals can jump straight to it; line 0 means the problem belongs to no line
 * (a missing folder, a file that is too big), and an empty path means it belongs to no field.
 */
public record ContentError(String file, int line, String path, String message) {

    public String render() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
