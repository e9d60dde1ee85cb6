package org.tallersocial.web;

import java.net.URI;

/**
 * The Origin check shared by forms and WebSocket upgrades. A page of ours
 * names either the host the request was sent to, or the public URL's origin:
 * behind a TLS proxy the kit itself is spoken to over http, with whatever
 * Host the proxy passes, while the browser says https://the-public-host.
 */
public final class Origins {

    private final String publicOrigin;

    public Origins(String publicUrl) {
        this.publicOrigin = originOf(publicUrl);
    }

    /**
     * A missing Origin is allowed (non-browser clients and old browsers on
     * same-origin GET-initiated requests send none); a present one must
     * be this site's.
     */
    public boolean allows(String origin, String host) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String named = originOf(origin.trim());
        return (named != null && named.equals(publicOrigin)) || sameOrigin(origin, host);
    }

    static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(uri.getHost() + defaultPortSuffix(uri));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** scheme://host[:port] in one spelling (lower case, no default port), or null if it is none. */
    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            scheme = scheme.toLowerCase(java.util.Locale.ROOT);
            boolean defaultPort = uri.getPort() == -1
                    || (scheme.equals("https") && uri.getPort() == 443) || (scheme.equals("http") && uri.getPort() == 80);
            return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                    + (defaultPort ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String defaultPortSuffix(URI uri) {
        if (uri.getPort() != -1) {
            return "";
        }
        return "https".equals(uri.getScheme()) ? ":443" : ":80";
    }
}
