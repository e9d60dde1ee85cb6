package org.tallersocial.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import org.tallersocial.web.Limits;

/**
 * Facilitator accounts: the first account through a one-time setup link,
 * further ones through invitations, password login with lock-out, and
 * cookie sessions whose tokens are stored only as hashes.
 */
public final class AuthModule {

    private final AuthService service;
    private final AuthController controller;

    private AuthModule(AuthService service, AuthController controller) {
        this.service = service;
        this.controller = controller;
    }

    /**
     * @param publicUrl     the address people reach the kit at, for invitation links
     * @param secureCookies true behind HTTPS, so the session cookie never travels in clear
     * @param limits        the logins an address may try
     */
    public static AuthModule create(DSLContext dsl, Clock clock, String publicUrl, boolean secureCookies,
            Limits limits) {
        AuthService service = new AuthService(dsl, new PasswordHasher(), clock, limits);
        return new AuthModule(service, new AuthController(service, TokenCookie.session(secureCookies),
                TokenCookie.device(secureCookies), clock, publicUrl));
    }

    public void register(RoutesConfig routes) {
        routes.before(controller::recognise);
        // Any /report/* page that needs a facilitator gets the same guard when it exists.
        routes.before("/facilitate", controller::requireFacilitator);
        routes.before("/facilitate/*", controller::requireFacilitator);

        routes.get("/setup/{token}", controller::setupPage);
        routes.post("/setup/{token}", controller::setup);
        routes.get("/login", controller::loginPage);
        routes.post("/login", controller::login);
        routes.post("/logout", controller::logout);
        routes.get("/invite/{token}", controller::invitationPage);
        routes.post("/invite/{token}", controller::acceptInvitation);
        routes.get("/facilitate/team", controller::teamPage);
        routes.post("/facilitate/team/invitations", controller::invite);
        routes.post("/facilitate/team/invitations/{invitation}/revoke", controller::revokeInvitation);
        routes.post("/facilitate/team/members/{member}/invite-right", controller::letInvite);
    }

    /** The facilitator of the request's session cookie, if it holds a live session. */
    public Optional<Facilitator> current(Context ctx) {
        return controller.current(ctx);
    }

    /** While no account exists: the one-time path that creates the first one. */
    public Optional<String> setupPathIfNeeded() {
        return service.setupTokenIfNeeded().map(token -> "/setup/" + token);
    }
}
