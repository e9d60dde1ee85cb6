package org.tallersocial;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The checks on the address people reach the kit at. Its path, if any, becomes the
 * prefix of every route, link and cookie, so it must be one a proxy passes unchanged:
 * plain segments, nothing to decode, no query or fragment to lose.
 */
final class PublicUrl {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private PublicUrl() {
    }

    static void check(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw refused(url, "must start with http:// or https://");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(url, "is not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused(url, "has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(url, "must not carry a user name or password");
        }
        if (uri.getRawQuery() != null) {
            throw refused(url, "must not have a query (?...)");
        }
        if (uri.getRawFragment() != null) {
            throw refused(url, "must not have a fragment (#...)");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty()) {
            for (String segment : path.substring(1).split("/", -1)) {
                if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                    throw refused(url, "has a path the kit cannot be served under: use plain segments "
                            + "of letters, digits, '.', '_', '~' or '-', e.g. https://example.org/taller");
                }
            }
        }
    }

    static String basePath(String checkedUrl) {
        String path = URI.create(checkedUrl).getRawPath();
        return path == null ? "" : path;
    }

    private static IllegalArgumentException refused(String url, String why) {
        return new IllegalArgumentException("public URL " + why + ", got " + url);
    }
}
