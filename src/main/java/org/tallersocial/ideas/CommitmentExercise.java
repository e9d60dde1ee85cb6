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
import org.tallersocial.poll.Words;
import org.tallersocial.questions.PhoneText;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * The commitments step: the facilitator turns ideas into commitments (an
 * action, a responsible role, a date, a status) and people volunteer for them
 * from their phones. A workshop's commitments are one list, whichever
 * commitments step made them.
 */
public final class CommitmentExercise implements Exercise {

    private static final Logger LOG = LoggerFactory.getLogger(CommitmentExercise.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final int MAX_ACTION = 200;
    public static final int MAX_ROLE = 80;
    public static final int MAX_NAME = 40;

    private final CommitmentRepository repo;
    private final IdeaExercise ideas;
    private final ParticipantRepository participants;
    private final Clock clock;
    private final Map<Long, Map<Long, Commitment>> boards = new ConcurrentHashMap<>();

    public CommitmentExercise(DSLContext dsl, IdeaExercise ideas, ParticipantRepository participants, Clock clock) {
        this.repo = new CommitmentRepository(dsl);
        this.ideas = ideas;
        this.participants = participants;
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
    public ObjectNode handle(Room room, Socket socket, JsonNode msg, Locale locale) {
        Step step = OpenStep.of(room, socket, msg, StepKind.COMMITMENTS);
        long commitmentId = PhoneText.id(msg, "commitment");
        boolean on = PhoneText.flag(msg, "on");
        long person = socket.participantId();
        Map<Long, Commitment> board = board(room);
        Commitment changed;
        synchronized (board) {
            Commitment c = Optional.ofNullable(board.get(commitmentId))
                    .orElseThrow(() -> new Refused("unknown_commitment", "commitments.unknown"));
            if (on && !c.status().takesVolunteers()) {
                throw new Refused("invalid_answer", "commitments.finished");
            }
            String name = on ? volunteerName(msg, person) : null;
            try {
                repo.volunteer(c.id(), person, name, on);
            } catch (RuntimeException e) {
                LOG.error("could not store a volunteer; the phone keeps it and will retry", e);
                throw new Refused("not_saved", "not_saved");
            }
            List<Commitment.Volunteer> volunteers = new ArrayList<>(c.volunteers());
            volunteers.removeIf(v -> v.participantId() == person);
            if (on) {
                volunteers.add(new Commitment.Volunteer(person, name));
            }
            changed = c.withVolunteers(volunteers);
            board.put(c.id(), changed);
        }
        room.markResultsDirty();
        return JSON.objectNode().put("type", "ack").put("step", step.id()).put("commitment", commitmentId)
                .put("on", on).put("volunteers", changed.volunteers().size());
    }

    /** A volunteer is named: the name typed with the message, else the one the person joined with. */
    private String volunteerName(JsonNode msg, long person) {
        JsonNode typed = msg.get("name");
        String name = typed != null && typed.isTextual() ? Words.tidy(typed.asText()).replace('\n', ' ') : "";
        if (name.isEmpty()) {
            name = participants.displayName(person).orElse("");
        }
        if (name.isEmpty()) {
            throw new Refused("name_needed", "commitments.name_needed");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
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
        participants.displayName(participantId).ifPresent(n -> out.put("name", n));
        return out;
    }

    /** A new commitment; without an action of its own, it takes its idea's words. */
    public Commitment create(Room room, String ideaRef, String actionText, String roleText, String dueText) {
        Long ideaId = null;
        String action = tidy(actionText);
        if (ideaRef != null && !ideaRef.isBlank()) {
            long id = longOf(ideaRef);
            IdeaExercise.Ranked idea = workshopIdeas(room).stream().filter(r -> r.idea().id() == id).findFirst()
                    .orElseThrow(() -> new WorkshopRefusal("commitments.no_such_idea"));
            ideaId = id;
            action = action.isEmpty() ? idea.idea().text() : action;
        }
        checkLength(action, MAX_ACTION, "commitments.action_empty", "commitments.action_too_long");
        String role = tidy(roleText);
        checkLength(role, MAX_ROLE, "commitments.role_empty", "commitments.role_too_long");
        LocalDate due = due(dueText);
        Map<Long, Commitment> board = board(room);
        synchronized (board) {
            long id = repo.insert(room.workshop().id(), ideaId, action, role, due, OffsetDateTime.now(clock));
            Commitment c = new Commitment(id, ideaId, action, role, due, Commitment.Status.PLANNED, List.of());
            board.put(id, c);
            room.markResultsDirty();
            return c;
        }
    }

    public void status(Room room, long commitmentId, String statusKey) {
        Commitment.Status status = Commitment.Status.of(statusKey == null ? "" : statusKey)
                .orElseThrow(() -> new WorkshopRefusal("commitments.unknown_status"));
        Map<Long, Commitment> board = board(room);
        synchronized (board) {
            Commitment c = Optional.ofNullable(board.get(commitmentId))
                    .orElseThrow(() -> new WorkshopRefusal("unknown_id"));
            repo.status(c.id(), status);
            board.put(c.id(), c.withStatus(status));
        }
        room.markResultsDirty();
    }

    public List<Commitment> all(Room room) {
        Map<Long, Commitment> board = board(room);
        synchronized (board) {
            return List.copyOf(board.values());
        }
    }

    /** The standing ideas of every ideas step of the workshop, each step's most voted first. */
    List<IdeaExercise.Ranked> workshopIdeas(Room room) {
        List<IdeaExercise.Ranked> out = new ArrayList<>();
        room.steps().stream().filter(s -> s.kind() == StepKind.IDEAS).forEach(s -> out.addAll(ideas.ranked(s, false)));
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

    private static String tidy(String text) {
        return text == null ? "" : Words.tidy(text).replace('\n', ' ');
    }

    private static void checkLength(String text, int max, String emptyKey, String longKey) {
        if (text.isEmpty()) {
            throw new WorkshopRefusal(emptyKey);
        }
        if (text.codePointCount(0, text.length()) > max) {
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

    private Map<Long, Commitment> board(Room room) {
        return boards.computeIfAbsent(room.workshop().id(), id -> {
            Map<Long, Commitment> map = new LinkedHashMap<>();
            repo.loadForWorkshop(id).forEach(c -> map.put(c.id(), c));
            return map;
        });
    }
}
