package org.tallersocial.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Where the kit sits on its site: "" at the root, "/taller" when the public URL
 * has that path (Javalin's context path). Handlers think in paths of the kit
 * ("/j/ABC123"); only what leaves for a browser, a redirect or a cookie, gets
 * the prefix, here, so no handler can forget it.
 */
public final class BasePath {

    private BasePath() {
    }

    public static String of(Context ctx) {
        return ctx.contextPath();
    }

    /** The request's path inside the kit, without the prefix. */
    public static String local(Context ctx) {
        String path = ctx.path();
        String base = ctx.contextPath();
        return path.startsWith(base) ? path.substring(base.length()) : path;
    }

    public static void redirect(Context ctx, String localPath, HttpStatus status) {
        ctx.redirect(ctx.contextPath() + localPath, status);
    }

    /** Our cookies stay with the kit, not with whatever else the site serves beside it. */
    public static String cookiePath(Context ctx) {
        String base = ctx.contextPath();
        return base.isEmpty() ? "/" : base;
    }
}
