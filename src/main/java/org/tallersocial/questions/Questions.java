package org.tallersocial.questions;

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
import org.tallersocial.live.Room;
import org.tallersocial.live.RoomFeature;
import org.tallersocial.live.Socket;
import org.tallersocial.live.Viewer;
import org.tallersocial.live.Refused;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * Questions from the room, on every step. Phones ask and upvote; the
 * facilitator moderates. A question that is not visible (waiting for approval,
 * or hidden) is never put in a phone's or the projector's message, except in
 * its own author's list of what they asked.
 */
public final class Questions implements RoomFeature {

    private static final Logger LOG = LoggerFactory.getLogger(Questions.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final int MAX_CHARS = 280;
    public static final int PER_MINUTE = 3;
    public static final int PER_PERSON = 30;
    /** Phones and the projector get the top ones; the console gets every question. */
    static final int SHOWN = 50;

    private final QuestionRepository repo;
    private final ParticipantRepository participants;
    private final Clock clock;
    private final Map<Long, QuestionBoard> boards = new ConcurrentHashMap<>();
    /** Names never change after joining; every phone's snapshot needs its own, so keep them off the database. */
    private final Map<Long, java.util.Optional<String>> names = new ConcurrentHashMap<>();
    /** The list last written per workshop and viewer kind: a new step sends every socket a snapshot. */
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    private record Written(int version, ObjectNode json) {
    }

    public Questions(DSLContext dsl, ParticipantRepository participants, Clock clock) {
        this.repo = new QuestionRepository(dsl);
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("question", "upvote");
    }

    @Override
    public ObjectNode handle(Room room, Socket socket, JsonNode msg, Locale locale) {
        if (socket.viewer() != Viewer.PHONE) {
            throw new Refused("not_allowed", "questions.phones_only");
        }
        if (!room.workshop().isLive()) {
            throw new Refused("not_live", "not_live");
        }
        QuestionBoard board = board(room);
        ObjectNode reply;
        synchronized (board) {
            reply = "question".equals(msg.path("type").asText())
                    ? ask(room, board, socket.participantId(), msg)
                    : upvote(board, socket.participantId(), msg);
        }
        room.markFeaturesDirty();
        return reply;
    }

    private ObjectNode ask(Room room, QuestionBoard board, long person, JsonNode msg) {
        String clientId = msg.get("id").asText();
        List<Question> earlier = board.askedBy(person);
        for (Question q : earlier) {
            if (q.clientId().equals(clientId)) {
                return ack(board, q, true);
            }
        }
        String text = PhoneText.read(msg, "text", MAX_CHARS);
        boolean named = !msg.path("anonymous").asBoolean(true);
        String same = PhoneText.sameness(text);
        if (earlier.stream().anyMatch(q -> PhoneText.sameness(q.text()).equals(same))) {
            throw new Refused("duplicate", "questions.duplicate");
        }
        if (earlier.size() >= PER_PERSON) {
            throw new Refused("too_many", "questions.too_many", PER_PERSON);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PhoneText.checkPace(earlier.stream().map(Question::askedAt).toList(), now, PER_MINUTE);
        String name = named ? name(person).orElse(null) : null;
        Question.Status status = board.settings().needsApproval() ? Question.Status.PENDING : Question.Status.VISIBLE;
        long id;
        try {
            id = repo.insert(room.workshop().id(), person, clientId, text, name, status, now);
        } catch (RuntimeException e) {
            LOG.error("could not store a question; the phone keeps it and will retry", e);
            throw new Refused("not_saved", "not_saved");
        }
        Question q = new Question(id, person, clientId, text, name, status, false, false, now);
        board.put(q);
        return ack(board, q, false);
    }

    private ObjectNode upvote(QuestionBoard board, long person, JsonNode msg) {
        long questionId = PhoneText.id(msg, "question");
        boolean up = PhoneText.flag(msg, "up");
        Question q = board.get(questionId).filter(Question::visible)
                .orElseThrow(() -> new Refused("unknown_question", "questions.unknown"));
        try {
            repo.upvote(q.id(), person, up);
        } catch (RuntimeException e) {
            LOG.error("could not store an upvote; the phone keeps it and will retry", e);
            throw new Refused("not_saved", "not_saved");
        }
        board.vote(q.id(), person, up);
        return JSON.objectNode().put("type", "ack").put("question", q.id()).put("up", up)
                .put("votes", board.votes(q.id()));
    }

    private static ObjectNode ack(QuestionBoard board, Question q, boolean duplicate) {
        ObjectNode ack = JSON.objectNode().put("type", "ack").put("duplicate", duplicate);
        ack.set("asked", own(q));
        return ack;
    }

    @Override
    public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        QuestionBoard board = board(room);
        state.set("questions", shared(room, board, viewer));
        if (viewer == Viewer.PHONE) {
            ObjectNode mine = state.putObject("questionsMine");
            ArrayNode voted = mine.putArray("voted");
            board.votedBy(participantId).forEach(voted::add);
            ArrayNode asked = mine.putArray("asked");
            board.askedBy(participantId).forEach(q -> asked.add(own(q)));
            name(participantId).ifPresent(name -> mine.put("name", name));
        }
    }

    @Override
    public ObjectNode update(Room room, Viewer viewer) {
        ObjectNode msg = JSON.objectNode().put("type", "questions");
        msg.set("questions", shared(room, board(room), viewer));
        return msg;
    }

    /** One list per viewer kind and change, shared by every message that carries it (never modified after). */
    private ObjectNode shared(Room room, QuestionBoard board, Viewer viewer) {
        String key = room.workshop().id() + ":" + viewer;
        int version = board.version();
        Written w = written.get(key);
        if (w == null || w.version() != version) {
            w = new Written(version, questions(board, viewer));
            written.put(key, w);
        }
        return w.json();
    }

    private static ObjectNode questions(QuestionBoard board, Viewer viewer) {
        boolean console = viewer == Viewer.CONSOLE;
        QuestionSettings s = board.settings();
        ObjectNode out = JSON.objectNode().put("needsApproval", s.needsApproval()).put("onScreen", s.onScreen());
        ArrayNode list = out.putArray("list");
        List<Question> ranked = board.ranked(!console);
        (console ? ranked : ranked.subList(0, Math.min(SHOWN, ranked.size())))
                .forEach(q -> list.add(shown(board, q, console)));
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
        QuestionBoard board = board(room);
        synchronized (board) {
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
        }
        room.markFeaturesDirty();
    }

    /** Changes one or both settings; a null leaves that setting as it is. */
    public void configure(Room room, Boolean needsApproval, Boolean onScreen) {
        QuestionBoard board = board(room);
        synchronized (board) {
            QuestionSettings old = board.settings();
            QuestionSettings updated = new QuestionSettings(needsApproval == null ? old.needsApproval() : needsApproval,
                    onScreen == null ? old.onScreen() : onScreen);
            repo.saveSettings(room.workshop().id(), updated);
            board.settings(updated);
        }
        room.markFeaturesDirty();
    }

    /** Every question of the workshop with its votes, most voted first, for the export. */
    public List<Voted> all(Room room) {
        QuestionBoard board = board(room);
        return board.ranked(false).stream().map(q -> new Voted(q, board.votes(q.id()))).toList();
    }

    public record Voted(Question question, int votes) {
    }

    private java.util.Optional<String> name(long participantId) {
        return names.computeIfAbsent(participantId, participants::displayName);
    }

    private QuestionBoard board(Room room) {
        long id = room.workshop().id();
        return boards.computeIfAbsent(id, k -> new QuestionBoard(repo.loadForWorkshop(k), repo.upvotesForWorkshop(k),
                repo.settings(k)));
    }
}
