package org.tallersocial.phone;

import org.tallersocial.console.WorkshopService;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.ParticipantCookie;
import org.tallersocial.workshop.JoinCodes;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Map;
import java.util.Optional;
import org.tallersocial.live.Room;
import org.tallersocial.live.CodeLookup;
import org.tallersocial.web.BasePath;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Texts;

/** The participant's side: typing a code, joining, and the live phone page. */
public final class PhoneController {

    static final int COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

    private final WorkshopService workshops;
    private final Texts texts;
    private final boolean secureCookies;
    private final Limits limits;
    private final CodeLookup codes;

    public PhoneController(CodeLookup codes, WorkshopService workshops, Texts texts, boolean secureCookies,
                           Limits limits) {
        this.codes = codes;
        this.limits = limits;
        this.workshops = workshops;
        this.texts = texts;
        this.secureCookies = secureCookies;
    }

    /** GET /j?code=...: the home page's code box lands here. */
    public void typedCode(Context ctx) {
        String typed = ctx.queryParam("code");
        if (typed == null || typed.isBlank()) {
            // Nothing typed yet (a bookmark of /j, a QR without its code): the box, not an error.
            ctx.render("home", Map.of("typed", ""));
            return;
        }
        Optional<String> code = JoinCodes.normalise(typed);
        if (code.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).render("home", Map.of(
                    "error", texts.get(LanguageChoice.of(ctx), "home.code_invalid"),
                    "typed", Optional.ofNullable(ctx.queryParam("code")).orElse("")));
            return;
        }
        BasePath.redirect(ctx, "/j/" + code.get(), HttpStatus.SEE_OTHER);
    }

    /** GET /j/{code}: the join form, or the live page for someone who already joined. */
    public void show(Context ctx) {
        Optional<Room> room = roomFor(ctx);
        if (room.isEmpty()) {
            return;
        }
        Workshop w = room.get().workshop();
        Optional<org.tallersocial.workshop.Participant> joined =
                workshops.participant(room.get(), ctx.cookie(ParticipantCookie.name(w.id())));
        if (joined.isPresent()) {
            // The person should know why the room does not see their name: the word filter held it.
            page(ctx, w, joined.get().nameWaits() ? Map.of("nameWaits", String.valueOf(joined.get().id())) : Map.of());
            return;
        }
        renderJoin(ctx, w, null, "");
    }

    /** POST /j/{code}: join with an optional display name. */
    public void join(Context ctx) {
        Optional<Room> room = roomFor(ctx);
        if (room.isEmpty()) {
            return;
        }
        Workshop w = room.get().workshop();
        if (workshops.participant(room.get(), ctx.cookie(ParticipantCookie.name(w.id()))).isPresent()) {
            BasePath.redirect(ctx, "/j/" + w.code(), HttpStatus.SEE_OTHER);
            return;
        }
        join(ctx, room.get(), false, "/j/" + w.code(), (error, name) -> renderJoin(ctx, w, error, name));
    }

    /**
     * Joins with the form's optional name, in the room or (late) through the catch-up link, then goes to
     * {@code then}; a refusal draws the form again with why ({@code form(error, name)}).
     */
    public void join(Context ctx, Room room, boolean late, String then, java.util.function.BiConsumer<String, String> form) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        if (!limits.mayJoin(ctx.ip())) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            form.accept(texts.get(LanguageChoice.of(ctx), "join.too_many"), name);
            return;
        }
        try {
            WorkshopService.Joined joined = workshops.join(room, name, late);
            giveCookie(ctx, room.workshop(), joined.token(), secureCookies);
            BasePath.redirect(ctx, then, HttpStatus.SEE_OTHER);
        } catch (WorkshopRefusal e) {
            ctx.status(HttpStatus.CONFLICT);
            form.accept(texts.get(LanguageChoice.of(ctx), e.textKey(), e.args()), name);
        }
    }

    /** Who a person is in this workshop from now on: the token only they hold (its hash is stored). */
    private static void giveCookie(Context ctx, Workshop w, String token, boolean secure) {
        Cookie cookie = new Cookie(ParticipantCookie.name(w.id()), token);
        cookie.setPath(BasePath.cookiePath(ctx));
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(COOKIE_MAX_AGE);
        ctx.cookie(cookie);
    }

    private void renderJoin(Context ctx, Workshop w, String error, String name) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("workshop", w);
        model.put("name", name);
        model.put("joinKey", CodeLookup.carriesKey(ctx, w) ? w.joinKey() : "");
        if (error != null) {
            model.put("error", error);
        }
        ctx.render("phone/join", model);
    }

    private Optional<Room> roomFor(Context ctx) {
        CodeLookup.Lookup lookup = codes.find(ctx, ctx.pathParam("code"));
        switch (lookup.outcome()) {
            case FOUND -> {
                LanguageChoice.preferWorkshop(ctx, lookup.room().workshop().language());
                return Optional.of(lookup.room());
            }
            // A script guessing codes: even a right one waits, or guessing would still pay.
            case TOO_MANY -> ctx.status(HttpStatus.TOO_MANY_REQUESTS).render("phone/message", Map.of(
                    "heading", "phone.slow_down.heading", "message", "phone.slow_down.message"));
            case ENDED -> {
                LanguageChoice.preferWorkshop(ctx, lookup.ended().language());
                ctx.status(HttpStatus.NOT_FOUND).render("phone/message", Map.of(
                        "heading", "phone.ended.heading", "message", "phone.ended.message"));
            }
            case UNKNOWN -> ctx.status(HttpStatus.NOT_FOUND).render("phone/message", Map.of(
                    "heading", "phone.unknown.heading", "message", "phone.unknown.message"));
        }
        return Optional.empty();
    }

    /** The phone's live page; the agenda editor's preview adds the snapshot it draws instead of connecting. */
    public static void page(Context ctx, Workshop w, Map<String, Object> extra) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        model.put("workshop", w);
        ctx.render("phone/live", model);
    }
}
