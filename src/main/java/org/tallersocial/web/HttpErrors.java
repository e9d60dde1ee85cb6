package org.tallersocial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors as pages a person can read, or as JSON for scripts; never a stack trace. */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on the server. Your last action may not have been saved; try again.");
        });
        routes.error(404, "html", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "There is nothing at this address.");
            }
        });
    }

    private static void respond(Context ctx, int status, String message) {
        ctx.status(status);
        boolean wantsJson = ctx.header(Csrf.HEADER) != null
                || String.valueOf(ctx.header("Accept")).contains("application/json");
        if (wantsJson) {
            ctx.json(Map.of("ok", false, "error", message));
            return;
        }
        ctx.render("errors/error", Map.of("heading", heading(status), "message", message));
    }

    private static String heading(int status) {
        return switch (status) {
            case 400 -> "That request was not understood";
            case 401 -> "Please log in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "That did not work";
            default -> "Something went wrong";
        };
    }
}
