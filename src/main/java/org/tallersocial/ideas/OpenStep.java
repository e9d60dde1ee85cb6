package org.tallersocial.ideas;

import com.fasterxml.jackson.databind.JsonNode;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.ExerciseMessages;
import org.tallersocial.live.Room;
import org.tallersocial.live.Socket;
import org.tallersocial.live.Viewer;
import org.tallersocial.live.Refused;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;

/** The checks every phone message of the ideas and commitments steps passes first. */
final class OpenStep {

    private OpenStep() {
    }

    /** The room's current step, when the message is for it, it is of this kind, and it is open. */
    static Step of(Room room, Socket socket, JsonNode msg, StepKind kind) {
        if (socket.viewer() != Viewer.PHONE) {
            throw new Refused("not_allowed", "ideas.phones_only");
        }
        Step step = ExerciseMessages.currentStep(room, msg, kind, "ideas.not_this_step");
        if (step.pollState() != PollState.OPEN) {
            throw new Refused("poll_closed",
                    step.pollState() == PollState.PENDING ? "ideas.not_open_yet" : "ideas.closed");
        }
        return step;
    }
}
