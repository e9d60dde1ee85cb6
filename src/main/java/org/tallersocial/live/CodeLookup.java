package org.tallersocial.live;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Tokens;
import org.tallersocial.workshop.JoinCodes;
import org.tallersocial.workshop.ParticipantCookie;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.Workshop;

/**
 * Every route that would tell an open join code from an unknown one asks here: the join pages, the
 * projector and its QR code, and the phone's and projector's live connections. So one budget of wrong
 * guesses per network address covers them all.
 *
 * <p>A network that spent its budget is turned away, but never those who prove they were given the code:
 * a phone that already joined (its cookie), and whoever came by the QR code or the projector's own address
 * (the workshop's join key). That keeps a company behind one router, where one person may be guessing,
 * able to run its workshop; the console is told how many were turned away. A draft is found only with its
 * key: to everyone else it looks like an unknown code, and looking for it is not counted as a wrong guess,
 * so nothing about the answer or the budget tells it apart.
 */
public final class CodeLookup {

    /** The query or form field that carries the join key. */
    public static final String KEY = "k";

    public enum Outcome { FOUND, UNKNOWN, ENDED, TOO_MANY }

    /** @param room the room when found; @param ended the closed workshop the code last belonged to */
    public record Lookup(Outcome outcome, Room room, Workshop ended) {
        public boolean found() {
            return outcome == Outcome.FOUND;
        }
    }

    private final Rooms rooms;
    private final ParticipantRepository participants;
    private final Limits limits;
    private final Clock clock;

    public CodeLookup(Rooms rooms, ParticipantRepository participants, Limits limits, Clock clock) {
        this.clock = clock;
        this.rooms = rooms;
        this.participants = participants;
        this.limits = limits;
    }

    public Lookup find(Context ctx, String typedCode) {
        Optional<String> code = JoinCodes.normalise(typedCode);
        Optional<Room> room = code.flatMap(rooms::byOpenCode);
        boolean live = room.map(r -> r.workshop().isLive()).orElse(false);
        String address = ctx.ip();
        boolean mayTry = limits.mayTryCode(address);
        if (live && mayTry || room.isPresent() && vouchedFor(ctx, room.get())) {
            return new Lookup(Outcome.FOUND, room.get(), null);
        }
        if (!mayTry) {
            if (live) {
                room.get().presence().turnedAway(clock.millis());
            }
            return new Lookup(Outcome.TOO_MANY, null, null);
        }
        if (room.isPresent()) {
            return new Lookup(Outcome.UNKNOWN, null, null);
        }
        Optional<Workshop> latest = code.flatMap(rooms::latestByCode);
        if (latest.isPresent()) {
            return new Lookup(Outcome.ENDED, null, latest.get());
        }
        limits.wrongCode(address);
        return new Lookup(Outcome.UNKNOWN, null, null);
    }

    /** The join key in the address (or the join form), or the cookie of someone who joined this workshop. */
    private boolean vouchedFor(Context ctx, Room room) {
        Workshop w = room.workshop();
        if (carriesKey(ctx, w)) {
            return true;
        }
        String cookie = ctx.cookie(ParticipantCookie.name(w.id()));
        return cookie != null && participants.byCookie(w.id(), cookie).isPresent();
    }

    /** Whether the request came with this workshop's join key: the join form then passes it on. */
    public static boolean carriesKey(Context ctx, Workshop w) {
        return Tokens.sameSecret(w.joinKey(), key(ctx));
    }

    private static String key(Context ctx) {
        String inQuery = ctx.queryParam(KEY);
        if (inQuery != null || !"POST".equals(ctx.method().name())) {
            return inQuery;
        }
        return ctx.formParam(KEY);
    }
}
