package org.tallersocial.live;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A live feature that works on every step rather than being one (questions from
 * the room). It adds its part to every snapshot and, when the room marks it
 * dirty, sends one coalesced update per viewer kind.
 */
public interface RoomFeature extends MessageHandler {

    /** Adds what this viewer may see (and, on a phone, what is its own) to a state snapshot. */
    void addToState(ObjectNode state, Room room, Viewer viewer, long participantId);

    /** The coalesced update for a viewer kind, shared by all its sockets; null when it gets none. */
    ObjectNode update(Room room, Viewer viewer);
}
