package org.tallersocial.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

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
        ctx.cookie(cookie(token, (int) AuthService.SESSION_LIFETIME.toSeconds()));
    }

    void clear(Context ctx) {
        ctx.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        // Lax, not Strict: a link to the console from a mail or chat must
        // arrive logged in. Writes are covered by the CSRF token anyway.
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(maxAgeSeconds);
        return cookie;
    }
}
