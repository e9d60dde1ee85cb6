package org.tallersocial.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.tallersocial.live.Room;
import org.tallersocial.wordfilter.Waiting;
import org.tallersocial.wordfilter.WordFilter;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * Names joined with that the word filter caught ({@link WorkshopService#join} holds them): until the
 * facilitator approves one, every screen shows its person as a placeholder; a rejected one stays so.
 */
public final class HeldNames implements Waiting {

    private final ParticipantRepository participants;
    private final WordFilter filter;

    public HeldNames(ParticipantRepository participants, WordFilter filter) {
        this.participants = participants;
        this.filter = filter;
        filter.holdsFor(this);
    }

    @Override
    public String itemKind() {
        return "name";
    }

    /** Read from the database: names wait rarely, and the list is made again only when something waiting changes. */
    @Override
    public List<ObjectNode> waiting(Room room) {
        List<ObjectNode> out = new ArrayList<>();
        participants.heldNames(room.workshop().id()).forEach((id, name) -> out.add(item(id, null, name)
                .put("shownAs", participants.placeholder(room.workshop().language(), id))));
        return out;
    }

    @Override
    public void decide(Room room, long participantId, boolean approve) {
        room.change(() -> {
            if (!participants.decideName(room.workshop().id(), participantId, approve)) {
                throw new WorkshopRefusal("word_filter.not_waiting");
            }
            room.forgetName(participantId);
            filter.waitingChanged(room);
        });
    }
}
