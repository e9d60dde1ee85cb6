package org.tallersocial.poll;

import org.tallersocial.live.Refused;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.tallersocial.live.Hub;
import org.tallersocial.live.Room;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.StepRepository;
import org.tallersocial.workshop.WorkshopRefusal;

/** Opening, closing and revealing polls (opening and closing exercises too), hiding answers, and taking answers. */
public final class PollService {

    private final StepRepository steps;
    private final AnswerRepository answers;
    private final AnswerWriter writer;
    private final Hub hub;

    public PollService(StepRepository steps, AnswerRepository answers, AnswerWriter writer, Hub hub) {
        this.steps = steps;
        this.answers = answers;
        this.writer = writer;
        this.hub = hub;
    }

    public synchronized void open(Room room, long stepId) {
        Step step = poll(room, stepId);
        if (!room.workshop().isLive()) {
            throw new WorkshopRefusal("live_first");
        }
        save(room, step.withPollState(PollState.OPEN));
    }

    public synchronized void close(Room room, long stepId) {
        save(room, poll(room, stepId).withPollState(PollState.CLOSED));
    }

    public synchronized void reveal(Room room, long stepId, boolean revealed) {
        Step step = poll(room, stepId);
        if (!step.isPoll()) {
            throw new WorkshopRefusal("step_not_poll");
        }
        save(room, step.withRevealed(revealed));
    }

    /** Hidden answers stay in the database and on the console; the projector stops showing them. */
    public synchronized void hideAnswer(Room room, long stepId, long answerId, boolean hidden) {
        Step step = poll(room, stepId);
        if (!step.isPoll()) {
            throw new WorkshopRefusal("step_not_poll");
        }
        if (!answers.setHidden(step.id(), answerId, hidden)) {
            throw new WorkshopRefusal("answer_not_in_poll");
        }
        room.tally(step.id()).hide(answerId, hidden);
        room.markResultsDirty();
    }

    /**
     * Checks everything that can be checked at once, then queues the answer
     * for the writer; {@code reply} hears the outcome after the commit.
     */
    public void submit(Room room, long participantId, long stepId, JsonNode value, long seq,
                       Consumer<AnswerWriter.Outcome> reply) {
        Step current = room.current();
        if (!room.workshop().isLive()) {
            throw new Refused("not_live", "not_live");
        }
        if (current.id() != stepId) {
            throw new Refused("wrong_step", "wrong_step");
        }
        if (!current.isPoll()) {
            throw new Refused("not_a_poll", "not_a_poll");
        }
        if (current.pollState() != PollState.OPEN) {
            throw new Refused("poll_closed",
                    current.pollState() == PollState.PENDING ? "poll_not_open_yet" : "poll_closed");
        }
        if (seq <= 0) {
            throw new Refused("invalid_message", "no_seq");
        }
        JsonNode stored = AnswerRules.check(current.spec(), value);
        writer.submit(new AnswerWriter.Pending(stepId, participantId, stored, seq, room.tally(stepId),
                () -> stillOpen(room, stepId), reply, room::markResultsDirty));
    }

    private static boolean stillOpen(Room room, long stepId) {
        return room.step(stepId).map(Step::acceptsAnswers).orElse(false) && room.workshop().isLive();
    }

    private Step poll(Room room, long stepId) {
        Step step = room.step(stepId).orElseThrow(() -> new WorkshopRefusal("step_not_here"));
        if (!step.takesAnswers()) {
            throw new WorkshopRefusal("step_not_poll");
        }
        return step;
    }

    private void save(Room room, Step step) {
        steps.updateState(step);
        room.replace(step);
        hub.publishState(room);
    }
}
