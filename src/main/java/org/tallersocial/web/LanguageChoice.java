package org.tallersocial.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Locale;

/**
 * Which language a request is answered in: the person's own choice (a
 * cookie set by the language switch) wins; otherwise a page about a
 * workshop speaks the workshop's language; otherwise the browser's.
 */
public final class LanguageChoice {

    public static final String COOKIE = "ts_lang";
    public static final String ATTRIBUTE = "locale";

    private final boolean secureCookies;

    public LanguageChoice(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** Before every request. */
    public void resolve(Context ctx) {
        String chosen = ctx.cookie(COOKIE);
        ctx.attribute(ATTRIBUTE, Texts.locale(Texts.supports(chosen) ? chosen : fromBrowser(ctx.header("Accept-Language"))));
    }

    /** For pages about one workshop: its language, unless the person chose another. */
    public static void preferWorkshop(Context ctx, String workshopLanguage) {
        if (!Texts.supports(ctx.cookie(COOKIE)) && Texts.supports(workshopLanguage)) {
            ctx.attribute(ATTRIBUTE, Texts.locale(workshopLanguage));
        }
    }

    public static Locale of(Context ctx) {
        Locale locale = ctx.attribute(ATTRIBUTE);
        return locale == null ? Texts.locale(Texts.DEFAULT) : locale;
    }

    /** POST /language: remember the choice and go back where the person was. */
    public void choose(Context ctx) {
        String lang = ctx.formParam("lang");
        if (!Texts.supports(lang)) {
            ctx.status(HttpStatus.BAD_REQUEST).result("Unknown language. / Idioma desconocido.");
            return;
        }
        Cookie cookie = new Cookie(COOKIE, lang);
        cookie.setPath(BasePath.cookiePath(ctx));
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setSameSite(SameSite.LAX);
        // No script reads it, so no script (nor an injected one) gets to.
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        ctx.cookie(cookie);
        BasePath.redirect(ctx, localPath(ctx.formParam("back")), HttpStatus.SEE_OTHER);
    }

    /** Only a path on this site, so the switch can't be used to send people elsewhere. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        return back;
    }

    private static String fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null) {
            return Texts.DEFAULT;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(r -> r.getRange().split("-")[0].toLowerCase(Locale.ROOT))
                    .filter(Texts::supports)
                    .findFirst().orElse(Texts.DEFAULT);
        } catch (IllegalArgumentException e) {
            return Texts.DEFAULT;
        }
    }
}
