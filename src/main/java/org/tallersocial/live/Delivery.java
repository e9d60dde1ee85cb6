package org.tallersocial.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;

/**
 * One phone message on its way through the writer, read and waiting for its decision. The order of
 * the checks is the protocol's promise: a message already stored is acknowledged as a duplicate
 * whatever the room has done since (moved on, closed the step, ended the workshop); only a new one
 * must find its step live, current and open, and then the feature decides.
 */
final class Delivery<I> {

    /** The decision on a delivery: a reply at once (a duplicate, a refusal), or a change to commit. */
    record Verdict(ObjectNode reply, boolean duplicate, Refused refusal, Change change) {
    }

    private final Feature<I> feature;
    private final Sent<I> sent;
    private final Socket socket;
    private final Locale locale;
    private final Consumer<ObjectNode> reply;
    private final Clock clock;

    Delivery(Feature<I> feature, Sent<I> sent, Socket socket, Locale locale, Consumer<ObjectNode> reply, Clock clock) {
        this.clock = clock;
        this.feature = feature;
        this.sent = sent;
        this.socket = socket;
        this.locale = locale;
        this.reply = reply;
    }

    Room room() {
        return sent.room();
    }

    Message message() {
        return sent.message();
    }

    Locale locale() {
        return locale;
    }

    Socket socket() {
        return socket;
    }

    Feature<I> feature() {
        return feature;
    }

    /** The writer's ordering key: one room, one feature, one slot. */
    String slot() {
        return sent.room().workshop().id() + "/" + feature.slot(sent);
    }

    /** Under the room's lock. */
    Verdict decide() {
        ObjectNode stored = feature.stored(sent);
        if (stored != null) {
            return new Verdict(stored, true, null, null);
        }
        try {
            checkOpen();
            return new Verdict(null, false, null, feature.decide(sent));
        } catch (Refused e) {
            return new Verdict(null, false, e, null);
        }
    }

    void answer(ObjectNode message) {
        reply.accept(message);
    }

    /**
     * What a new message needs of the room as it is now, whatever it was when the message was read. Someone
     * who joined through the catch-up link goes at their own pace: any begun step of the feature's kinds,
     * while the workshop is closed and its window open, by the server's clock now. Everyone else follows the room.
     */
    private void checkOpen() {
        Room room = sent.room();
        if (room.isLate(sent.participantId())) {
            checkLate(room);
            return;
        }
        if (!room.workshop().isLive()) {
            throw new Refused("not_live", "not_live");
        }
        if (feature.stepKinds().isEmpty()) {
            return;
        }
        Step step = room.current();
        if (step.id() != sent.message().step()) {
            throw new Refused("wrong_step", "wrong_step");
        }
        Refusals words = feature.refusals();
        if (step.pollState() != PollState.OPEN) {
            throw new Refused("poll_closed", step.pollState() == PollState.PENDING ? words.notOpenYet() : words.closed());
        }
    }

    private void checkLate(Room room) {
        if (!room.workshop().takesLateAnswers(clock.instant())) {
            throw new Refused("catch_up_closed", "catch_up_closed");
        }
        if (!feature.takesLateAnswers() || feature.stepKinds().isEmpty()) {
            throw new Refused("not_allowed", "late_not_this");
        }
        Refusals words = feature.refusals();
        if (sent.step().pollState() == PollState.PENDING) {
            throw new Refused("poll_closed", words.notOpenYet());
        }
    }
}
