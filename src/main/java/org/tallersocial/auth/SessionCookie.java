package org.tallersocial.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.tallersocial.web.BasePath;

/** The login cookie: it carries the session token, the database only its hash. */
final class SessionCookie {

    static final String NAME = "ts_session";

    private final boolean secure;

    SessionCookie(boolean secure) {
        this.secure = secure;
    }

    String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    void write(Context ctx, String token) {
        ctx.cookie(cookie(ctx, token, (int) AuthService.SESSION_LIFETIME.toSeconds()));
    }

    void clear(Context ctx) {
        ctx.cookie(cookie(ctx, "", 0));
    }

    private Cookie cookie(Context ctx, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath(BasePath.cookiePath(ctx));
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        // Lax, not Strict: a link to the console from a mail or chat must
        // arrive logged in. Writes are covered by the CSRF token anyway.
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(maxAgeSeconds);
        return cookie;
    }
}
