package org.tallersocial.wordfilter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tallersocial.live.Room;

/**
 * Where the filter holds what people typed (poll answers, questions): each keeps its waiting items in its
 * own memory and flags, and approves or rejects them its own way (a rejected one is hidden as the
 * console's hide hides it). The console's waiting list is theirs put together.
 */
public interface Waiting {

    /** What the console's list and the approve/reject route call these: "answer", "question". */
    String itemKind();

    /** The items waiting now, each {kind, id, text} and, for a step's, its step. */
    List<ObjectNode> waiting(Room room);

    /**
     * Lets one through to every screen, or keeps it hidden for good.
     *
     * @throws org.tallersocial.workshop.WorkshopRefusal when it is not waiting
     */
    void decide(Room room, long id, boolean approve);
}
