package org.tallersocial.web;

import io.javalin.http.Context;

/**
 * Everything we serve comes from us, so the policy can be strict: no inline
 * script, nothing from other hosts (the room may have no internet anyway).
 */
public final class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private SecurityHeaders() {
    }

    /** The agenda editor's preview sits in a frame of the editor itself: only this site may frame it. */
    public static void framedBySelf(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }

    public static void apply(Context ctx) {
        // A facilitator's pages and exports, and a report read by its link, hold what a shared or borrowed
        // computer must not keep: no browser or proxy stores them.
        String path = BasePath.local(ctx);
        if (path.startsWith("/facilitate") || path.startsWith("/r/")) {
            ctx.header("Cache-Control", "no-store");
        }
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
    }
}
