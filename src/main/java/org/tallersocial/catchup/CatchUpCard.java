package org.tallersocial.catchup;

import java.util.Optional;
import org.tallersocial.live.Room;
import org.tallersocial.workshop.Workshop;

/** What the console's "Answering later" card shows of a closed workshop's window. */
public final class CatchUpCard {

    private final CatchUp catchUp;
    private final LatePeople late;
    private final String publicUrl;

    public CatchUpCard(CatchUp catchUp, LatePeople late, String publicUrl) {
        this.catchUp = catchUp;
        this.late = late;
        this.publicUrl = publicUrl;
    }

    /**
     * @param until   the window's end in epoch ms, 0 when it never opened; the page writes it in the
     *                facilitator's own time zone
     * @param link    the link with its key, or null before the first window
     */
    public record Shown(boolean open, long until, String link, int people, int answers) {
    }

    public Shown of(Room room) {
        Workshop w = room.workshop();
        LatePeople.Counts counts = late.counts(w.id());
        return new Shown(catchUp.isOpen(w), w.catchUpUntil() == null ? 0 : w.catchUpUntil().toInstant().toEpochMilli(),
                link(w).orElse(null), counts.people(), counts.answers());
    }

    /** The address those who were not there open; its key makes it theirs alone. */
    Optional<String> link(Workshop w) {
        return Optional.ofNullable(w.catchUpKey())
                .map(key -> publicUrl + CatchUpController.PATH + w.id() + "?k=" + key);
    }
}
