package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.tallersocial.content.StepKind;
import org.tallersocial.workshop.Step;

/**
 * An exercise step with live behaviour of its own (profile linking, the RACI
 * matrix...). The hub asks it for the room's picture and for a phone's own
 * answers, and hands it the socket messages it takes; everything else about a
 * step (moving to it, opening and closing it) works as for a poll.
 */
public interface Exercise extends MessageHandler {

    StepKind kind();

    /**
     * What a viewer kind sees of the room's answers, or null when it sees nothing.
     * One picture is shared by every socket of that kind, so it never holds anything personal.
     */
    JsonNode picture(Room room, Step step, Viewer viewer);

    /** What one person has answered so far, for that person's phone only; null when nothing. */
    JsonNode mine(Room room, Step step, long participantId);
}
