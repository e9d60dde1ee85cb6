package org.tallersocial.web;

import java.net.URI;

/** The Origin check shared by forms and WebSocket upgrades. */
public final class Origins {

    private Origins() {
    }

    /**
     * A missing Origin is allowed (non-browser clients and old browsers on
     * same-origin GET-initiated requests send none); a present one must
     * name the host the request was sent to.
     */
    public static boolean sameOrigin(String origin, String host) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
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

    private static String defaultPortSuffix(URI uri) {
        if (uri.getPort() != -1) {
            return "";
        }
        return "https".equals(uri.getScheme()) ? ":443" : ":80";
    }
}
