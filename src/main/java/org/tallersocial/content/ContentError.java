package org.tallersocial.content;

import java.util.List;
import java.util.Locale;

/**
 * One problem found in the content. Rendered as {@code file:line: field.path: message} so that
 * editors and terminals can jump straight to it; line 0 means the problem belongs to no line
 * (a missing folder, a file that is too big), and an empty path means it belongs to no field.
 * The message is kept as a text key ({@code content.*}) and its arguments, so that the agenda
 * editor shows it in the facilitator's language; files and the command line read English.
 *
 * @param args the message's arguments: {@link Phrase}s, numbers, or the file's own words
 */
public record ContentError(String file, int line, String path, String key, List<Object> args) {

    public ContentError {
        args = List.copyOf(args);
    }

    /** The message alone, without file, line or path: what the editor shows next to the field. */
    public String message(Locale locale) {
        return new Phrase(key, args).text(locale);
    }

    public String render() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message(Locale.ENGLISH)).toString();
    }
}
