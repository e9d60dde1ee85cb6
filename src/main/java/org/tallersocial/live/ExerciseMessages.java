package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Refused;
import org.tallersocial.workshop.Step;

/**
 * The checks every exercise message from a phone passes before its own: it is
 * for the room's current step, which is of the exercise's kind, in a live
 * workshop, and it carries its numbers as whole numbers (3.9 is not step 3).
 */
public final class ExerciseMessages {

    private ExerciseMessages() {
    }

    /** @param notThisStep the refusal's text key when the current step is of another kind */
    public static Step currentStep(Room room, JsonNode msg, StepKind kind, String notThisStep) {
        if (!msg.path("step").isIntegralNumber() || !msg.path("step").canConvertToLong()) {
            throw new Refused("invalid_message", "no_step");
        }
        if (!room.workshop().isLive()) {
            throw new Refused("not_live", "not_live");
        }
        Step step = room.current();
        if (step.id() != msg.get("step").asLong()) {
            throw new Refused("wrong_step", "wrong_step");
        }
        if (step.kind() != kind) {
            throw new Refused("wrong_step", notThisStep);
        }
        return step;
    }

    /** The phone's sequence number: the highest one wins, so a late retry never overwrites a newer answer. */
    public static long seq(JsonNode msg) {
        if (!msg.path("seq").isIntegralNumber() || !msg.path("seq").canConvertToLong()
                || msg.get("seq").asLong() <= 0) {
            throw new Refused("invalid_message", "no_seq");
        }
        return msg.get("seq").asLong();
    }
}
