package org.tallersocial.wordfilter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

    /** The items waiting now, each made by {@link #item}. */
    List<ObjectNode> waiting(Room room);

    /** One line of the console's waiting list: {kind, id, text} and, for a step's item, its step. */
    default ObjectNode item(long id, Long stepId, String text) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("kind", itemKind()).put("id", id);
        if (stepId != null) {
            out.put("step", stepId);
        }
        return out.put("text", text);
    }

    /**
     * Lets one through to every screen, or keeps it hidden for good.
     *
     * @throws org.tallersocial.workshop.WorkshopRefusal when it is not waiting
     */
    void decide(Room room, long id, boolean approve);
}
