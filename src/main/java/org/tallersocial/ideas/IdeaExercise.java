package org.tallersocial.ideas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Change;
import org.tallersocial.live.Exercise;
import org.tallersocial.live.Message;
import org.tallersocial.live.Page;
import org.tallersocial.live.Refusals;
import org.tallersocial.live.Refused;
import org.tallersocial.live.Room;
import org.tallersocial.live.Sent;
import org.tallersocial.live.Store;
import org.tallersocial.live.Viewer;
import org.tallersocial.questions.PhoneText;
import org.tallersocial.questions.Votes;
import org.tallersocial.wordfilter.Waiting;
import org.tallersocial.wordfilter.WordFilter;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * The ideas step: phones send short ideas and upvote the room's, the projector shows them by votes,
 * and the facilitator merges duplicates and hides what does not belong. Ideas are anonymous on every
 * screen.
 */
public final class IdeaExercise implements Exercise<IdeaExercise.Input>, Waiting {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Refusals WORDS = new Refusals("ideas.phones_only", "wrong_step", "ideas.not_this_step",
            "ideas.not_open_yet", "ideas.closed");
    public static final int MAX_CHARS = 140;
    static final String MORE = "ideasMore";
    public static final int PER_MINUTE = 5;
    public static final int PER_PERSON = 20;

    private final IdeaRepository repo;
    private final Clock clock;
    private final WordFilter filter;
    private final Store store = this::write;

    /** What a phone sends on this step: a new idea, or a vote for one. */
    public sealed interface Input permits NewIdea, Vote {
    }

    public record NewIdea(String text) implements Input {
    }

    public record Vote(long idea, boolean up) implements Input {
    }

    public IdeaExercise(DSLContext dsl, Clock clock, WordFilter filter) {
        this.repo = new IdeaRepository(dsl);
        this.clock = clock;
        this.filter = filter;
        filter.holdsFor(this);
    }

    @Override
    public StepKind kind() {
        return StepKind.IDEAS;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("idea", "idea_vote");
    }

    @Override
    public Refusals refusals() {
        return WORDS;
    }

    @Override
    public Input read(Room room, Step step, long participantId, Message message) {
        return "idea".equals(message.type()) ? new NewIdea(PhoneText.read(message.body(), "text", MAX_CHARS))
                : new Vote(PhoneText.id(message.body(), "idea"), PhoneText.flag(message.body(), "up"));
    }

    /** A person's ideas are one slot (their number and pace are limited); each vote is its own. */
    @Override
    public String slot(Sent<Input> sent) {
        return sent.input() instanceof Vote v ? "idea_vote:" + v.idea() + ":" + sent.participantId()
                : "idea:" + sent.step().id() + ":" + sent.participantId();
    }

    @Override
    public ObjectNode stored(Sent<Input> sent) {
        IdeaBoard board = board(sent.room(), sent.step());
        if (sent.input() instanceof Vote v) {
            return board.standingFor(v.idea())
                    .flatMap(idea -> board.votes().of(idea.id(), sent.participantId()))
                    .filter(stored -> stored.seq() >= sent.seq())
                    .map(stored -> voteFields(sent.step(), board, stored)).orElse(null);
        }
        return board.by(sent.participantId()).stream().filter(i -> i.clientId().equals(sent.message().id()))
                .findFirst().map(i -> ideaFields(sent.step(), i, sent.seq())).orElse(null);
    }

    @Override
    public Change decide(Sent<Input> sent) {
        IdeaBoard board = board(sent.room(), sent.step());
        long person = sent.participantId();
        if (sent.input() instanceof Vote v) {
            // A vote for an idea merged away goes to the idea it was merged into.
            Idea idea = board.standingFor(v.idea()).filter(i -> !i.hidden() && !i.held())
                    .orElseThrow(() -> new Refused("unknown_idea", "ideas.unknown"));
            return new Voting(store, sent.step(), board, new Votes.Vote(idea.id(), person, v.up(), sent.seq()),
                    board.votes().of(idea.id(), person).isPresent());
        }
        String text = ((NewIdea) sent.input()).text();
        List<Idea> earlier = board.by(person);
        String same = PhoneText.sameness(text);
        if (earlier.stream().anyMatch(i -> PhoneText.sameness(i.text()).equals(same))) {
            throw new Refused("duplicate", "ideas.duplicate");
        }
        if (earlier.size() >= PER_PERSON) {
            throw new Refused("too_many", "ideas.too_many", PER_PERSON);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PhoneText.checkPace(earlier.stream().map(Idea::createdAt).toList(), now, PER_MINUTE);
        return new Sending(store, sent, board, new Idea(0, sent.step().id(), person, sent.message().id(), text, false,
                null, now, filter.catches(sent.room(), text)), filter, new AtomicLong());
    }

    /** A new idea; its id is known once written. */
    private record Sending(Store store, Sent<Input> sent, IdeaBoard board, Idea idea, WordFilter filter, AtomicLong id)
            implements Change {
        @Override
        public ObjectNode apply() {
            Idea stored = new Idea(id.get(), idea.stepId(), idea.participantId(), idea.clientId(), idea.text(), false,
                    null, idea.createdAt(), idea.held());
            board.put(stored);
            if (stored.held()) {
                filter.waitingChanged(sent.room());
            }
            return ideaFields(sent.step(), stored, sent.seq());
        }
    }

    private record Voting(Store store, Step step, IdeaBoard board, Votes.Vote vote, boolean replaces)
            implements Change {
        @Override
        public ObjectNode apply() {
            board.vote(vote);
            return voteFields(step, board, vote);
        }
    }

    /** The batch's new ideas as one JDBC batch, its votes as two. */
    private void write(DSLContext tx, List<Change> changes) {
        List<Sending> ideas = changes.stream().filter(Sending.class::isInstance).map(Sending.class::cast).toList();
        List<Long> ids = repo.insertAll(tx, ideas.stream().map(Sending::idea).toList());
        for (int i = 0; i < ideas.size(); i++) {
            ideas.get(i).id().set(ids.get(i));
        }
        List<Voting> votes = changes.stream().filter(Voting.class::isInstance).map(Voting.class::cast).toList();
        repo.votes(tx, votes.stream().map(Voting::vote).toList(), votes.stream().map(Voting::replaces).toList());
    }

    /** A held idea's ack says so: the phone tells its person it waits for the facilitator. */
    private static ObjectNode ideaFields(Step step, Idea idea, long seq) {
        ObjectNode out = JSON.objectNode().put("step", step.id()).put("seq", seq).put("idea", idea.id())
                .put("text", idea.text());
        if (idea.held()) {
            out.put("held", true);
        }
        return out;
    }

    private static ObjectNode voteFields(Step step, IdeaBoard board, Votes.Vote vote) {
        return JSON.objectNode().put("step", step.id()).put("seq", vote.seq()).put("idea", vote.item())
                .put("up", vote.up()).put("votes", board.votes(vote.item()));
    }

    /** Every screen sees the same anonymous list; the console also sees the hidden ideas. */
    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        IdeaBoard board = board(room, step);
        boolean console = viewer == Viewer.CONSOLE;
        ObjectNode out = JSON.objectNode().put("kind", "ideas").put("respondents", board.people());
        ArrayNode list = out.putArray("ideas");
        List<IdeaBoard.Standing> ranked = board.ranked(console);
        if (viewer == Viewer.PHONE) {
            out.put("total", ranked.size());
            ranked = Page.top(ranked);
        }
        ranked.forEach(s -> list.add(line(s, console)));
        return out;
    }

    /**
     * Phones hold the list from their snapshot and get only the lines that changed: with a thousand
     * ideas the whole list to every phone twice a second was more than a venue's Wi-Fi carries.
     * The projector and the console, few, still get the whole picture.
     */
    @Override
    public ObjectNode update(Room room, Viewer viewer) {
        Step step = room.current();
        if (viewer != Viewer.PHONE || step.kind() != kind()) {
            return Exercise.super.update(room, viewer);
        }
        IdeaBoard board = board(room, step);
        IdeaBoard.Changes changes = board.takeChanges();
        if (changes.changed().isEmpty() && changes.gone().isEmpty()) {
            return null;
        }
        ObjectNode msg = JSON.objectNode().put("type", "picture").put("step", step.id());
        ObjectNode body = msg.putObject("changes").put("kind", "ideas").put("respondents", board.people())
                .put("total", changes.total());
        ArrayNode lines = body.putArray("ideas");
        changes.changed().forEach(s -> lines.add(line(s, false)));
        ArrayNode gone = body.putArray("gone");
        changes.gone().forEach(gone::add);
        return msg;
    }

    @Override
    public Set<String> queryTypes() {
        return Set.of(MORE);
    }

    /** The ideas after the top ones a phone holds live, a page at a time, ranked as the list is. */
    @Override
    public ObjectNode query(Room room, Viewer viewer, long participantId, JsonNode message) {
        Step step = room.step(message.path("step").asLong(-1)).filter(s -> s.kind() == kind()).orElse(null);
        if (viewer != Viewer.PHONE || step == null) {
            throw new Refused("bad_request", "ideas.bad_page");
        }
        Page<IdeaBoard.Standing> page = Page.of(board(room, step).ranked(false), message, "ideas.bad_page");
        ObjectNode out = JSON.objectNode().put("type", "ideasPage").put("step", step.id()).put("from", page.from())
                .put("total", page.total());
        ArrayNode list = out.putArray("ideas");
        page.items().forEach(s -> list.add(line(s, false)));
        return out;
    }

    private static ObjectNode line(IdeaBoard.Standing s, boolean console) {
        Idea i = s.idea();
        ObjectNode node = JSON.objectNode().put("id", i.id()).put("text", i.text()).put("votes", s.votes());
        if (console) {
            node.put("hidden", i.hidden());
        }
        ArrayNode merged = node.putArray("merged");
        s.merged().forEach(m -> merged.add(m.text()));
        return node;
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        IdeaBoard board = board(room, step);
        ObjectNode out = JSON.objectNode();
        ArrayNode voted = out.putArray("voted");
        board.votes().upBy(participantId).forEach(voted::add);
        ArrayNode own = out.putArray("own");
        board.by(participantId).forEach(i -> own.add(i.id()));
        return out;
    }

    /** The facilitator hides an idea from the room, or shows it again. */
    public void hide(Room room, Step step, long ideaId, boolean hidden) {
        room.change(() -> {
            IdeaBoard board = board(room, step);
            Idea idea = board.get(ideaId).orElseThrow(() -> new WorkshopRefusal("unknown_id"));
            repo.hide(idea.id(), hidden);
            board.put(idea.withHidden(hidden));
            room.changed(this);
        });
    }

    /** Merges a duplicate into the idea it repeats; both must stand on the list. */
    public void merge(Room room, Step step, long from, long into) {
        room.change(() -> {
            IdeaBoard board = board(room, step);
            Idea source = board.get(from).orElseThrow(() -> new WorkshopRefusal("unknown_id"));
            Idea target = board.get(into).orElseThrow(() -> new WorkshopRefusal("ideas.merge_target"));
            if (from == into) {
                throw new WorkshopRefusal("ideas.merge_itself");
            }
            if (target.hidden() || target.held() || source.held()) {
                throw new WorkshopRefusal("ideas.merge_target");
            }
            if (source.mergedInto() != null || target.mergedInto() != null) {
                throw new WorkshopRefusal("ideas.already_merged");
            }
            List<Votes.Vote> merged = board.votes().mergedInto(from, into);
            repo.merge(from, into, merged,
                    merged.stream().map(v -> board.votes().of(into, v.participantId()).isPresent()).toList());
            board.merge(from, into, merged);
            room.changed(this);
        });
    }

    @Override
    public String itemKind() {
        return "idea";
    }

    /** Held ideas of every ideas step, in agenda order, oldest first. */
    @Override
    public List<ObjectNode> waiting(Room room) {
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (Step step : room.steps()) {
            if (step.kind() == StepKind.IDEAS) {
                board(room, step).heldOnes().forEach(i -> out.add(item(i.id(), step.id(), i.text())));
            }
        }
        return out;
    }

    @Override
    public void decide(Room room, long ideaId, boolean approve) {
        room.change(() -> {
            for (Step step : room.steps()) {
                IdeaBoard board = step.kind() == StepKind.IDEAS ? board(room, step) : null;
                Idea idea = board == null ? null : board.get(ideaId).filter(Idea::held).orElse(null);
                if (idea != null) {
                    if (!repo.decideHeld(ideaId, approve)) {
                        throw new WorkshopRefusal("word_filter.not_waiting");
                    }
                    board.put(idea.decided(approve));
                    room.changed(this);
                    filter.waitingChanged(room);
                    return;
                }
            }
            throw new WorkshopRefusal("word_filter.not_waiting");
        });
    }

    /** A standing idea and its votes, for commitments and the export. */
    public record Ranked(Idea idea, int votes, List<String> merged) {
    }

    public List<Ranked> ranked(Room room, Step step, boolean withHidden) {
        return board(room, step).ranked(withHidden).stream().map(s -> new Ranked(s.idea(), s.votes(),
                s.merged().stream().map(Idea::text).toList())).toList();
    }


    private IdeaBoard board(Room room, Step step) {
        Map<Long, IdeaBoard> boards = room.part(this, r -> new ConcurrentHashMap<Long, IdeaBoard>());
        return boards.computeIfAbsent(step.id(), id -> new IdeaBoard(repo.loadForStep(id), repo.votesForStep(id)));
    }
}
