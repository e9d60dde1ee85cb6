package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The ideas step: each phone sends one idea of its own, then upvotes up to three of the others'
 * it has seen in the pictures it received by then. An idea the phone has not seen cannot be voted
 * for, so the first phones of the room vote little and the later ones for what the room shows.
 */
final class IdeasLoad implements ExerciseLoad {

    private final Upvotes votes = new Upvotes("idea_vote", "idea");

    @Override
    public String kind() {
        return "ideas";
    }

    @Override
    public int inputsPerPhone(Phone phone) {
        return 1 + Upvotes.PER_PHONE;
    }

    @Override
    public boolean readsLists() {
        return true;
    }

    static String text(Phone phone) {
        return "Idea " + phone.index + " about reviews";
    }

    @Override
    public ObjectNode input(Phone phone, int n) {
        if (n == 0) {
            return phone.message("idea").put("text", text(phone));
        }
        return votes.next(phone, seen(phone), text(phone));
    }

    /** The ideas the phone holds: its last whole list, and the lines that came since. */
    private static JsonNode seen(Phone phone) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        ExerciseLoad.Lists.parse(phone.lastPicture).path("picture").path("ideas").forEach(all::add);
        for (String change : phone.pictureChanges) {
            ExerciseLoad.Lists.parse(change).path("changes").path("ideas").forEach(all::add);
        }
        return all;
    }

    @Override
    public Map<String, Long> counted(JsonNode message, long stepId) {
        JsonNode picture = ExerciseLoad.picture(message, stepId);
        return picture == null ? null : Upvotes.counted(picture.path("ideas"));
    }

    @Override
    public Map<String, Long> expected(List<PhoneMessage> acked) {
        return votes.expected(acked, "idea");
    }

    @Override
    public String exactMeans() {
        return "the projector's picture lists every acked idea and its votes add up to the acked upvotes";
    }

    @Override
    public List<Ledger> ledgers() {
        return List.of(
                new Ledger("ideas", "SELECT p.DISPLAY_NAME, i.CLIENT_ID FROM IDEA i"
                        + " JOIN PARTICIPANT p ON p.ID = i.PARTICIPANT_ID WHERE i.STEP_ID = ?", false,
                        m -> m.type().equals("idea") ? m.id : null),
                new Ledger("idea upvotes", "SELECT p.DISPLAY_NAME, CAST(u.IDEA_ID AS VARCHAR) FROM IDEA_UPVOTE u"
                        + " JOIN IDEA i ON i.ID = u.IDEA_ID JOIN PARTICIPANT p ON p.ID = u.PARTICIPANT_ID"
                        + " WHERE i.STEP_ID = ? AND u.UP", false, Upvotes::about));
    }
}
