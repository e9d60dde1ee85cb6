package org.tallersocial.poll;

import org.tallersocial.live.Room;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.StepRepository;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * What the facilitator does with a poll (and with an exercise, which opens and closes like one):
 * open, close, reveal, hide an answer. Each is one change of the room: database, then memory, then publish.
 */
public final class PollService {

    private final StepRepository steps;
    private final AnswerRepository answers;
    private final Polls polls;
    private final java.time.Clock clock;

    public PollService(StepRepository steps, AnswerRepository answers, Polls polls, java.time.Clock clock) {
        this.clock = clock;
        this.steps = steps;
        this.answers = answers;
        this.polls = polls;
    }

    public void open(Room room, long stepId) {
        room.change(() -> {
            if (!room.workshop().isLive()) {
                throw new WorkshopRefusal("live_first");
            }
            save(room, answering(room, stepId).opened(java.time.OffsetDateTime.now(clock)));
        });
    }

    public void close(Room room, long stepId) {
        room.change(() -> save(room, answering(room, stepId).withPollState(PollState.CLOSED)));
    }

    /** Closes the step if, as the room holds it under the lock, it still is what the caller saw (a quiz question's clock). */
    public void closeIf(Room room, long stepId, java.util.function.Predicate<Step> still) {
        room.change(() -> {
            Step step = answering(room, stepId);
            if (still.test(step)) {
                save(room, step.withPollState(PollState.CLOSED));
            }
        });
    }

    public void reveal(Room room, long stepId, boolean revealed) {
        room.change(() -> {
            Step step = answering(room, stepId);
            if (!step.isPoll()) {
                throw new WorkshopRefusal("step_not_poll");
            }
            save(room, step.withRevealed(revealed));
        });
    }

    /**
     * A poll answered wrongly (the wrong question was on, the room misread it) is taken again: its answers are
     * deleted, its results hidden again, and every phone, without its answer now, is asked to answer anew.
     */
    public void reset(Room room, long stepId, java.time.OffsetDateTime now) {
        room.change(() -> {
            Step step = answering(room, stepId);
            if (!step.isPoll()) {
                throw new WorkshopRefusal("step_not_poll");
            }
            if (!room.workshop().isLive() || step.pollState() == PollState.PENDING) {
                throw new WorkshopRefusal("reset_live_poll_only");
            }
            answers.deleteForStep(step.id());
            polls.forget(room, step.id());
            save(room, step.withReset(now));
        });
    }

    /** Hidden answers stay in the database and on the console; the projector stops showing them. */
    public void hideAnswer(Room room, long stepId, long answerId, boolean hidden) {
        room.change(() -> {
            Step step = answering(room, stepId);
            if (!step.isPoll()) {
                throw new WorkshopRefusal("step_not_poll");
            }
            if (!answers.setHidden(step.id(), answerId, hidden)) {
                throw new WorkshopRefusal("answer_not_in_poll");
            }
            polls.tally(room, step.id()).hide(answerId, hidden);
            room.changed(polls);
        });
    }

    /** A step of this room that takes answers, as the room holds it now. */
    private static Step answering(Room room, long stepId) {
        Step step = room.step(stepId).orElseThrow(() -> new WorkshopRefusal("step_not_here"));
        if (!step.takesAnswers()) {
            throw new WorkshopRefusal("step_not_poll");
        }
        return step;
    }

    private void save(Room room, Step step) {
        steps.updateState(step);
        room.replaceStep(step.id(), s -> step);
    }
}
