package org.tallersocial.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;

/**
 * Double-submit CSRF protection for every state-changing request: a random
 * cookie that a foreign site can neither read nor set must come back in the
 * form field `_csrf` or the header `X-CSRF-Token`. SameSite=Strict on the
 * cookie and an Origin check close the remaining gaps.
 */
public final class Csrf {

    public static final String COOKIE = "ts_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    public static final String FACILITATOR_ATTRIBUTE = "facilitator";
    private static final String ATTRIBUTE = "csrfToken";
    private static final String ADMIN_PREFIX = "/admin/";

    private final boolean secureCookies;
    private final Origins origins;

    public Csrf(boolean secureCookies, Origins origins) {
        this.secureCookies = secureCookies;
        this.origins = origins;
    }

    /** Before every request: make sure the visitor has a token, and check it on writes. */
    public void handle(Context ctx) {
        if (BasePath.local(ctx).startsWith(ADMIN_PREFIX)) {
            // Admin routes take a bearer secret and ignore cookies, so a forged request carries nothing.
            return;
        }
        String token = ctx.cookie(COOKIE);
        if (token == null || token.length() < 40 || token.length() > 64) {
            token = Tokens.newToken();
            Cookie cookie = new Cookie(COOKIE, token);
            cookie.setPath(BasePath.cookiePath(ctx));
            cookie.setHttpOnly(true);
            cookie.setSecure(secureCookies);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setMaxAge(60 * 60 * 24 * 30);
            ctx.cookie(cookie);
        }
        ctx.attribute(ATTRIBUTE, token);
        if (isWrite(ctx.method())) {
            check(ctx, token);
        }
    }

    public static String token(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    private static boolean isWrite(HandlerType method) {
        return method == HandlerType.POST || method == HandlerType.PUT
                || method == HandlerType.PATCH || method == HandlerType.DELETE;
    }

    private void check(Context ctx, String expected) {
        if (!origins.allows(ctx.header("Origin"), ctx.header("Host"))) {
            // Read (at most the 64 KB a request may carry) before refusing: a body left unread makes Jetty
            // close the connection, and the client's next request on it fails instead of being answered.
            ctx.body();
            throw new ForbiddenResponse("foreign_site");
        }
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = ctx.formParam(FIELD);
        }
        if (!Tokens.sameSecret(expected, sent)) {
            throw new ForbiddenResponse("form_expired");
        }
    }
}
