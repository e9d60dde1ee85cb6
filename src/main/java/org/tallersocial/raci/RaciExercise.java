package org.tallersocial.raci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Exercise;
import org.tallersocial.live.ExerciseMessages;
import org.tallersocial.live.Room;
import org.tallersocial.live.Socket;
import org.tallersocial.live.Viewer;
import org.tallersocial.live.Refused;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;

/**
 * The RACI matrix, live: phones propose who should answer for (A) and who
 * should do (R) each open activity; every proposal is committed before its
 * acknowledgement, and the projector and console get the room's spread.
 */
public final class RaciExercise implements Exercise {

    private static final Logger LOG = LoggerFactory.getLogger(RaciExercise.class);
    static final String PROPOSE = "raci.propose";

    private final RaciRepository repository;
    private final RaciBoards boards;
    private final Clock clock;

    public RaciExercise(org.jooq.DSLContext dsl, Clock clock) {
        this.repository = new RaciRepository(dsl);
        this.boards = new RaciBoards(repository);
        this.clock = clock;
    }

    @Override
    public StepKind kind() {
        return StepKind.RACI;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(PROPOSE);
    }

    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        RaciBoard board = board(step);
        synchronized (board) {
            return switch (viewer) {
                case PHONE -> RaciPictureJson.forPhones(board);
                case SCREEN -> RaciPictureJson.forProjector(board);
                case CONSOLE -> RaciPictureJson.forConsole(board);
            };
        }
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        RaciBoard board = board(step);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode byActivity = out.putObject("proposals");
        synchronized (board) {
            board.proposalsOf(participantId).forEach(p -> byActivity.set(String.valueOf(p.activityId()), json(p)));
        }
        return out;
    }

    @Override
    public ObjectNode handle(Room room, Socket socket, JsonNode msg, Locale locale) {
        if (socket.viewer() != Viewer.PHONE) {
            throw new Refused("not_allowed", "raci.phones_only");
        }
        Step step = ExerciseMessages.currentStep(room, msg, StepKind.RACI, "raci.not_this_step");
        long seq = ExerciseMessages.seq(msg);
        long person = socket.participantId();
        RaciBoard board = board(step);
        ObjectNode reply;
        synchronized (board) {
            Activity activity = activity(board, msg.get("activity"));
            Proposal proposal = new Proposal(person, activity.id(), accountable(board, msg.get("accountable")),
                    responsible(board, msg.get("responsible")), seq);
            Optional<Proposal> existing = board.proposal(activity.id(), person);
            if (existing.isPresent() && existing.get().seq() >= seq) {
                return ack(step, existing.get(), true);
            }
            // A retry of what is stored is acknowledged above even after closing; anything new is not.
            PollState state = room.step(step.id()).orElseThrow().pollState();
            if (state != PollState.OPEN) {
                throw new Refused("poll_closed", state == PollState.PENDING ? "raci.not_open_yet" : "raci.closed");
            }
            if (!activity.open()) {
                throw new Refused("activity_closed", "raci.activity_closed", activity.name());
            }
            try {
                OffsetDateTime now = OffsetDateTime.now(clock);
                repository.inTransaction(tx -> tx.saveProposal(proposal, now));
            } catch (RuntimeException e) {
                LOG.error("could not store a RACI proposal; the phone keeps it and will retry", e);
                throw new Refused("not_saved", "not_saved");
            }
            board.put(proposal);
            reply = ack(step, proposal, false);
        }
        room.markResultsDirty();
        return reply;
    }

    /** The matrix of a RACI step as the owner's report shows it. */
    public RaciOutcome outcome(Step step, org.tallersocial.web.Texts texts, Locale locale) {
        return RaciOutcome.of(step.spec().title(), step.position(), boards.of(step), texts, locale);
    }

    /** The board of a RACI step, for the console's use cases in this package. */
    RaciBoard board(Step step) {
        return boards.of(step);
    }

    RaciRepository repository() {
        return repository;
    }

    private static Activity activity(RaciBoard board, JsonNode node) {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new Refused("invalid_proposal", "raci.no_activity");
        }
        return board.activity(node.asLong())
                .orElseThrow(() -> new Refused("unknown_activity", "raci.unknown_activity"));
    }

    private static Long accountable(RaciBoard board, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return role(board, node);
    }

    private static List<Long> responsible(RaciBoard board, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > board.roles().size()) {
            throw new Refused("invalid_proposal", "raci.responsible_list");
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode item : node) {
            long role = role(board, item);
            if (out.contains(role)) {
                throw new Refused("invalid_proposal", "raci.role_twice");
            }
            out.add(role);
        }
        return out;
    }

    private static long role(RaciBoard board, JsonNode node) {
        // canConvertToLong: asLong() wraps 2^64 + id onto a real role.
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new Refused("unknown_role", "raci.unknown_role");
        }
        return board.role(node.asLong()).map(Role::id)
                .orElseThrow(() -> new Refused("unknown_role", "raci.unknown_role"));
    }


    private static ObjectNode ack(Step step, Proposal p, boolean duplicate) {
        ObjectNode ack = JsonNodeFactory.instance.objectNode().put("type", "ack").put("step", step.id())
                .put("activity", p.activityId()).put("seq", p.seq()).put("duplicate", duplicate);
        ack.set("value", json(p));
        return ack;
    }

    static ObjectNode json(Proposal p) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (p.accountable() == null) {
            out.putNull("accountable");
        } else {
            out.put("accountable", p.accountable());
        }
        var r = out.putArray("responsible");
        p.responsible().forEach(r::add);
        return out.put("seq", p.seq());
    }
}
