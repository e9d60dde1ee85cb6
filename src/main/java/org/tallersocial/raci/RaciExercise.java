package org.tallersocial.raci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Change;
import org.tallersocial.live.Exercise;
import org.tallersocial.live.Message;
import org.tallersocial.live.Refusals;
import org.tallersocial.live.Refused;
import org.tallersocial.live.Room;
import org.tallersocial.live.Sent;
import org.tallersocial.live.Store;
import org.tallersocial.live.Viewer;
import org.tallersocial.workshop.Step;

/**
 * The RACI matrix, live: phones propose who should answer for (A) and who
 * should do (R) each open activity; every proposal is committed before its
 * acknowledgement, and the projector and console get the room's spread.
 */
public final class RaciExercise implements Exercise<RaciExercise.Proposed> {

    static final String PROPOSE = "raci.propose";

    private static final Refusals WORDS = new Refusals("raci.phones_only", "wrong_step", "raci.not_this_step",
            "raci.not_open_yet", "raci.closed");

    private final RaciRepository repository;
    private final Clock clock;
    private final Store store = this::write;

    public RaciExercise(org.jooq.DSLContext dsl, Clock clock) {
        this.repository = new RaciRepository(dsl);
        this.clock = clock;
    }

    /** A proposal as a phone sent it: ids whose shape is checked, not yet whether the matrix has them. */
    public record Proposed(long activity, JsonNode accountable, JsonNode responsible) {
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
    public Refusals refusals() {
        return WORDS;
    }

    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        RaciBoard board = board(room, step);
        synchronized (board) {
            return switch (viewer) {
                case PHONE -> RaciPictureJson.forPhones(board);
                case PROJECTOR -> RaciPictureJson.forProjector(board);
                case CONSOLE -> RaciPictureJson.forConsole(board);
            };
        }
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        RaciBoard board = board(room, step);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode byActivity = out.putObject("proposals");
        synchronized (board) {
            board.proposalsOf(participantId).forEach(p -> byActivity.set(String.valueOf(p.activityId()), json(p)));
        }
        return out;
    }

    @Override
    public Proposed read(Room room, Step step, long participantId, Message message) {
        JsonNode activity = message.body().get("activity");
        if (activity == null || !activity.canConvertToLong() || !activity.isIntegralNumber()) {
            throw new Refused("invalid_proposal", "raci.no_activity");
        }
        return new Proposed(activity.asLong(), message.body().get("accountable"), message.body().get("responsible"));
    }

    @Override
    public String slot(Sent<Proposed> sent) {
        return "raci:" + sent.input().activity() + ":" + sent.participantId();
    }

    @Override
    public ObjectNode stored(Sent<Proposed> sent) {
        RaciBoard board = board(sent.room(), sent.step());
        synchronized (board) {
            return board.proposal(sent.input().activity(), sent.participantId())
                    .filter(p -> p.seq() >= sent.seq()).map(p -> fields(sent.step(), p)).orElse(null);
        }
    }

    @Override
    public Change decide(Sent<Proposed> sent) {
        RaciBoard board = board(sent.room(), sent.step());
        synchronized (board) {
            Activity activity = board.activity(sent.input().activity())
                    .orElseThrow(() -> new Refused("unknown_activity", "raci.unknown_activity"));
            Proposal proposal = new Proposal(sent.participantId(), activity.id(),
                    accountable(board, sent.input().accountable()), responsible(board, sent.input().responsible()),
                    sent.seq());
            if (!activity.open()) {
                throw new Refused("activity_closed", "raci.activity_closed", activity.name());
            }
            return new Proposing(store, sent.step(), board, proposal,
                    board.proposal(activity.id(), sent.participantId()).isPresent());
        }
    }

    private record Proposing(Store store, Step step, RaciBoard board, Proposal proposal, boolean replaces)
            implements Change {
        @Override
        public ObjectNode apply() {
            synchronized (board) {
                board.put(proposal);
            }
            return fields(step, proposal);
        }
    }

    private void write(org.jooq.DSLContext tx, List<Change> changes) {
        RaciRepository repo = new RaciRepository(tx);
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.saveProposals(changes.stream().map(Proposing.class::cast)
                .map(c -> new RaciRepository.Saving(c.proposal(), c.replaces())).toList(), now);
    }

    private static ObjectNode fields(Step step, Proposal p) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("step", step.id())
                .put("activity", p.activityId()).put("seq", p.seq());
        out.set("value", json(p));
        return out;
    }

    /** The matrix of a RACI step as the owner's report shows it. */
    public RaciOutcome outcome(Room room, Step step, org.tallersocial.web.Texts texts, Locale locale) {
        return RaciOutcome.of(step.spec().title(), step.position(), board(room, step), texts, locale);
    }

    /** The board of a RACI step, for the console's use cases in this package. */
    RaciBoard board(Room room, Step step) {
        return RaciBoards.of(room, this, repository, step);
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

    /** Once the matrix is open its rows carry letters: roles and activities change on the console's matrix. */
    @Override
    public org.tallersocial.live.EditRefusal refuseEdit(Room room, Step step, org.tallersocial.content.StepSpec edited) {
        org.tallersocial.content.StepSpec.ExerciseSpec before = step.spec().exercise();
        if (!before.roles().equals(edited.exercise().roles())) {
            return org.tallersocial.live.EditRefusal.at("roles", "edit_raci_begun");
        }
        if (!before.activities().equals(edited.exercise().activities())) {
            return org.tallersocial.live.EditRefusal.at("activities", "edit_raci_begun");
        }
        return null;
    }

    @Override
    public void edited(Room room, Step before, Step after) {
        org.tallersocial.content.StepSpec.ExerciseSpec was = before.spec().exercise();
        org.tallersocial.content.StepSpec.ExerciseSpec now = after.spec().exercise();
        if (after.kind() != StepKind.RACI || !was.roles().equals(now.roles())
                || !was.activities().equals(now.activities())) {
            RaciBoards.forget(room, this, repository, after);
        }
    }
}
