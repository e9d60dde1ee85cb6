package org.tallersocial.catchup;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.console.ConsoleController;
import org.tallersocial.console.WorkshopService;
import org.tallersocial.live.Room;
import org.tallersocial.live.Rooms;
import org.tallersocial.phone.PhoneController;
import org.tallersocial.projector.QrCode;
import org.tallersocial.web.BasePath;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Tokens;
import org.tallersocial.web.Views;
import org.tallersocial.workshop.Participant;
import org.tallersocial.workshop.ParticipantCookie;
import org.tallersocial.workshop.Workshop;

/**
 * The catch-up window's routes: the console's card (open or extend, end now, the link's QR code) and the link
 * itself, where those who were not there join and then answer at their own pace (the page `phone/later`).
 *
 * <p>The link names the workshop by its id, for a closed workshop's code may belong to a newer one, and
 * carries the window's own key: ids are easy to guess, the key is not, and a wrong key spends the address's
 * budget of wrong codes like a wrong join code.
 */
public final class CatchUpController {

    static final String PATH = "/later/";

    private final CatchUp catchUp;
    private final CatchUpCard card;
    private final ConsoleController console;
    private final ConsoleActions actions;
    private final WorkshopService workshops;
    private final PhoneController phones;
    private final Rooms rooms;
    private final Limits limits;
    private final Views views;

    public CatchUpController(CatchUp catchUp, CatchUpCard card, ConsoleController console, ConsoleActions actions,
                             WorkshopService workshops, PhoneController phones, Rooms rooms, Limits limits,
                             Views views) {
        this.phones = phones;
        this.catchUp = catchUp;
        this.card = card;
        this.console = console;
        this.actions = actions;
        this.workshops = workshops;
        this.rooms = rooms;
        this.limits = limits;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.post("/facilitate/{id}/catch-up", actions.act((ctx, room) ->
                catchUp.open(room, ctx.formParam("until"), ctx.formParam("zone"))));
        routes.post("/facilitate/{id}/catch-up/end", actions.act((ctx, room) -> catchUp.end(room)));
        routes.get("/facilitate/{id}/catch-up/qr.svg", this::qr);
        routes.get(PATH + "{id}", this::show);
        routes.post(PATH + "{id}", this::join);
    }

    /** The link's QR code, for the facilitator to pass on: only they see it (the link opens the window). */
    private void qr(Context ctx) {
        Workshop w = console.room(ctx).workshop();
        String link = card.link(w).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no_catch_up"));
        ctx.contentType("image/svg+xml; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(views.render("screen/qr", Map.of("qr", QrCode.of(link), "label", link), Locale.ROOT));
    }

    /** GET /later/{id}: the late page for someone who joined by the link, else the join form for the key. */
    private void show(Context ctx) {
        Optional<Room> room = windowRoom(ctx);
        if (room.isEmpty()) {
            return;
        }
        Workshop w = room.get().workshop();
        Optional<Participant> joined = workshops.participant(room.get(), ctx.cookie(ParticipantCookie.name(w.id())));
        if (joined.isPresent()) {
            if (!joined.get().late()) {
                // Their answers are the room's; the window is for those who were not there.
                message(ctx, HttpStatus.CONFLICT, "catch_up.was_there.heading", "catch_up.was_there.message");
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("workshop", w);
            ctx.render("phone/later", model);
            return;
        }
        if (!keyed(ctx, w)) {
            return;
        }
        if (!catchUp.isOpen(w)) {
            message(ctx, HttpStatus.GONE, "catch_up.ended.heading", "catch_up.ended.message");
            return;
        }
        renderJoin(ctx, w, null, "");
    }

    /** POST /later/{id}: join as someone answering later, name optional as in the room. */
    private void join(Context ctx) {
        Optional<Room> room = windowRoom(ctx);
        if (room.isEmpty()) {
            return;
        }
        Workshop w = room.get().workshop();
        if (workshops.participant(room.get(), ctx.cookie(ParticipantCookie.name(w.id()))).isPresent()) {
            BasePath.redirect(ctx, PATH + w.id(), HttpStatus.SEE_OTHER);
            return;
        }
        if (!keyed(ctx, w)) {
            return;
        }
        phones.join(ctx, room.get(), true, PATH + w.id(), (error, name) -> renderJoin(ctx, w, error, name));
    }

    /** A closed workshop that has had a window; anything else looks like no link at all. */
    private Optional<Room> windowRoom(Context ctx) {
        if (!limits.mayTryCode(ctx.ip())) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).render("phone/message", Map.of(
                    "heading", "phone.slow_down.heading", "message", "phone.slow_down.message"));
            return Optional.empty();
        }
        Optional<Room> room;
        try {
            room = rooms.get(Long.parseLong(ctx.pathParam("id")))
                    .filter(r -> !r.workshop().isOpen() && r.workshop().catchUpKey() != null);
        } catch (NumberFormatException e) {
            room = Optional.empty();
        }
        if (room.isEmpty()) {
            unknown(ctx);
            return Optional.empty();
        }
        LanguageChoice.preferWorkshop(ctx, room.get().workshop().language());
        return room;
    }

    /** The window's key, in the address or the join form: without it, the link is as unknown as a wrong code. */
    private boolean keyed(Context ctx, Workshop w) {
        String key = ctx.queryParam("k");
        if (key == null && "POST".equals(ctx.method().name())) {
            key = ctx.formParam("k");
        }
        if (Tokens.sameSecret(w.catchUpKey(), key)) {
            return true;
        }
        limits.wrongCode(ctx.ip());
        unknown(ctx);
        return false;
    }

    private static void unknown(Context ctx) {
        message(ctx, HttpStatus.NOT_FOUND, "catch_up.unknown.heading", "catch_up.unknown.message");
    }

    private static void message(Context ctx, HttpStatus status, String heading, String message) {
        ctx.status(status).render("phone/message", Map.of("heading", heading, "message", message));
    }

    private void renderJoin(Context ctx, Workshop w, String error, String name) {
        Map<String, Object> model = new HashMap<>();
        model.put("workshop", w);
        model.put("name", name);
        model.put("joinKey", w.catchUpKey());
        model.put("joinAction", PATH + w.id());
        model.put("late", true);
        if (error != null) {
            model.put("error", error);
        }
        ctx.render("phone/join", model);
    }
}
