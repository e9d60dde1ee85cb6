package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/** Something that takes socket messages of its own types: an exercise, or a feature that runs on every step. */
public interface MessageHandler {

    /** Socket message types this handler takes, e.g. "profile". */
    Set<String> messageTypes();

    /**
     * Takes one message from a socket: checks it, commits it, marks the room for the
     * next coalesced update, and returns the reply for that socket.
     *
     * @throws org.tallersocial.live.Refused when the message is refused; nothing is stored then
     */
    ObjectNode handle(Room room, Socket socket, JsonNode message, Locale locale);
}
