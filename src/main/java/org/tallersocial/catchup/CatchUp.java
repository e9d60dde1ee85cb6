package org.tallersocial.catchup;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.tallersocial.live.Room;
import org.tallersocial.web.Tokens;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.WorkshopRepository;

/**
 * The catch-up window of a closed workshop: those who were not there join through a link of its own and
 * answer at their own pace until the moment it ends. Nothing closes it: every message compares the server's
 * clock with that moment (Workshop.takesLateAnswers), so it ends by itself, on time, after a restart too.
 */
public final class CatchUp {

    /** Long enough for a holiday or a sick leave; short enough that the report settles. */
    static final Duration LONGEST = Duration.ofDays(30);

    private final WorkshopRepository workshops;
    private final Clock clock;

    public CatchUp(WorkshopRepository workshops, Clock clock) {
        this.workshops = workshops;
        this.clock = clock;
    }

    /**
     * Opens the window, or moves its end. The facilitator's form gives a date and time as their clock shows it
     * (a datetime-local field) and the browser's time zone; without it (no script), the server's.
     *
     * @throws WorkshopRefusal when the workshop is not closed or the end is not a moment within 30 days
     */
    public OffsetDateTime open(Room room, String typedEnd, String typedZone) {
        OffsetDateTime end = endOf(typedEnd, zoneOf(typedZone));
        return room.change(() -> {
            Workshop w = room.workshop();
            if (w.isOpen()) {
                throw new WorkshopRefusal("catch_up.not_closed");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!end.isAfter(now)) {
                throw new WorkshopRefusal("catch_up.past");
            }
            if (end.isAfter(now.plus(LONGEST))) {
                throw new WorkshopRefusal("catch_up.too_far", LONGEST.toDays());
            }
            // One key for the workshop's windows: a link already sent works again when the window is extended.
            Workshop updated = w.withCatchUp(end, w.catchUpKey() == null ? Tokens.newKey() : w.catchUpKey());
            workshops.update(updated);
            room.replace(updated);
            return end;
        });
    }

    /** Ends the window now: late answers are refused from this moment, and the link opens nothing. */
    public void end(Room room) {
        room.change(() -> {
            Workshop w = room.workshop();
            if (!w.takesLateAnswers(clock.instant())) {
                throw new WorkshopRefusal("catch_up.not_open");
            }
            Workshop updated = w.withCatchUp(OffsetDateTime.now(clock), w.catchUpKey());
            workshops.update(updated);
            room.replace(updated);
        });
    }

    public boolean isOpen(Workshop w) {
        return w.takesLateAnswers(clock.instant());
    }

    private static ZoneId zoneOf(String typed) {
        if (typed == null || typed.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(typed.strip());
        } catch (DateTimeException e) {
            throw new WorkshopRefusal("catch_up.bad_zone");
        }
    }

    private static OffsetDateTime endOf(String typed, ZoneId zone) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            throw new WorkshopRefusal("catch_up.bad_date");
        }
        try {
            // A time that a clock change skips is moved on by the gap, as the facilitator's own clock would be.
            return ZonedDateTime.of(LocalDateTime.parse(typed.strip()), zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new WorkshopRefusal("catch_up.bad_date");
        }
    }
}
