package org.tallersocial.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import org.tallersocial.web.BasePath;

/** A cookie that carries a random token; the database keeps only the token's hash. */
final class TokenCookie {

    static final String SESSION = "ts_session";
    static final String DEVICE = "ts_device";

    private final String name;
    private final SameSite sameSite;
    private final int maxAgeSeconds;
    private final boolean secure;

    private TokenCookie(String name, SameSite sameSite, Duration lifetime, boolean secure) {
        this.name = name;
        this.sameSite = sameSite;
        this.maxAgeSeconds = (int) lifetime.toSeconds();
        this.secure = secure;
    }

    /**
     * The login. Lax, not Strict: a link to the console from a mail or chat must
     * arrive logged in. Writes are covered by the CSRF token anyway.
     */
    static TokenCookie session(boolean secure) {
        return new TokenCookie(SESSION, SameSite.LAX, AuthService.SESSION_LIFETIME, secure);
    }

    /**
     * The browser a facilitator has logged in from. It outlives logout on purpose, and is
     * only ever read by our own login form, so Strict costs nothing.
     */
    static TokenCookie device(boolean secure) {
        return new TokenCookie(DEVICE, SameSite.STRICT, AuthService.DEVICE_LIFETIME, secure);
    }

    String read(Context ctx) {
        return ctx.cookie(name);
    }

    void write(Context ctx, String token) {
        ctx.cookie(cookie(ctx, token, maxAgeSeconds));
    }

    void clear(Context ctx) {
        ctx.cookie(cookie(ctx, "", 0));
    }

    private Cookie cookie(Context ctx, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(BasePath.cookiePath(ctx));
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setSameSite(sameSite);
        cookie.setMaxAge(maxAge);
        return cookie;
    }
}
