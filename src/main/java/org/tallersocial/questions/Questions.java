package org.tallersocial.questions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Change;
import org.tallersocial.live.Feature;
import org.tallersocial.live.Message;
import org.tallersocial.live.Page;
import org.tallersocial.live.Refusals;
import org.tallersocial.live.Refused;
import org.tallersocial.live.Room;
import org.tallersocial.live.Sent;
import org.tallersocial.live.Store;
import org.tallersocial.live.Viewer;
import org.tallersocial.wordfilter.Waiting;
import org.tallersocial.wordfilter.WordFilter;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * Questions from the room, on every step. Phones ask and upvote; the
 * facilitator moderates. A question that is not visible (waiting for approval,
 * or hidden) is never put in a phone's or the projector's message, except in
 * its own author's list of what they asked.
 */
public final class Questions implements Feature<Questions.Input>, Waiting {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Refusals WORDS = new Refusals("questions.phones_only", "wrong_step", "wrong_step",
            "not_live", "not_live");
    public static final int MAX_CHARS = 280;
    public static final int PER_MINUTE = 3;
    public static final int PER_PERSON = 30;
    /** Phones and the projector get the top ones; the console gets every question. */
    static final String MORE = "questionsMore";

    private final QuestionRepository repo;
    private final Clock clock;
    private final WordFilter filter;
    private final Store store = this::write;

    /** What a phone sends, on any step: a question, or a vote for one. */
    public sealed interface Input permits Ask, Upvote {
    }

    public record Ask(String text, boolean named) implements Input {
    }

    public record Upvote(long question, boolean up) implements Input {
    }

    public Questions(DSLContext dsl, Clock clock, WordFilter filter) {
        this.repo = new QuestionRepository(dsl);
        this.clock = clock;
        this.filter = filter;
        filter.holdsFor(this);
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("question", "upvote");
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
    public Input read(Room room, Step step, long participantId, Message message) {
        JsonNode msg = message.body();
        return "question".equals(message.type())
                ? new Ask(PhoneText.read(msg, "text", MAX_CHARS), !msg.path("anonymous").asBoolean(true))
                : new Upvote(PhoneText.id(msg, "question"), PhoneText.flag(msg, "up"));
    }

    /** A person's questions are one slot (their number and pace are limited); each vote is its own. */
    @Override
    public String slot(Sent<Input> sent) {
        return sent.input() instanceof Upvote u ? "upvote:" + u.question() + ":" + sent.participantId()
                : "question:" + sent.participantId();
    }

    @Override
    public ObjectNode stored(Sent<Input> sent) {
        QuestionBoard board = board(sent.room());
        if (sent.input() instanceof Upvote u) {
            return board.votes().of(u.question(), sent.participantId()).filter(v -> v.seq() >= sent.seq())
                    .map(v -> voteFields(board, v)).orElse(null);
        }
        return board.askedBy(sent.participantId()).stream()
                .filter(q -> q.clientId().equals(sent.message().id())).findFirst()
                .map(q -> askFields(q, sent.seq())).orElse(null);
    }

    @Override
    public Change decide(Sent<Input> sent) {
        QuestionBoard board = board(sent.room());
        long person = sent.participantId();
        if (sent.input() instanceof Upvote u) {
            Question q = board.get(u.question()).filter(Question::visible)
                    .orElseThrow(() -> new Refused("unknown_question", "questions.unknown"));
            return new Voting(store, board, new Votes.Vote(q.id(), person, u.up(), sent.seq()),
                    board.votes().of(q.id(), person).isPresent());
        }
        Ask ask = (Ask) sent.input();
        List<Question> earlier = board.askedBy(person);
        String same = PhoneText.sameness(ask.text());
        if (earlier.stream().anyMatch(q -> PhoneText.sameness(q.text()).equals(same))) {
            throw new Refused("duplicate", "questions.duplicate");
        }
        if (earlier.size() >= PER_PERSON) {
            throw new Refused("too_many", "questions.too_many", PER_PERSON);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PhoneText.checkPace(earlier.stream().map(Question::askedAt).toList(), now, PER_MINUTE);
        String name = ask.named() ? sent.room().name(person).orElse(null) : null;
        // A question the word filter catches waits as every question waits when they need approval.
        boolean waits = board.settings().needsApproval() || filter.catches(sent.room(), ask.text());
        Question.Status status = waits ? Question.Status.PENDING : Question.Status.VISIBLE;
        return new Asking(store, sent.room(), filter, board,
                new Question(0, person, sent.message().id(), ask.text(), name, status, false, false, now), sent.seq(),
                new AtomicLong());
    }

    /** A new question; its id is known once written. */
    private record Asking(Store store, Room room, WordFilter filter, QuestionBoard board, Question question, long seq,
                          AtomicLong id) implements Change {
        long workshopId() {
            return room.workshop().id();
        }

        @Override
        public ObjectNode apply() {
            Question q = question;
            Question stored = new Question(id.get(), q.participantId(), q.clientId(), q.text(), q.authorName(),
                    q.status(), false, false, q.askedAt());
            board.put(stored);
            if (stored.status() == Question.Status.PENDING) {
                filter.waitingChanged(room);
            }
            return askFields(stored, seq);
        }
    }

    private record Voting(Store store, QuestionBoard board, Votes.Vote vote, boolean replaces) implements Change {
        @Override
        public ObjectNode apply() {
            board.votes().put(vote);
            return voteFields(board, vote);
        }
    }

    /** The batch's new questions as one JDBC batch per workshop, its votes as two. */
    private void write(DSLContext tx, List<Change> changes) {
        java.util.Map<Long, List<Asking>> asked = changes.stream().filter(Asking.class::isInstance)
                .map(Asking.class::cast).collect(java.util.stream.Collectors.groupingBy(Asking::workshopId));
        asked.forEach((workshop, list) -> {
            List<Long> ids = repo.insertAll(tx, workshop, list.stream().map(Asking::question).toList());
            for (int i = 0; i < list.size(); i++) {
                list.get(i).id().set(ids.get(i));
            }
        });
        List<Voting> votes = changes.stream().filter(Voting.class::isInstance).map(Voting.class::cast).toList();
        repo.votes(tx, votes.stream().map(Voting::vote).toList(), votes.stream().map(Voting::replaces).toList());
    }

    private static ObjectNode askFields(Question q, long seq) {
        ObjectNode ack = JSON.objectNode().put("seq", seq);
        ack.set("asked", own(q));
        return ack;
    }

    private static ObjectNode voteFields(QuestionBoard board, Votes.Vote v) {
        return JSON.objectNode().put("seq", v.seq()).put("question", v.item()).put("up", v.up())
                .put("votes", board.votes(v.item()));
    }

    @Override
    public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        state.set("questions", shared(room, viewer));
        if (viewer == Viewer.PHONE) {
            state.set("questionsMine", mine(room, participantId));
        }
    }

    @Override
    public Set<String> queryTypes() {
        return Set.of(MORE);
    }

    /**
     * The next page of the room's questions after the first a phone holds live: every
     * visible question can be found and upvoted, and only someone who looks for them downloads them.
     */
    @Override
    public ObjectNode query(Room room, Viewer viewer, long participantId, JsonNode message) {
        if (viewer != Viewer.PHONE) {
            throw new Refused("bad_request", "questions.bad_page");
        }
        QuestionBoard board = board(room);
        Page<Question> page = Page.of(board.ranked(true), message, "questions.bad_page");
        ObjectNode out = JSON.objectNode().put("type", "questionsPage").put("from", page.from()).put("total", page.total());
        ArrayNode list = out.putArray("list");
        page.items().forEach(q -> list.add(shown(board, q, false)));
        return out;
    }

    @Override
    public ObjectNode update(Room room, Viewer viewer) {
        ObjectNode msg = JSON.objectNode().put("type", "questions");
        msg.set("questions", shared(room, viewer));
        return msg;
    }

    /** One list per viewer kind and change, shared by every message that carries it. */
    private JsonNode shared(Room room, Viewer viewer) {
        return room.shared(this, viewer, () -> questions(board(room), viewer));
    }

    /** A phone's own: its votes, and its questions whatever their status. */
    private ObjectNode mine(Room room, long participantId) {
        QuestionBoard board = board(room);
        ObjectNode mine = JSON.objectNode();
        ArrayNode voted = mine.putArray("voted");
        board.votedBy(participantId).forEach(voted::add);
        ArrayNode asked = mine.putArray("asked");
        board.askedBy(participantId).forEach(q -> asked.add(own(q)));
        room.name(participantId).ifPresent(name -> mine.put("name", name));
        return mine;
    }

    private static ObjectNode questions(QuestionBoard board, Viewer viewer) {
        boolean console = viewer == Viewer.CONSOLE;
        QuestionSettings s = board.settings();
        ObjectNode out = JSON.objectNode().put("needsApproval", s.needsApproval()).put("onScreen", s.onScreen());
        ArrayNode list = out.putArray("list");
        List<Question> ranked = board.ranked(!console);
        (console ? ranked : Page.top(ranked))
                .forEach(q -> list.add(shown(board, q, console)));
        if (!console) {
            out.put("total", ranked.size());
        }
        if (console) {
            out.put("pending", ranked.stream().filter(q -> q.status() == Question.Status.PENDING).count());
        }
        return out;
    }

    private static ObjectNode shown(QuestionBoard board, Question q, boolean console) {
        ObjectNode node = JSON.objectNode().put("id", q.id()).put("text", q.text()).put("votes", board.votes(q.id()))
                .put("answered", q.answered()).put("pinned", q.pinned());
        if (q.authorName() != null) {
            node.put("name", q.authorName());
        }
        if (console) {
            node.put("status", q.status().key());
        }
        return node;
    }

    /** A question as its own author sees it, whatever its status. */
    private static ObjectNode own(Question q) {
        return JSON.objectNode().put("id", q.id()).put("text", q.text()).put("status", q.status().key())
                .put("answered", q.answered());
    }

    /** The facilitator's moderation: approve, hide, answered, unanswered, pin, unpin. */
    public void moderate(Room room, long questionId, String action) {
        room.change(() -> {
            QuestionBoard board = board(room);
            Question q = board.get(questionId).orElseThrow(() -> new WorkshopRefusal("unknown_id"));
            Question changed = switch (action == null ? "" : action) {
                case "approve" -> q.withStatus(Question.Status.VISIBLE);
                case "hide" -> q.withStatus(Question.Status.HIDDEN);
                case "answered" -> q.withAnswered(true);
                case "unanswered" -> q.withAnswered(false);
                case "pin", "unpin" -> null;
                default -> throw new WorkshopRefusal("unknown_action");
            };
            if (changed != null) {
                repo.update(changed);
                board.put(changed);
            } else if ("pin".equals(action)) {
                if (!q.visible()) {
                    throw new WorkshopRefusal("questions.pin_hidden");
                }
                repo.pinOnly(room.workshop().id(), q.id());
                board.pinned().ifPresent(old -> board.put(old.withPinned(false)));
                board.put(q.withPinned(true));
            } else {
                repo.pinOnly(room.workshop().id(), null);
                board.pinned().ifPresent(old -> board.put(old.withPinned(false)));
            }
            room.changed(this);
            filter.waitingChanged(room);
            // The author sees what became of their question at once, not at their next snapshot.
            room.tell(q.participantId(), JSON.objectNode().put("type", "questionsMine")
                    .set("questionsMine", mine(room, q.participantId())));
        });
    }

    @Override
    public String itemKind() {
        return "question";
    }

    /** Every question waiting: those the filter caught, and all of them while questions need approval. */
    @Override
    public List<ObjectNode> waiting(Room room) {
        return board(room).ranked(false).stream().filter(q -> q.status() == Question.Status.PENDING)
                .sorted(java.util.Comparator.comparing(Question::askedAt))
                .map(q -> item(q.id(), null, q.text()))
                .toList();
    }

    /** Approving is the questions card's approve, rejecting its hide. */
    @Override
    public void decide(Room room, long questionId, boolean approve) {
        room.change(() -> {
            if (board(room).get(questionId).filter(q -> q.status() == Question.Status.PENDING).isEmpty()) {
                throw new WorkshopRefusal("word_filter.not_waiting");
            }
            moderate(room, questionId, approve ? "approve" : "hide");
        });
    }

    /** Changes one or both settings; a null leaves that setting as it is. */
    public void configure(Room room, Boolean needsApproval, Boolean onScreen) {
        room.change(() -> {
            QuestionBoard board = board(room);
            QuestionSettings old = board.settings();
            QuestionSettings updated = new QuestionSettings(needsApproval == null ? old.needsApproval() : needsApproval,
                    onScreen == null ? old.onScreen() : onScreen);
            repo.saveSettings(room.workshop().id(), updated);
            board.settings(updated);
            room.changed(this);
        });
    }

    /** Every question of the workshop with its votes, most voted first, for the export. */
    public List<Voted> all(Room room) {
        QuestionBoard board = board(room);
        return board.ranked(false).stream().map(q -> new Voted(q, board.votes(q.id()))).toList();
    }

    public record Voted(Question question, int votes) {
    }

    private QuestionBoard board(Room room) {
        return room.part(this, r -> {
            long id = r.workshop().id();
            return new QuestionBoard(repo.loadForWorkshop(id), repo.votesForWorkshop(id), repo.settings(id));
        });
    }
}
