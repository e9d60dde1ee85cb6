package org.tallersocial.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.tallersocial.db.Database;

/** The pages that belong to no feature: home and health. */
public final class Pages {

    private final Database db;

    public Pages(Database db) {
        this.db = db;
    }

    public void home(Context ctx) {
        ctx.render("home", Map.of());
    }

    public void health(Context ctx) {
        boolean ready = db.isReady();
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", ready ? "ok" : "unavailable", "database", ready ? "ready" : "down"));
    }
}
