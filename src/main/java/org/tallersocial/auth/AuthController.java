package org.tallersocial.auth;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tallersocial.web.BasePath;
import org.tallersocial.web.Csrf;

/** The HTTP side of facilitator accounts: pages, forms, cookies and the login guard. */
final class AuthController {

    static final String HOME = "/facilitate";
    /** Set once the session cookie of a request has been looked at, whatever it held. */
    private static final String RESOLVED_ATTRIBUTE = "auth.resolved";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm O");

    private final AuthService service;
    private final TokenCookie cookie;
    private final TokenCookie deviceCookie;
    private final Clock clock;
    private final String publicUrl;

    AuthController(AuthService service, TokenCookie cookie, TokenCookie deviceCookie, Clock clock, String publicUrl) {
        this.service = service;
        this.cookie = cookie;
        this.deviceCookie = deviceCookie;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    // ---- who is asking ----

    Optional<Facilitator> current(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(RESOLVED_ATTRIBUTE))) {
            return Optional.ofNullable(ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE));
        }
        Optional<Facilitator> facilitator = service.facilitatorForSession(cookie.read(ctx));
        ctx.attribute(RESOLVED_ATTRIBUTE, Boolean.TRUE);
        facilitator.ifPresent(f -> ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE, f));
        return facilitator;
    }

    /** Before every request: lets the layout greet a logged-in facilitator. */
    void recognise(Context ctx) {
        // Most visitors (participants' phones) carry no session cookie and cost nothing here.
        if (cookie.read(ctx) == null || isAsset(BasePath.local(ctx))) {
            return;
        }
        current(ctx);
    }

    /** Before every request to the facilitator's pages. */
    void requireFacilitator(Context ctx) {
        if (current(ctx).isPresent()) {
            return;
        }
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            String path = BasePath.local(ctx);
            String target = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
            // In a before-handler, redirect() skips the endpoint but keeps the after-handlers.
            BasePath.redirect(ctx, "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8), HttpStatus.FOUND);
            return;
        }
        throw new UnauthorizedResponse("session_ended");
    }

    private static boolean isAsset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico");
    }

    // ---- login and logout ----

    void loginPage(Context ctx) {
        String next = localPathOr(ctx.queryParam("next"), HOME);
        if (current(ctx).isPresent()) {
            BasePath.redirect(ctx, next, HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        ctx.render("auth/login", model);
    }

    void login(Context ctx) {
        String email = ctx.formParam("email");
        String next = localPathOr(ctx.formParam("next"), HOME);
        LoginResult result = service.logIn(email, ctx.formParam("password"), cookie.read(ctx),
                deviceCookie.read(ctx), ctx.ip());
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            cookie.write(ctx, loggedIn.sessionToken());
            deviceCookie.write(ctx, loggedIn.deviceToken());
            BasePath.redirect(ctx, next, HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("email", email == null ? "" : email.strip());
        if (result instanceof LoginResult.Locked locked) {
            model.put("lockedUntil", TIME.format(locked.until().atZoneSameInstant(clock.getZone())));
            model.put("lockedHere", locked.thisBrowserOnly());
            ctx.status(HttpStatus.UNAUTHORIZED);
        } else if (result instanceof LoginResult.TooManyFromAddress) {
            model.put("error", "auth.login.too_many");
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
        } else if (result instanceof LoginResult.Incomplete) {
            model.put("error", "auth.login.missing");
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        } else {
            model.put("error", "auth.login.wrong");
            ctx.status(HttpStatus.UNAUTHORIZED);
        }
        ctx.render("auth/login", model);
    }

    void logout(Context ctx) {
        service.endSession(cookie.read(ctx));
        cookie.clear(ctx);
        BasePath.redirect(ctx, "/login", HttpStatus.SEE_OTHER);
    }

    /**
     * Only a path on this site: "//host" and "/\host" are read by browsers
     * as another site, which would make our login page an open redirect.
     */
    static String localPathOr(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.length() > 2000) {
            return fallback;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return fallback;
            }
        }
        return next;
    }

    // ---- first account ----

    void setupPage(Context ctx) {
        LinkState state = service.setupState(ctx.pathParam("token"));
        if (state != LinkState.VALID) {
            refuseLink(ctx, state, "setup");
            return;
        }
        ctx.render("auth/setup", accountModel(new AccountForm("", "", "", ""), List.of()));
    }

    void setup(Context ctx) {
        AccountForm form = accountForm(ctx);
        AccountResult result = service.setUp(ctx.pathParam("token"), form);
        handleAccountResult(ctx, result, form, "setup");
    }

    // ---- invitations ----

    void invitationPage(Context ctx) {
        LinkState state = service.invitationState(ctx.pathParam("token"));
        if (state != LinkState.VALID) {
            refuseLink(ctx, state, "invitation");
            return;
        }
        ctx.render("auth/invite", accountModel(new AccountForm("", "", "", ""), List.of()));
    }

    void acceptInvitation(Context ctx) {
        AccountForm form = accountForm(ctx);
        AccountResult result = service.acceptInvitation(ctx.pathParam("token"), form);
        handleAccountResult(ctx, result, form, "invitation");
    }

    void teamPage(Context ctx) {
        ctx.render("auth/team", teamModel(ctx));
    }

    void invite(Context ctx) {
        Facilitator inviter = current(ctx).orElseThrow(UnauthorizedResponse::new);
        String note = ctx.formParam("note");
        InviteResult result = service.invite(inviter, note);
        Map<String, Object> model = teamModel(ctx);
        if (result instanceof InviteResult.Invited invited) {
            model.put("newLink", publicUrl + "/invite/" + invited.token());
            model.put("newLinkExpires", invited.expiresAt());
            ctx.status(HttpStatus.CREATED);
        } else if (result instanceof InviteResult.Invalid invalid) {
            model.put("noteError", invalid.problem());
            model.put("note", note);
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        } else if (result instanceof InviteResult.NotAllowed) {
            throw new ForbiddenResponse("may_not_invite");
        }
        ctx.render("auth/team", model);
    }

    void revokeInvitation(Context ctx) {
        Facilitator me = current(ctx).orElseThrow(UnauthorizedResponse::new);
        TeamChange change = service.revokeInvitation(me, ctx.pathParam("invitation"));
        if (change == TeamChange.NOT_ALLOWED) {
            throw new ForbiddenResponse("may_not_revoke");
        }
        if (change == TeamChange.DONE) {
            BasePath.redirect(ctx, "/facilitate/team", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> model = teamModel(ctx);
        model.put("teamError", "team.revoke_gone");
        ctx.status(HttpStatus.CONFLICT);
        ctx.render("auth/team", model);
    }

    /** The administrator gives a member the right to invite ("yes") or takes it back ("no"). */
    void letInvite(Context ctx) {
        Facilitator me = current(ctx).orElseThrow(UnauthorizedResponse::new);
        String allowed = String.valueOf(ctx.formParam("allowed"));
        if (!allowed.equals("yes") && !allowed.equals("no")) {
            throw new BadRequestResponse();
        }
        long member;
        try {
            member = Long.parseLong(ctx.pathParam("member"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no_such_member");
        }
        TeamChange change = service.letInvite(me, member, allowed.equals("yes"));
        if (change == TeamChange.NOT_ALLOWED) {
            throw new ForbiddenResponse("only_administrator");
        }
        if (change == TeamChange.NOT_FOUND) {
            throw new NotFoundResponse("no_such_member");
        }
        BasePath.redirect(ctx, "/facilitate/team", HttpStatus.SEE_OTHER);
    }

    // ---- helpers ----

    private Map<String, Object> teamModel(Context ctx) {
        Facilitator me = current(ctx).orElseThrow(UnauthorizedResponse::new);
        TeamRole myRole = service.roleOf(me);
        boolean administrator = myRole == TeamRole.ADMINISTRATOR;
        List<TeamMember> team = service.team();
        Map<String, Object> model = new HashMap<>();
        model.put("mayInvite", myRole.mayInvite());
        model.put("isAdministrator", administrator);
        model.put("administrator", team.stream().filter(m -> m.role() == TeamRole.ADMINISTRATOR)
                .map(TeamMember::name).findFirst().orElse(""));
        model.put("members", team.stream()
                .map(m -> Map.<String, Object>of("id", m.id(), "name", m.name(), "email", m.email(),
                        "joined", m.joinedAt(), "role", m.role().key(),
                        "changeable", administrator && m.role() != TeamRole.ADMINISTRATOR))
                .toList());
        List<Map<String, Object>> invitations = service.openInvitations().stream()
                .map(i -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", i.tokenHash());
                    row.put("note", i.note());
                    row.put("invitedBy", i.invitedByName());
                    row.put("created", i.createdAt());
                    row.put("expires", i.expiresAt());
                    row.put("revocable", myRole.mayRevoke(i.invitedBy(), me.id()));
                    return row;
                })
                .toList();
        model.put("invitations", invitations);
        model.put("anyRevocable", invitations.stream().anyMatch(row -> Boolean.TRUE.equals(row.get("revocable"))));
        return model;
    }

    private static AccountForm accountForm(Context ctx) {
        return new AccountForm(ctx.formParam("name"), ctx.formParam("email"),
                ctx.formParam("password"), ctx.formParam("confirm"));
    }

    private void handleAccountResult(Context ctx, AccountResult result, AccountForm form, String kind) {
        if (result instanceof AccountResult.Created created) {
            cookie.write(ctx, created.sessionToken());
            deviceCookie.write(ctx, created.deviceToken());
            BasePath.redirect(ctx, HOME, HttpStatus.SEE_OTHER);
        } else if (result instanceof AccountResult.Invalid invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            ctx.render(kind.equals("setup") ? "auth/setup" : "auth/invite", accountModel(form, invalid.problems()));
        } else if (result instanceof AccountResult.LinkRefused refused) {
            refuseLink(ctx, refused.state(), kind);
        }
    }

    /** The typed name and email go back into the form; the password never does. */
    private static Map<String, Object> accountModel(AccountForm form, List<Problem> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", form.name());
        model.put("email", form.email());
        model.put("problems", problems);
        return model;
    }

    private static void refuseLink(Context ctx, LinkState state, String kind) {
        ctx.status(state == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("state", state.name());
        ctx.render("auth/link_refused", model);
    }
}
