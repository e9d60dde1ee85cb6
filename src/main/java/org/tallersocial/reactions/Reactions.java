package org.tallersocial.reactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Change;
import org.tallersocial.live.Feature;
import org.tallersocial.live.Message;
import org.tallersocial.live.Refusals;
import org.tallersocial.live.Refused;
import org.tallersocial.live.Room;
import org.tallersocial.live.Sent;
import org.tallersocial.live.Store;
import org.tallersocial.live.Viewer;
import org.tallersocial.workshop.Step;

/**
 * Reactions on any step: a phone taps one of the emoji the workshop offers, the projector shows what the
 * room sent in the last tenth of a second as one burst, the console counts them per step. Only counts are
 * stored; which phone sent what is kept in memory, and only to pace phones and to recognise a retry.
 */
public final class Reactions implements Feature<Reaction> {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Refusals WORDS = new Refusals("reactions.phones_only", "wrong_step", "wrong_step",
            "not_live", "not_live");

    private final ReactionRepository repo;
    private final Clock clock;
    private final Store store = this::write;

    public Reactions(DSLContext dsl, Clock clock) {
        this.repo = new ReactionRepository(dsl);
        this.clock = clock;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("reaction");
    }

    @Override
    public Set<StepKind> stepKinds() {
        return Set.of();
    }

    @Override
    public Refusals refusals() {
        return WORDS;
    }

    @Override
    public Reaction read(Room room, Step step, long participantId, Message message) {
        if (message.step() == 0) {
            throw new Refused("invalid_message", "no_step");
        }
        String key = message.body().path("reaction").asText("");
        return Reaction.of(key).orElseThrow(() -> new Refused("invalid_message", "reactions.unknown"));
    }

    /** A phone's reactions one after another, so its pace is judged on what it really sent. */
    @Override
    public String slot(Sent<Reaction> sent) {
        return "reaction:" + sent.participantId();
    }

    @Override
    public ObjectNode stored(Sent<Reaction> sent) {
        return board(sent.room()).counted(sent.participantId(), sent.seq()) ? ack(sent) : null;
    }

    /** A reaction counts for the step the room is on when it arrives: one sent as the room moved on is let go. */
    @Override
    public Change decide(Sent<Reaction> sent) {
        Room room = sent.room();
        ReactionBoard board = board(room);
        if (!board.offered().offers(sent.input())) {
            throw new Refused("not_offered", "reactions.not_offered");
        }
        if (room.current().id() != sent.message().step()) {
            throw new Refused("wrong_step", "wrong_step");
        }
        long now = clock.millis();
        if (board.tooFast(sent.participantId(), now)) {
            throw new Refused("too_fast", "reactions.too_fast", ReactionBoard.PACE, ReactionBoard.PACE_MILLIS / 1000);
        }
        return new Reacting(store, board, sent, now);
    }

    private record Reacting(Store store, ReactionBoard board, Sent<Reaction> sent, long at) implements Change {
        @Override
        public ObjectNode apply() {
            board.add(sent.message().step(), sent.input(), sent.participantId(), sent.seq(), at);
            return ack(sent);
        }
    }

    private static ObjectNode ack(Sent<Reaction> sent) {
        return JSON.objectNode().put("seq", sent.seq()).put("reaction", sent.input().key());
    }

    /** A batch's reactions summed per step and reaction, so a burst of a thousand is a handful of statements. */
    private void write(DSLContext tx, List<Change> changes) {
        Map<Long, Map<Reaction, Integer>> added = new LinkedHashMap<>();
        for (Change c : changes) {
            Sent<Reaction> s = ((Reacting) c).sent();
            added.computeIfAbsent(s.message().step(), k -> new EnumMap<>(Reaction.class)).merge(s.input(), 1, Integer::sum);
        }
        repo.add(tx, added);
    }

    @Override
    public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        if (viewer != Viewer.PROJECTOR) {
            state.set("reactions", viewer == Viewer.CONSOLE ? counted(room) : offered(room));
        }
    }

    /**
     * The projector: what arrived since the last tick, as one burst (a hundred taps are one rising emoji
     * with its number, not a hundred). The console: every step's counts. Phones: what they may send, which
     * the hub passes on only when it changed.
     */
    @Override
    public ObjectNode update(Room room, Viewer viewer) {
        if (viewer == Viewer.PROJECTOR) {
            ReactionBoard.Burst burst = board(room).takeBurst();
            if (burst.counts().isEmpty()) {
                return null;
            }
            ObjectNode msg = JSON.objectNode().put("type", "reactionBurst").put("step", burst.step());
            ArrayNode counts = msg.putArray("burst");
            burst.counts().forEach((r, n) -> counts.addObject().put("key", r.key()).put("emoji", r.emoji()).put("count", n));
            return msg;
        }
        ObjectNode msg = JSON.objectNode().put("type", "reactions");
        msg.set("reactions", viewer == Viewer.CONSOLE ? counted(room) : offered(room));
        return msg;
    }

    /** The reactions a phone may send, each with the emoji every page draws it as. */
    private ObjectNode offered(Room room) {
        ObjectNode out = JSON.objectNode();
        list(out.putArray("offered"), board(room).offered().reactions());
        return out;
    }

    private static void list(ArrayNode to, java.util.Collection<Reaction> reactions) {
        reactions.forEach(r -> to.addObject().put("key", r.key()).put("emoji", r.emoji()));
    }

    /** The console also gets the whole palette: a step may hold counts of a reaction no longer offered. */
    private ObjectNode counted(Room room) {
        ObjectNode out = offered(room);
        list(out.putArray("palette"), java.util.EnumSet.allOf(Reaction.class));
        ArrayNode steps = out.putArray("steps");
        counts(room).forEach((step, counts) -> {
            ObjectNode line = steps.addObject().put("step", step);
            ObjectNode byReaction = line.putObject("counts");
            counts.forEach((r, n) -> byReaction.put(r.key(), n));
            line.put("total", counts.values().stream().mapToInt(Integer::intValue).sum());
        });
        return out;
    }

    /** Every step's counts, in the agenda's order, for the console and the report. */
    public Map<Long, Map<Reaction, Integer>> counts(Room room) {
        Map<Long, Map<Reaction, Integer>> held = board(room).counts();
        Map<Long, Map<Reaction, Integer>> ordered = new LinkedHashMap<>();
        room.steps().forEach(s -> {
            if (held.containsKey(s.id())) {
                ordered.put(s.id(), held.get(s.id()));
            }
        });
        return ordered;
    }

    /** One reaction of the palette as the console's form shows it. */
    public record Choice(String key, String emoji, boolean offered) {
    }

    public List<Choice> palette(Room room) {
        Offered offered = board(room).offered();
        return java.util.Arrays.stream(Reaction.values()).map(r -> new Choice(r.key(), r.emoji(), offered.offers(r)))
                .toList();
    }

    /** The facilitator's choice of what phones offer; none at all is a choice too. */
    public void offer(Room room, java.util.Collection<String> keys) {
        Offered chosen = Offered.fromForm(keys);
        room.change(() -> {
            repo.offer(room.workshop().id(), chosen);
            board(room).offered(chosen);
            room.changed(this);
        });
    }

    private ReactionBoard board(Room room) {
        return room.part(this, r -> new ReactionBoard(repo.counts(r.workshop().id()), repo.offered(r.workshop().id())));
    }
}
