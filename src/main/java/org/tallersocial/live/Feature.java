package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.tallersocial.content.StepKind;
import org.tallersocial.workshop.Step;

/**
 * Something a room runs: polls, each exercise, questions. The live core knows features only through
 * this. For what a phone sends, a feature writes its decision and nothing else: the pipeline admits and
 * parses the message, asks {@link #read}, then on the writer's thread {@link #stored} (a retry is
 * acknowledged as a duplicate whatever the step's state now), checks that the step is live and open,
 * asks {@link #decide}, commits the change and acknowledges it. For what screens see, the hub asks
 * {@link #addToState} for every snapshot and {@link #update} for the coalesced updates after
 * {@link Room#changed}.
 *
 * @param <I> one of its messages as {@link #read} it
 */
public interface Feature<I> {

    /** The phone messages it takes, e.g. "answer"; none for a feature that only shows. */
    Set<String> messageTypes();

    /** The kinds of step whose messages it takes; empty when it takes them on every step (questions). */
    Set<StepKind> stepKinds();

    Refusals refusals();

    /**
     * Reads the message's own fields, on the thread that received it: their shape, against the step the
     * message names (null for a feature of every step) and what never changes (names). No other state.
     *
     * @throws Refused when the message does not fit
     */
    I read(Room room, Step step, long participantId, Message message);

    /**
     * What the writer keeps in order: two messages of one slot (a person's answer to one poll) are
     * decided and committed one after the other, never in one batch.
     */
    String slot(Sent<I> sent);

    /**
     * Under the room's lock: when the slot already holds this message or a newer one (a retry whose ack
     * was lost, or an older message arriving late), the fields of the duplicate's ack, saying what is
     * stored; else null.
     */
    ObjectNode stored(Sent<I> sent);

    /**
     * Under the room's lock, once the step is known to be live and open: what a new message changes.
     *
     * @throws Refused when it may not
     */
    Change decide(Sent<I> sent);

    /**
     * What a screen may ask of it and get at once, changing nothing (a phone's next page of
     * questions): not through the writer, and not coalesced. None by default.
     */
    default Set<String> queryTypes() {
        return Set.of();
    }

    /**
     * The reply to one of {@link #queryTypes}, for that viewer; the pipeline adds the message's id.
     *
     * @throws Refused when the query does not fit
     */
    default ObjectNode query(Room room, Viewer viewer, long participantId, JsonNode message) {
        throw new Refused("unknown_type", "unknown_type", message.path("type").asText());
    }

    /** Adds what this viewer may see (a phone: and what is its own) to a snapshot. */
    void addToState(ObjectNode state, Room room, Viewer viewer, long participantId);

    /** The coalesced update for a viewer kind after {@link Room#changed}, shared by all its sockets; null for none. */
    ObjectNode update(Room room, Viewer viewer);

    /**
     * Why a begun step of this feature's kinds (one people may have answered) may not become {@code edited}:
     * options that carry votes, a network people answered for. Null when it may; wording may always be corrected.
     */
    default EditRefusal refuseEdit(Room room, Step step, org.tallersocial.content.StepSpec edited) {
        return null;
    }

    /**
     * Ten times a second, on the hub's ticker, for each room someone is connected to: a feature with work
     * bound to time (a quiz question whose time is up) notices it here and does it on a thread of its own,
     * for the ticker only reads.
     */
    default void tick(Room room, long nowMillis) {
    }

    /**
     * Whether someone who joined through the catch-up link may send this feature's messages, for any begun
     * step of its kinds, while the window is open (Delivery). No by default: a quiz's points are for the
     * room's quick fingers, a RACI matrix and the room's lists were settled together.
     */
    default boolean takesLateAnswers() {
        return false;
    }

    /** One person's own answer to a step of this feature's kinds, for their phone only; null when none. */
    default JsonNode mine(Room room, Step step, long participantId) {
        return null;
    }

    /** A step not yet begun was edited: let go of anything loaded from its old spec. Inside {@link Room#change}. */
    default void edited(Room room, Step before, Step after) {
    }
}
