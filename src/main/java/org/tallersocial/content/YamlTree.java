package org.tallersocial.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed YAML document that still knows where each value came from. Jackson's tree model
 * drops locations, and an error without a line is of little use to someone editing a long
 * template, so the reader records the line of every field and list item by its path.
 */
final class YamlTree {

    private final JsonNode root;
    private final Map<String, Integer> lines;

    YamlTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = Map.copyOf(lines);
    }

    JsonNode root() {
        return root;
    }

    /**
     * The line of the path, or of its closest ancestor when the path is absent: a missing
     * required field is best reported where its step begins.
     */
    int lineOf(String path) {
        String current = path;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.isEmpty()) {
                return 1;
            }
            current = parent(current);
        }
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
