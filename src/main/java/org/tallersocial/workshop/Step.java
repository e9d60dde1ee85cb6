package org.tallersocial.workshop;

import java.time.OffsetDateTime;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;

/**
 * One step of a workshop's own agenda, with where its poll stands.
 *
 * @param resetAt when the facilitator last reset its poll during the session (null if never)
 */
public record Step(
        long id,
        long workshopId,
        int position,
        StepSpec spec,
        PollState pollState,
        boolean revealed,
        OffsetDateTime timerEndsAt,
        OffsetDateTime resetAt) {

    public StepKind kind() {
        return spec.kind();
    }

    public boolean isPoll() {
        return spec.kind().isPoll();
    }

    public boolean takesAnswers() {
        return spec.kind().takesAnswers();
    }

    public boolean acceptsAnswers() {
        return takesAnswers() && pollState == PollState.OPEN;
    }

    /** Results are on show unless the template hides them until the facilitator reveals them. */
    public boolean resultsVisible() {
        return isPoll() && (revealed || !spec.poll().hideResults());
    }

    public Step withPollState(PollState state) {
        return new Step(id, workshopId, position, spec, state, revealed, timerEndsAt, resetAt);
    }

    /**
     * Open for answers from now. A quiz question starts its own clock as it opens: its points depend on
     * how quickly each phone answers after this moment, and it closes by itself when the time is up.
     */
    public Step opened(OffsetDateTime now) {
        Step open = withPollState(PollState.OPEN);
        return runsOwnClock() ? open.withTimerEndsAt(now.plusSeconds(spec.exercise().seconds())) : open;
    }

    /** Whether its countdown is its own (a quiz question's, which its points count on), not the facilitator's to set. */
    public boolean runsOwnClock() {
        return kind() == StepKind.QUIZ;
    }

    /** A quiz question's moment of opening, from its clock; null for any other step or before it opened. */
    public OffsetDateTime quizOpenedAt() {
        return runsOwnClock() && timerEndsAt != null ? timerEndsAt.minusSeconds(spec.exercise().seconds()) : null;
    }

    public Step withRevealed(boolean value) {
        return new Step(id, workshopId, position, spec, pollState, value, timerEndsAt, resetAt);
    }

    public Step withSpec(StepSpec updated) {
        return new Step(id, workshopId, position, updated, pollState, revealed, timerEndsAt, resetAt);
    }

    public Step withTimerEndsAt(OffsetDateTime endsAt) {
        return new Step(id, workshopId, position, spec, pollState, revealed, endsAt, resetAt);
    }

    /** Its answers deleted: hidden results again, and the time, for every screen and the report. */
    public Step withReset(OffsetDateTime at) {
        return new Step(id, workshopId, position, spec, pollState, false, timerEndsAt, at);
    }
}
