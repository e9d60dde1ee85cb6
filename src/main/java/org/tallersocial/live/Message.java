package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A phone's message as every kind carries it: its type, the phone's id for it (echoed in the reply),
 * its sequence number and, for a step's messages, the step; the rest is the feature's to read.
 *
 * @param seq  grows with each message the phone makes: of two messages for one slot, the higher wins
 * @param step the step it is for; 0 for a feature of every step that was sent none
 */
public record Message(String type, String id, long seq, long step, JsonNode body) {

    static final int MAX_ID = 64;

    /** The envelope of a phone's message, or the reason it has none that works. */
    static Message read(String type, JsonNode body, boolean forStep) {
        JsonNode id = body.path("id");
        if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > MAX_ID) {
            throw new Refused("invalid_message", "bad_id");
        }
        JsonNode step = body.path("step");
        if (forStep && !whole(step)) {
            throw new Refused("invalid_message", "no_step");
        }
        JsonNode seq = body.path("seq");
        if (!whole(seq) || seq.asLong() <= 0) {
            throw new Refused("invalid_message", "no_seq");
        }
        return new Message(type, id.asText(), seq.asLong(), whole(step) ? step.asLong() : 0, body);
    }

    /** A whole number that fits a long: 3.9 is not step 3, and 2^70 is not any step. */
    static boolean whole(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong();
    }
}
