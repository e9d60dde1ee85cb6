package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.tallersocial.content.StepKind;
import org.tallersocial.workshop.Step;

/**
 * A step whose live behaviour is its own (profile linking, the RACI matrix, ideas, commitments): what
 * it shows is a picture of the room's answers per viewer kind and, on a phone, that person's own
 * answers. The snapshot and the coalesced `picture` messages are made here the same way for all.
 */
public interface Exercise<I> extends Feature<I> {

    StepKind kind();

    /**
     * What a viewer kind sees of the room's answers, or null when it sees nothing. One picture is
     * shared by every socket of that kind, so it never holds anything personal.
     */
    JsonNode picture(Room room, Step step, Viewer viewer);

    /** What one person has answered so far, for that person's phone only; null when nothing. */
    JsonNode mine(Room room, Step step, long participantId);

    @Override
    default Set<StepKind> stepKinds() {
        return Set.of(kind());
    }

    @Override
    default void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        Step step = room.current();
        if (step.kind() != kind()) {
            return;
        }
        JsonNode picture = room.shared(this, viewer, () -> picture(room, step, viewer));
        if (picture != null) {
            state.set("picture", picture);
        }
        JsonNode mine = viewer == Viewer.PHONE ? mine(room, step, participantId) : null;
        if (mine != null) {
            state.set("mine", mine);
        }
    }

    @Override
    default ObjectNode update(Room room, Viewer viewer) {
        Step step = room.current();
        JsonNode picture = step.kind() == kind() ? room.shared(this, viewer, () -> picture(room, step, viewer)) : null;
        if (picture == null) {
            return null;
        }
        ObjectNode msg = JsonNodeFactory.instance.objectNode().put("type", "picture").put("step", step.id());
        msg.set("picture", picture);
        return msg;
    }
}
