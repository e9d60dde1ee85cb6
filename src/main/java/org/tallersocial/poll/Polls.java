package org.tallersocial.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
import org.tallersocial.live.Change;
import org.tallersocial.live.Feature;
import org.tallersocial.live.Message;
import org.tallersocial.live.Refusals;
import org.tallersocial.live.Room;
import org.tallersocial.live.Sent;
import org.tallersocial.live.Store;
import org.tallersocial.live.Viewer;
import org.tallersocial.wordfilter.WordFilter;
import org.tallersocial.wordfilter.Waiting;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * Polls, live: each phone's answer to the current poll (the highest `seq` wins; while the poll is open
 * a new answer replaces the old one), the results each viewer may see, and the radar of a group of
 * scales on the slide that names it. The room's answers are kept in memory, a {@link Tally} per poll.
 */
public final class Polls implements Feature<JsonNode>, Waiting {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Refusals WORDS = new Refusals("not_allowed", "not_a_poll", "not_a_poll",
            "poll_not_open_yet", "poll_closed");
    private static final Set<StepKind> KINDS = Arrays.stream(StepKind.values()).filter(StepKind::isPoll)
            .collect(Collectors.toUnmodifiableSet());

    private final AnswerRepository answers;
    private final Clock clock;
    private final WordFilter filter;
    private final Store store = this::write;

    public Polls(AnswerRepository answers, Clock clock, WordFilter filter) {
        this.answers = answers;
        this.clock = clock;
        this.filter = filter;
        filter.holdsFor(this);
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("answer");
    }

    @Override
    public Set<StepKind> stepKinds() {
        return KINDS;
    }

    @Override
    public Refusals refusals() {
        return WORDS;
    }

    @Override
    public JsonNode read(Room room, Step step, long participantId, Message message) {
        return AnswerRules.check(step.spec(), message.body().get("value"));
    }

    @Override
    public String slot(Sent<JsonNode> sent) {
        return "answer:" + sent.step().id() + ":" + sent.participantId();
    }

    @Override
    public ObjectNode stored(Sent<JsonNode> sent) {
        return tally(sent.room(), sent.step().id()).of(sent.participantId())
                .filter(e -> e.seq() >= sent.seq())
                .map(e -> fields(sent.step(), e))
                .orElse(null);
    }

    @Override
    public Change decide(Sent<JsonNode> sent) {
        Tally tally = tally(sent.room(), sent.step().id());
        Tally.Entry replaced = tally.of(sent.participantId()).orElse(null);
        return new Answer(store, sent, tally, replaced, held(sent.room(), sent.step(), sent.input()), filter,
                new AtomicLong());
    }

    /** Typed words (a cloud's, an open text) the word filter catches wait for the facilitator; choices never do. */
    private boolean held(Room room, Step step, JsonNode value) {
        return switch (step.kind()) {
            case TEXT -> filter.catches(room, value.asText());
            case WORDCLOUD -> java.util.stream.StreamSupport.stream(value.spliterator(), false)
                    .anyMatch(word -> filter.catches(room, word.asText()));
            default -> false;
        };
    }

    /** A new answer; its row id is known once the store has written it. */
    private record Answer(Store store, Sent<JsonNode> sent, Tally tally, Tally.Entry replaced, boolean held,
                          WordFilter filter, AtomicLong id) implements Change {
        @Override
        public ObjectNode apply() {
            Tally.Entry entry = new Tally.Entry(id.get(), sent.participantId(), sent.input(), sent.seq(),
                    replaced != null && replaced.hidden(), held);
            tally.put(entry);
            if (held || replaced != null && replaced.held()) {
                filter.waitingChanged(sent.room());
            }
            return fields(sent.step(), entry);
        }
    }

    /** Every answer of the batch in one go: first answers as one JDBC batch, changed ones as one update. */
    private void write(DSLContext tx, List<Change> changes) {
        List<Answer> batch = changes.stream().map(Answer.class::cast).toList();
        List<Long> ids = answers.upsertAll(tx, batch.stream()
                .map(a -> new AnswerRepository.NewAnswer(a.sent().step().id(), a.sent().participantId(), a.sent().input(),
                        a.sent().seq(), a.held(), a.replaced() == null ? null : a.replaced().answerId()))
                .toList(), OffsetDateTime.now(clock));
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).id().set(ids.get(i));
        }
    }

    /** The ack's fields; a held answer's say so, and the phone tells its person it waits for the facilitator. */
    private static ObjectNode fields(Step step, Tally.Entry e) {
        ObjectNode out = JSON.objectNode().put("step", step.id()).put("seq", e.seq());
        out.set("value", e.value());
        if (e.held()) {
            out.put("held", true);
        }
        return out;
    }

    /** Every poll the room began may be answered through the catch-up window. */
    @Override
    public boolean takesLateAnswers() {
        return true;
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        return tally(room, step.id()).of(participantId).map(mine -> {
            ObjectNode node = JSON.objectNode().put("seq", mine.seq());
            node.set("value", mine.value());
            if (mine.held()) {
                node.put("held", true);
            }
            return (JsonNode) node;
        }).orElse(null);
    }

    @Override
    public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        Step step = room.current();
        if (step.isPoll()) {
            JsonNode mine = viewer == Viewer.PHONE ? mine(room, step, participantId) : null;
            if (mine != null) {
                state.set("mine", mine);
            }
            if (mayShowResults(step, viewer)) {
                state.set("results", results(room, step, viewer));
            }
        }
        if (!step.isPoll() && step.spec().radar() != null && viewer != Viewer.PHONE) {
            state.set("radar", room.shared(this, viewer, () -> radar(room, step.spec().radar())));
        }
    }

    @Override
    public ObjectNode update(Room room, Viewer viewer) {
        Step step = room.current();
        if (!step.isPoll() || !mayShowResults(step, viewer)) {
            return null;
        }
        ObjectNode msg = JSON.objectNode().put("type", "results").put("step", step.id());
        msg.set("results", results(room, step, viewer));
        return msg;
    }

    /** The answers of a poll, read from the database the first time anyone asks. */
    public Tally tally(Room room, long stepId) {
        Map<Long, Tally> tallies = room.part(this, r -> new ConcurrentHashMap<Long, Tally>());
        return tallies.computeIfAbsent(stepId, id -> {
            Tally tally = new Tally();
            answers.loadForStep(id).forEach(tally::put);
            return tally;
        });
    }

    @Override
    public String itemKind() {
        return "answer";
    }

    /** Held answers of every typed poll of the room, in agenda order, oldest first. */
    @Override
    public List<ObjectNode> waiting(Room room) {
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (Step step : room.steps()) {
            if (step.kind() != StepKind.TEXT && step.kind() != StepKind.WORDCLOUD) {
                continue;
            }
            for (Tally.Entry e : tally(room, step.id()).entries()) {
                if (e.held()) {
                    String text = e.value().isArray()
                            ? String.join(", ", java.util.stream.StreamSupport.stream(e.value().spliterator(), false)
                                    .map(JsonNode::asText).toList())
                            : e.value().asText();
                    out.add(item(e.answerId(), step.id(), text));
                }
            }
        }
        return out;
    }

    /** The held answer's step takes it back on its wall or cloud (approved), or keeps it hidden (rejected). */
    @Override
    public void decide(Room room, long answerId, boolean approve) {
        room.change(() -> {
            for (Step step : room.steps()) {
                if (step.isPoll() && tally(room, step.id()).entries().stream()
                        .anyMatch(e -> e.answerId() == answerId && e.held())) {
                    if (!answers.decideHeld(answerId, approve)) {
                        throw new WorkshopRefusal("word_filter.not_waiting");
                    }
                    tally(room, step.id()).decide(answerId, approve);
                    room.changed(this);
                    filter.waitingChanged(room);
                    return;
                }
            }
            throw new WorkshopRefusal("word_filter.not_waiting");
        });
    }

    /** After a poll's answers were deleted: the next read finds none. Inside {@link Room#change}. */
    void forget(Room room, long stepId) {
        room.part(this, r -> new ConcurrentHashMap<Long, Tally>()).remove(stepId);
        room.changed(this);
        filter.waitingChanged(room);
    }

    static boolean mayShowResults(Step step, Viewer viewer) {
        return switch (viewer) {
            case CONSOLE -> true;
            case PROJECTOR -> step.resultsVisible();
            case PHONE -> step.revealed();
        };
    }

    private JsonNode results(Room room, Step step, Viewer viewer) {
        return room.shared(this, viewer, () -> Results.of(step.spec(), tally(room, step.id()).entries(),
                viewer == Viewer.CONSOLE, step.revealed() || viewer == Viewer.CONSOLE));
    }

    /**
     * The scales of a radar group, drawn together by the slide that names the group: reaching
     * that slide is the facilitator's way of showing them at once, whether or not each was revealed.
     */
    private ObjectNode radar(Room room, String group) {
        ObjectNode out = JSON.objectNode().put("name", group);
        ArrayNode axes = out.putArray("axes");
        for (Step s : room.steps()) {
            StepSpec.PollSpec poll = s.spec().poll();
            if (s.kind() != StepKind.SCALE || poll == null || !group.equals(poll.radar())) {
                continue;
            }
            ObjectNode r = Results.of(s.spec(), tally(room, s.id()).entries(), false, true);
            out.put("min", poll.min()).put("max", poll.max());
            ObjectNode axis = axes.addObject().put("label", s.spec().title()).put("voters", r.path("voters").asInt());
            axis.set("mean", r.get("mean"));
            axis.set("counts", r.get("counts"));
        }
        return out;
    }

    @Override
    public org.tallersocial.live.EditRefusal refuseEdit(Room room, Step step, StepSpec edited) {
        return edited.poll() == null ? null : PollEdits.refuse(step.spec().poll(), edited.poll());
    }
}
