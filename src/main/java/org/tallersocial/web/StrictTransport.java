package org.tallersocial.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * HSTS for a kit people reach over https: their browsers then never try plain http again, where a
 * network could read their answers and cookies. Added by Jetty to every response, before any handler
 * runs, so static files, redirects, errors and paths outside the kit's prefix carry it as pages do.
 * Only installed when the public URL is https (the proxy in front speaks TLS, the last hop need not):
 * over plain http a browser ignores the header anyway, and a meeting room has no certificate.
 */
public final class StrictTransport implements HttpConfiguration.Customizer {

    /**
     * A year, for this host name only. No includeSubDomains: the kit may live under a path of a host
     * name whose other sites, or sibling host names, still speak http, and would be locked out. No preload:
     * lists baked into browsers are not for an install that may move or be taken down after a workshop.
     */
    static final String VALUE = "max-age=31536000";
    private static final PreEncodedHttpField FIELD = new PreEncodedHttpField(HttpHeader.STRICT_TRANSPORT_SECURITY, VALUE);

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        responseHeaders.put(FIELD);
        return request;
    }
}
