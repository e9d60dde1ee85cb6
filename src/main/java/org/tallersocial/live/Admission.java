package org.tallersocial.live;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Locale;
import org.tallersocial.auth.AuthModule;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Origins;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.Participant;
import org.tallersocial.workshop.ParticipantCookie;
import org.tallersocial.workshop.ParticipantRepository;

/**
 * Who may open a live connection, decided before it opens: a phone needs the
 * participant cookie of an open workshop, the console its owner's session, and
 * every one of them a page of this site behind it. What is admitted is left on
 * the request for the connection to pick up.
 */
final class Admission {

    static final String ROOM = "room";
    static final String PARTICIPANT = "participant";
    static final String LOCALE = "locale";
    static final String ADDRESS = "address";

    private final Rooms rooms;
    private final ParticipantRepository participants;
    private final AuthModule auth;
    private final Origins origins;
    private final CodeLookup codes;
    private final Limits limits;

    Admission(Rooms rooms, CodeLookup codes, ParticipantRepository participants, AuthModule auth, Origins origins,
              Limits limits) {
        this.limits = limits;
        this.codes = codes;
        this.origins = origins;
        this.rooms = rooms;
        this.participants = participants;
        this.auth = auth;
    }

    void phone(Context ctx) {
        checkOrigin(ctx);
        Room room = byCode(ctx);
        Participant p = participants.byCookie(room.workshop().id(), ctx.cookie(ParticipantCookie.name(room.workshop().id())))
                .orElseThrow(() -> new UnauthorizedResponse("join_first"));
        ctx.attribute(ROOM, room);
        ctx.attribute(PARTICIPANT, p.id());
        ctx.attribute(ADDRESS, ctx.ip());
        ctx.attribute(LOCALE, language(ctx, room.workshop().language()));
    }

    /**
     * A phone of someone who joined through the catch-up link: a closed workshop (found by its id, for a closed
     * workshop's code may be another's now) that has had a window, and that person's cookie. A window that has
     * ended still admits them, so that their phone can say so.
     */
    void later(Context ctx) {
        checkOrigin(ctx);
        long id = ctx.pathParamAsClass("id", Long.class).getOrThrow(e -> new NotFoundResponse("no_workshop"));
        Room room = rooms.get(id).filter(r -> !r.workshop().isOpen() && r.workshop().catchUpKey() != null)
                .orElseThrow(() -> new NotFoundResponse("no_catch_up"));
        Participant p = participants.byCookie(id, ctx.cookie(ParticipantCookie.name(id)))
                .filter(Participant::late)
                .orElseThrow(() -> new UnauthorizedResponse("join_first"));
        room.markLate(p.id());
        ctx.attribute(ROOM, room);
        ctx.attribute(PARTICIPANT, p.id());
        ctx.attribute(ADDRESS, ctx.ip());
        ctx.attribute(LOCALE, language(ctx, room.workshop().language()));
    }

    void screen(Context ctx) {
        checkOrigin(ctx);
        Room room = byCode(ctx);
        if (!limits.mayOpenProjector(ctx.ip())) {
            throw new TooManyRequestsResponse("too_many_projectors");
        }
        ctx.attribute(ADDRESS, ctx.ip());
        ctx.attribute(ROOM, room);
        ctx.attribute(LOCALE, language(ctx, room.workshop().language()));
    }

    void console(Context ctx) {
        checkOrigin(ctx);
        var facilitator = auth.current(ctx).orElseThrow(() -> new UnauthorizedResponse("login_first"));
        long id = ctx.pathParamAsClass("id", Long.class).getOrThrow(e -> new NotFoundResponse("no_workshop"));
        Room room = rooms.get(id).orElseThrow(() -> new NotFoundResponse("no_workshop"));
        if (room.workshop().ownerId() != facilitator.id()) {
            throw new ForbiddenResponse("not_your_workshop");
        }
        ctx.attribute(ROOM, room);
        ctx.attribute(LOCALE, language(ctx, LanguageChoice.of(ctx).getLanguage()));
    }

    /** The room of the code in the address, through the one guessing budget of every route that could reveal it. */
    private Room byCode(Context ctx) {
        CodeLookup.Lookup lookup = codes.find(ctx, ctx.pathParam("code"));
        if (lookup.outcome() == CodeLookup.Outcome.TOO_MANY) {
            throw new TooManyRequestsResponse("too_many_wrong_codes");
        }
        if (!lookup.found()) {
            throw new NotFoundResponse("no_open_workshop");
        }
        return lookup.room();
    }

    /** The language the page asked for (`?lang=`), else the given default. */
    private static Locale language(Context ctx, String fallback) {
        String asked = ctx.queryParam("lang");
        return Texts.locale(Texts.supports(asked) ? asked : fallback);
    }

    /**
     * Origin when the browser sends one; else Referer, which a browser sends for a post from a page of
     * another site even where it leaves Origin out. Neither (a script of no page) is let through, as for forms.
     */
    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String from = origin == null || origin.isBlank() ? referrerOrigin(ctx.header("Referer")) : origin;
        if (!origins.allows(from, ctx.header("Host"))) {
            throw new ForbiddenResponse("foreign_socket");
        }
    }

    private static String referrerOrigin(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(referer.trim());
            return uri.getScheme() == null || uri.getHost() == null ? "null"
                    : uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "");
        } catch (IllegalArgumentException e) {
            return "null";
        }
    }
}
