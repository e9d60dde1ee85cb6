package org.tallersocial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors as pages a person can read, in their language, or as JSON for
 * scripts; never a stack trace. Our own code throws HTTP errors with a short
 * key (e.g. "no_workshop") that names a text under `http.`.
 */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private final Texts texts;

    public HttpErrors(Texts texts) {
        this.texts = texts;
    }

    /** A refused request as a page: 409, what stands in the way in the reader's language, and the way back. */
    public static void conflictPage(Context ctx, Texts texts, String message, String back) {
        ctx.status(409);
        ctx.render("errors/error", Map.of("heading", texts.get(LanguageChoice.of(ctx), "http.heading.409"),
                "message", message, "back", back));
    }

    public void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "server_error");
        });
        routes.error(404, "html", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "nothing_here");
            }
        });
    }

    private void respond(Context ctx, int status, String keyOrMessage) {
        Locale locale = LanguageChoice.of(ctx);
        String message = texts.has(locale, "http." + keyOrMessage)
                ? texts.get(locale, "http." + keyOrMessage)
                : texts.get(locale, "http.status." + (texts.has(locale, "http.status." + status) ? status : 500));
        ctx.status(status);
        boolean wantsJson = ctx.header(Csrf.HEADER) != null
                || String.valueOf(ctx.header("Accept")).contains("application/json");
        if (wantsJson) {
            ctx.json(Map.of("ok", false, "error", message));
            return;
        }
        String headingKey = "http.heading." + status;
        ctx.render("errors/error", Map.of(
                "heading", texts.get(locale, texts.has(locale, headingKey) ? headingKey : "http.heading.500"),
                "message", message));
    }
}
