package org.tallersocial.ideas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Exercise;
import org.tallersocial.live.Room;
import org.tallersocial.live.Socket;
import org.tallersocial.live.Viewer;
import org.tallersocial.live.Refused;
import org.tallersocial.questions.PhoneText;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * The ideas step: phones send short ideas and upvote the room's, the projector
 * shows them by votes, and the facilitator merges duplicates and hides what
 * does not belong. Ideas are anonymous on every screen.
 */
public final class IdeaExercise implements Exercise {

    private static final Logger LOG = LoggerFactory.getLogger(IdeaExercise.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final int MAX_CHARS = 140;
    public static final int PER_MINUTE = 5;
    public static final int PER_PERSON = 20;

    private final IdeaRepository repo;
    private final Clock clock;
    private final Map<Long, IdeaBoard> boards = new ConcurrentHashMap<>();

    public IdeaExercise(DSLContext dsl, Clock clock) {
        this.repo = new IdeaRepository(dsl);
        this.clock = clock;
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
    public ObjectNode handle(Room room, Socket socket, JsonNode msg, Locale locale) {
        Step step = OpenStep.of(room, socket, msg, StepKind.IDEAS);
        IdeaBoard board = board(step.id());
        ObjectNode reply;
        synchronized (board) {
            reply = "idea".equals(msg.path("type").asText())
                    ? submit(step, board, socket.participantId(), msg)
                    : vote(step, board, socket.participantId(), msg);
        }
        room.markResultsDirty();
        return reply;
    }

    private ObjectNode submit(Step step, IdeaBoard board, long person, JsonNode msg) {
        String clientId = msg.get("id").asText();
        List<Idea> earlier = board.by(person);
        for (Idea i : earlier) {
            if (i.clientId().equals(clientId)) {
                return ack(step, i, true);
            }
        }
        String text = PhoneText.read(msg, "text", MAX_CHARS);
        String same = PhoneText.sameness(text);
        if (earlier.stream().anyMatch(i -> PhoneText.sameness(i.text()).equals(same))) {
            throw new Refused("duplicate", "ideas.duplicate");
        }
        if (earlier.size() >= PER_PERSON) {
            throw new Refused("too_many", "ideas.too_many", PER_PERSON);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PhoneText.checkPace(earlier.stream().map(Idea::createdAt).toList(), now, PER_MINUTE);
        long id;
        try {
            id = repo.insert(step.id(), person, clientId, text, now);
        } catch (RuntimeException e) {
            LOG.error("could not store an idea; the phone keeps it and will retry", e);
            throw new Refused("not_saved", "not_saved");
        }
        Idea idea = new Idea(id, step.id(), person, clientId, text, false, null, now);
        board.put(idea);
        return ack(step, idea, false);
    }

    /** A vote for an idea merged away goes to the idea it was merged into. */
    private ObjectNode vote(Step step, IdeaBoard board, long person, JsonNode msg) {
        long ideaId = PhoneText.id(msg, "idea");
        boolean up = PhoneText.flag(msg, "up");
        Idea idea = board.get(ideaId).orElseThrow(() -> new Refused("unknown_idea", "ideas.unknown"));
        if (idea.mergedInto() != null) {
            idea = board.get(idea.mergedInto()).orElseThrow();
        }
        if (idea.hidden()) {
            throw new Refused("unknown_idea", "ideas.unknown");
        }
        try {
            repo.upvote(idea.id(), person, up);
        } catch (RuntimeException e) {
            LOG.error("could not store a vote for an idea; the phone keeps it and will retry", e);
            throw new Refused("not_saved", "not_saved");
        }
        board.vote(idea.id(), person, up);
        return JSON.objectNode().put("type", "ack").put("step", step.id()).put("idea", idea.id()).put("up", up)
                .put("votes", board.votes(idea.id()));
    }

    private static ObjectNode ack(Step step, Idea idea, boolean duplicate) {
        return JSON.objectNode().put("type", "ack").put("step", step.id()).put("duplicate", duplicate)
                .put("idea", idea.id()).put("text", idea.text());
    }

    /** Every screen sees the same anonymous list; the console also sees the hidden ideas. */
    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        IdeaBoard board = board(step.id());
        boolean console = viewer == Viewer.CONSOLE;
        ObjectNode out = JSON.objectNode().put("kind", "ideas").put("respondents", board.people());
        ArrayNode list = out.putArray("ideas");
        for (Idea i : board.ranked(console)) {
            ObjectNode node = list.addObject().put("id", i.id()).put("text", i.text()).put("votes", board.votes(i.id()));
            if (console) {
                node.put("hidden", i.hidden());
            }
            ArrayNode merged = node.putArray("merged");
            board.mergedInto(i.id()).forEach(m -> merged.add(m.text()));
        }
        return out;
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        IdeaBoard board = board(step.id());
        ObjectNode out = JSON.objectNode();
        ArrayNode voted = out.putArray("voted");
        board.votedBy(participantId).forEach(voted::add);
        ArrayNode own = out.putArray("own");
        board.by(participantId).forEach(i -> own.add(i.id()));
        return out;
    }

    /** The facilitator hides an idea from the room, or shows it again. */
    public void hide(Room room, Step step, long ideaId, boolean hidden) {
        IdeaBoard board = board(step.id());
        synchronized (board) {
            Idea idea = board.get(ideaId).orElseThrow(() -> new WorkshopRefusal("unknown_id"));
            repo.hide(idea.id(), hidden);
            board.put(idea.withHidden(hidden));
        }
        room.markResultsDirty();
    }

    /** Merges a duplicate into the idea it repeats; both must stand on the list. */
    public void merge(Room room, Step step, long from, long into) {
        IdeaBoard board = board(step.id());
        synchronized (board) {
            Idea source = board.get(from).orElseThrow(() -> new WorkshopRefusal("unknown_id"));
            Idea target = board.get(into).orElseThrow(() -> new WorkshopRefusal("ideas.merge_target"));
            if (from == into) {
                throw new WorkshopRefusal("ideas.merge_itself");
            }
            if (target.hidden()) {
                throw new WorkshopRefusal("ideas.merge_target");
            }
            if (source.mergedInto() != null || target.mergedInto() != null) {
                throw new WorkshopRefusal("ideas.already_merged");
            }
            repo.merge(from, into);
            board.merge(from, into);
        }
        room.markResultsDirty();
    }

    /** A standing idea and its votes, for commitments and the export. */
    public record Ranked(Idea idea, int votes, List<String> merged) {
    }

    public List<Ranked> ranked(Step step, boolean withHidden) {
        IdeaBoard board = board(step.id());
        synchronized (board) {
            return board.ranked(withHidden).stream().map(i -> new Ranked(i, board.votes(i.id()),
                    board.mergedInto(i.id()).stream().map(Idea::text).toList())).toList();
        }
    }

    public java.util.Optional<Idea> find(Step step, long ideaId) {
        return board(step.id()).get(ideaId);
    }

    private IdeaBoard board(long stepId) {
        return boards.computeIfAbsent(stepId, id -> new IdeaBoard(repo.loadForStep(id), repo.upvotesForStep(id)));
    }
}
