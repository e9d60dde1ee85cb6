package org.tallersocial.live;

import org.tallersocial.workshop.Step;

/**
 * One phone's message as a feature decides on it.
 *
 * @param step  the step the message names, as the room holds it now (null for a feature of every step)
 * @param input what the feature read of it
 */
public record Sent<I>(Room room, Step step, long participantId, Message message, I input) {

    public long seq() {
        return message.seq();
    }
}
