package org.tallersocial.auth;

import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.Browser;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Instant;
import org.jooq.DSLContext;
import org.tallersocial.db.Database;
import org.tallersocial.web.Csrf;
import org.tallersocial.web.Views;

/**
 * The real auth module in a minimal app on a random port, over a real H2
 * file. A few stand-in routes play the parts other features will own.
 */
final class AuthTestServer implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final Database database;
    final AuthModule module;
    private final Javalin app;

    AuthTestServer(Path dataDir) {
        this(dataDir, false);
    }

    AuthTestServer(Path dataDir, boolean secureCookies) {
        database = Database.open(dataDir);
        Views views = new Views(new org.tallersocial.web.Texts());
        Csrf csrf = new Csrf(false, new org.tallersocial.web.Origins("http://kit.example"));
        module = AuthModule.create(database.dsl(), clock, "http://kit.example", secureCookies,
                new org.tallersocial.web.Limits(true, clock));
        app = Javalin.create(cfg -> {
            cfg.fileRenderer(views);
            cfg.routes.before(csrf::handle);
            module.register(cfg.routes);
            cfg.routes.get("/facilitate", ctx -> ctx.result("console of " + module.current(ctx).orElseThrow().name()));
            cfg.routes.post("/facilitate/workshops", ctx -> ctx.result("created"));
            cfg.routes.get("/whoami", ctx -> {
                Facilitator facilitator = ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE);
                ctx.result(facilitator == null ? "nobody" : facilitator.name());
            });
            cfg.startup.showJavalinBanner = false;
        }).start(0);
    }

    String baseUrl() {
        return "http://localhost:" + app.port();
    }

    DSLContext dsl() {
        return database.dsl();
    }

    Browser newBrowser() {
        return new Browser(baseUrl());
    }

    /** Creates the first account through the setup link and returns the browser logged in as it. */
    Browser firstFacilitator(String name, String email, String password) {
        Browser browser = newBrowser();
        String path = module.setupPathIfNeeded().orElseThrow();
        browser.get(path);
        Browser.Response created = browser.post(path,
                "name", name, "email", email, "password", password, "confirm", password);
        if (created.status() != 303) {
            throw new IllegalStateException("setup failed: " + created.status() + "\n" + created.body());
        }
        return browser;
    }

    @Override
    public void close() {
        app.stop();
        database.close();
    }
}
