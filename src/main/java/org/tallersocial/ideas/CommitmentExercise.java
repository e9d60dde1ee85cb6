package org.tallersocial.ideas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
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
import org.tallersocial.questions.PhoneText;
import org.tallersocial.questions.Votes;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.web.TypedText;

/**
 * The commitments step: the facilitator turns ideas into commitments (an
 * action, a responsible role, a date, a status) and people volunteer for them
 * from their phones. A workshop's commitments are one list, whichever
 * commitments step made them.
 */
public final class CommitmentExercise implements Exercise<CommitmentExercise.Taking> {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final int MAX_ACTION = 200;
    public static final int MAX_ROLE = 80;
    public static final int MAX_NAME = 40;

    private final CommitmentRepository repo;
    private final IdeaExercise ideas;
    private final Clock clock;
    private final Store store = this::write;

    /** What a phone sends: take a commitment on (with the name typed, if any), or step back. */
    public record Taking(long commitment, boolean on, String typedName) {
    }

    /** A workshop's commitments, and each person's latest taking on or stepping back with its seq. */
    private record Board(Map<Long, Commitment> commitments, Votes takings) {
    }

    public CommitmentExercise(DSLContext dsl, IdeaExercise ideas, Clock clock) {
        this.repo = new CommitmentRepository(dsl);
        this.ideas = ideas;
        this.clock = clock;
    }

    @Override
    public StepKind kind() {
        return StepKind.COMMITMENTS;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("volunteer");
    }

    @Override
    public Refusals refusals() {
        return IdeaExercise.WORDS;
    }

    @Override
    public Taking read(Room room, Step step, long participantId, Message message) {
        JsonNode typed = message.body().get("name");
        return new Taking(PhoneText.id(message.body(), "commitment"), PhoneText.flag(message.body(), "on"),
                typed != null && typed.isTextual() ? TypedText.line(typed.asText()) : "");
    }

    @Override
    public String slot(Sent<Taking> sent) {
        return "volunteer:" + sent.input().commitment() + ":" + sent.participantId();
    }

    @Override
    public ObjectNode stored(Sent<Taking> sent) {
        Board board = board(sent.room());
        return board.takings().of(sent.input().commitment(), sent.participantId())
                .filter(t -> t.seq() >= sent.seq())
                .map(t -> fields(sent.step(), board, t)).orElse(null);
    }

    @Override
    public Change decide(Sent<Taking> sent) {
        Board board = board(sent.room());
        Taking taking = sent.input();
        Commitment c;
        synchronized (board) {
            c = board.commitments().get(taking.commitment());
        }
        if (c == null) {
            throw new Refused("unknown_commitment", "commitments.unknown");
        }
        if (taking.on() && !c.status().takesVolunteers()) {
            throw new Refused("invalid_answer", "commitments.finished");
        }
        String name = taking.on() ? volunteerName(sent.room(), taking.typedName(), sent.participantId()) : null;
        return new Volunteering(store, sent.step(), board,
                new Votes.Vote(c.id(), sent.participantId(), taking.on(), sent.seq()), name);
    }

    private record Volunteering(Store store, Step step, Board board, Votes.Vote taking, String name) implements Change {
        @Override
        public ObjectNode apply() {
            synchronized (board) {
                Commitment c = board.commitments().get(taking.item());
                List<Commitment.Volunteer> volunteers = new ArrayList<>(c.volunteers());
                volunteers.removeIf(v -> v.participantId() == taking.participantId());
                if (taking.up()) {
                    volunteers.add(new Commitment.Volunteer(taking.participantId(), name));
                }
                board.commitments().put(c.id(), c.withVolunteers(volunteers));
            }
            board.takings().put(taking);
            return fields(step, board, taking);
        }
    }

    private void write(DSLContext tx, List<Change> changes) {
        CommitmentRepository r = new CommitmentRepository(tx);
        changes.forEach(c -> r.volunteer(((Volunteering) c).taking(), ((Volunteering) c).name()));
    }

    private static ObjectNode fields(Step step, Board board, Votes.Vote taking) {
        return JSON.objectNode().put("step", step.id()).put("seq", taking.seq()).put("commitment", taking.item())
                .put("on", taking.up()).put("volunteers", board.takings().count(taking.item()));
    }

    /** A volunteer is named: the name typed with the message, else the one the person joined with. */
    private static String volunteerName(Room room, String typed, long person) {
        String name = typed.isEmpty() ? room.name(person).orElse("") : typed;
        if (name.isEmpty()) {
            throw new Refused("name_needed", "commitments.name_needed");
        }
        if (TypedText.tooLong(name, MAX_NAME)) {
            throw new Refused("too_long", "conversation.too_long", MAX_NAME);
        }
        return name;
    }

    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        ObjectNode out = JSON.objectNode().put("kind", "commitments");
        ArrayNode list = out.putArray("commitments");
        int volunteers = 0;
        for (Commitment c : all(room)) {
            ObjectNode node = list.addObject().put("id", c.id()).put("action", c.action()).put("role", c.role())
                    .put("due", c.due().toString()).put("status", c.status().key());
            ArrayNode names = node.putArray("volunteers");
            c.volunteers().forEach(v -> names.add(v.name()));
            volunteers += c.volunteers().size();
        }
        out.put("respondents", volunteers);
        if (viewer == Viewer.CONSOLE) {
            Set<Long> committed = new LinkedHashSet<>();
            all(room).forEach(c -> { if (c.ideaId() != null) { committed.add(c.ideaId()); } });
            ArrayNode ideaList = out.putArray("ideas");
            for (IdeaExercise.Ranked r : workshopIdeas(room)) {
                ideaList.addObject().put("id", r.idea().id()).put("text", r.idea().text()).put("votes", r.votes())
                        .put("committed", committed.contains(r.idea().id()));
            }
            ArrayNode roles = out.putArray("roles");
            roleSuggestions(room).forEach(roles::add);
        }
        return out;
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        ObjectNode out = JSON.objectNode();
        ArrayNode ids = out.putArray("volunteered");
        all(room).stream().filter(c -> c.volunteers().stream().anyMatch(v -> v.participantId() == participantId))
                .forEach(c -> ids.add(c.id()));
        room.name(participantId).ifPresent(n -> out.put("name", n));
        return out;
    }

    /** A new commitment; without an action of its own, it takes its idea's words. */
    public Commitment create(Room room, String ideaRef, String actionText, String roleText, String dueText) {
        Long ideaId = null;
        String action = TypedText.line(actionText);
        if (ideaRef != null && !ideaRef.isBlank()) {
            long id = longOf(ideaRef);
            IdeaExercise.Ranked idea = workshopIdeas(room).stream().filter(r -> r.idea().id() == id).findFirst()
                    .orElseThrow(() -> new WorkshopRefusal("commitments.no_such_idea"));
            ideaId = id;
            action = action.isEmpty() ? idea.idea().text() : action;
        }
        checkLength(action, MAX_ACTION, "commitments.action_empty", "commitments.action_too_long");
        String role = TypedText.line(roleText);
        checkLength(role, MAX_ROLE, "commitments.role_empty", "commitments.role_too_long");
        LocalDate due = due(dueText);
        Long idea = ideaId;
        String text = action;
        return room.change(() -> {
            Board board = board(room);
            long id = repo.insert(room.workshop().id(), idea, text, role, due, OffsetDateTime.now(clock));
            Commitment c = new Commitment(id, idea, text, role, due, Commitment.Status.PLANNED, List.of());
            synchronized (board) {
                board.commitments().put(id, c);
            }
            room.changed(this);
            return c;
        });
    }

    public void status(Room room, long commitmentId, String statusKey) {
        Commitment.Status status = Commitment.Status.of(statusKey == null ? "" : statusKey)
                .orElseThrow(() -> new WorkshopRefusal("commitments.unknown_status"));
        room.change(() -> {
            Board board = board(room);
            Commitment c;
            synchronized (board) {
                c = Optional.ofNullable(board.commitments().get(commitmentId))
                        .orElseThrow(() -> new WorkshopRefusal("unknown_id"));
            }
            repo.status(c.id(), status);
            synchronized (board) {
                board.commitments().put(c.id(), c.withStatus(status));
            }
            room.changed(this);
        });
    }

    public List<Commitment> all(Room room) {
        Board board = board(room);
        synchronized (board) {
            return List.copyOf(board.commitments().values());
        }
    }

    /** The standing ideas of every ideas step of the workshop, each step's most voted first. */
    List<IdeaExercise.Ranked> workshopIdeas(Room room) {
        List<IdeaExercise.Ranked> out = new ArrayList<>();
        room.steps().stream().filter(s -> s.kind() == StepKind.IDEAS).forEach(s -> out.addAll(ideas.ranked(room, s, false)));
        return out;
    }

    /** The roles of the workshop's RACI steps, offered as the responsible role; any text is taken too. */
    static List<String> roleSuggestions(Room room) {
        Set<String> roles = new LinkedHashSet<>();
        room.steps().stream().filter(s -> s.kind() == StepKind.RACI && s.spec().exercise() != null
                && s.spec().exercise().roles() != null).forEach(s -> roles.addAll(s.spec().exercise().roles()));
        return List.copyOf(roles);
    }

    private LocalDate due(String text) {
        LocalDate due;
        try {
            due = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new WorkshopRefusal("commitments.bad_date");
        }
        if (due.isBefore(LocalDate.now(clock))) {
            throw new WorkshopRefusal("commitments.date_past");
        }
        return due;
    }

    private static void checkLength(String text, int max, String emptyKey, String longKey) {
        if (text.isEmpty()) {
            throw new WorkshopRefusal(emptyKey);
        }
        if (TypedText.tooLong(text, max)) {
            throw new WorkshopRefusal(longKey, max);
        }
    }

    private static long longOf(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new WorkshopRefusal("commitments.no_such_idea");
        }
    }

    private Board board(Room room) {
        return room.part(this, r -> {
            long id = r.workshop().id();
            Map<Long, Commitment> map = new LinkedHashMap<>();
            repo.loadForWorkshop(id).forEach(c -> map.put(c.id(), c));
            return new Board(map, new Votes(repo.takingsForWorkshop(id)));
        });
    }
}
