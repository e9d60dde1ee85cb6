package org.tallersocial.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
import org.tallersocial.live.Change;
import org.tallersocial.live.EditRefusal;
import org.tallersocial.live.Exercise;
import org.tallersocial.live.Message;
import org.tallersocial.live.Refusals;
import org.tallersocial.live.Refused;
import org.tallersocial.live.Room;
import org.tallersocial.live.Sent;
import org.tallersocial.live.Store;
import org.tallersocial.live.Viewer;
import org.tallersocial.poll.PollEdits;
import org.tallersocial.poll.PollService;
import org.tallersocial.web.TypedText;
import org.tallersocial.wordfilter.WordFilter;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * The quiz, live. A question opens with its own clock; each phone picks once, and earns {@link Points}
 * for a right pick by how soon it came. When the time is up the question closes by itself, and every
 * screen learns the right option; the facilitator shows the leaderboard when they choose, and the last
 * question's board is the quiz's final one. A person is on the board under a nickname they choose, or
 * not at all; their points count for them either way.
 */
public final class QuizExercise implements Exercise<QuizExercise.Input> {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Refusals WORDS = new Refusals("quiz.phones_only", "wrong_step", "quiz.not_this_step",
            "quiz.not_open_yet", "quiz.time_up");
    /** What a tap just before the end needs to cross the venue's Wi-Fi: it still counts (for the fewest points). */
    static final Duration GRACE = Duration.ofMillis(1500);
    public static final int MAX_NICKNAME = 20;

    private final QuizRepository repo;
    private final PollService polls;
    private final WordFilter filter;
    private final Clock clock;
    private final Store store = this::write;
    private final Set<Long> closing = ConcurrentHashMap.newKeySet();
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quiz-clock");
        t.setDaemon(true);
        return t;
    });

    /** What a phone sends on a quiz question: its pick, or its choice for the leaderboard. */
    public sealed interface Input permits Pick, Name {
    }

    public record Pick(int option) implements Input {
    }

    /** @param nickname null: stay off the leaderboard */
    public record Name(String nickname) implements Input {
    }

    public QuizExercise(DSLContext dsl, PollService polls, WordFilter filter, Clock clock) {
        this.repo = new QuizRepository(dsl);
        this.polls = polls;
        this.filter = filter;
        this.clock = clock;
    }

    @Override
    public StepKind kind() {
        return StepKind.QUIZ;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("quizAnswer", "quizName");
    }

    @Override
    public Refusals refusals() {
        return WORDS;
    }

    @Override
    public Input read(Room room, Step step, long participantId, Message message) {
        JsonNode body = message.body();
        if (message.type().equals("quizName")) {
            JsonNode name = body.get("nickname");
            if (name == null || name.isNull()) {
                return new Name(null);
            }
            String nickname = name.isTextual() ? TypedText.line(name.asText()) : "";
            if (nickname.isEmpty()) {
                throw new Refused("invalid_answer", "quiz.no_nickname");
            }
            if (TypedText.tooLong(nickname, MAX_NICKNAME)) {
                throw new Refused("too_long", "quiz.nickname_too_long", MAX_NICKNAME);
            }
            return new Name(nickname);
        }
        JsonNode option = body.get("option");
        int options = step.spec().exercise().options().size();
        if (option == null || !option.canConvertToInt() || !option.isIntegralNumber()
                || option.asInt() < 0 || option.asInt() >= options) {
            throw new Refused("unknown_option", "quiz.unknown_option");
        }
        return new Pick(option.asInt());
    }

    @Override
    public String slot(Sent<Input> sent) {
        return sent.input() instanceof Name ? "quizName:" + sent.participantId()
                : "quiz:" + sent.step().id() + ":" + sent.participantId();
    }

    @Override
    public ObjectNode stored(Sent<Input> sent) {
        QuizBoard board = board(sent.room());
        if (sent.input() instanceof Name) {
            return board.player(sent.participantId()).filter(p -> p.seq() >= sent.seq())
                    .map(p -> nameFields(sent.step(), p)).orElse(null);
        }
        return board.pick(sent.step().id(), sent.participantId()).filter(p -> p.seq() >= sent.seq())
                .map(p -> pickFields(sent.step(), p)).orElse(null);
    }

    @Override
    public Change decide(Sent<Input> sent) {
        QuizBoard board = board(sent.room());
        long person = sent.participantId();
        if (sent.input() instanceof Name name) {
            if (name.nickname() != null && board.taken(name.nickname(), person)) {
                throw new Refused("nickname_taken", "quiz.nickname_taken");
            }
            // A nickname is on the projector at once, and only its owner can mend it: a caught one is
            // refused, to be chosen again, rather than held for a facilitator who is running a quiz.
            if (name.nickname() != null && filter.catches(sent.room(), name.nickname())) {
                throw new Refused("nickname_refused", "quiz.nickname_refused");
            }
            return new Naming(store, sent, board, new QuizBoard.Player(person, name.nickname(), sent.seq()));
        }
        Step step = sent.step();
        if (board.pick(step.id(), person).isPresent()) {
            throw new Refused("already_answered", "quiz.already_answered");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (step.timerEndsAt() == null || now.isAfter(step.timerEndsAt().plus(GRACE))) {
            throw new Refused("time_up", "quiz.time_up");
        }
        StepSpec.ExerciseSpec quiz = step.spec().exercise();
        int option = ((Pick) sent.input()).option();
        long elapsed = Math.max(0, Duration.between(step.quizOpenedAt(), now).toMillis());
        int points = Points.of(quiz.isCorrect(option), elapsed, quiz.seconds());
        return new Picking(store, sent, board, new QuizBoard.Pick(person, option, points, elapsed, sent.seq()));
    }

    private record Picking(Store store, Sent<Input> sent, QuizBoard board, QuizBoard.Pick pick) implements Change {
        @Override
        public ObjectNode apply() {
            board.put(sent.step().id(), pick);
            return pickFields(sent.step(), pick);
        }
    }

    private record Naming(Store store, Sent<Input> sent, QuizBoard board, QuizBoard.Player player) implements Change {
        @Override
        public ObjectNode apply() {
            board.put(player);
            return nameFields(sent.step(), player);
        }
    }

    private void write(DSLContext tx, List<Change> changes) {
        List<Long> steps = new ArrayList<>();
        List<QuizBoard.Pick> picks = new ArrayList<>();
        List<Long> workshops = new ArrayList<>();
        List<QuizBoard.Player> players = new ArrayList<>();
        for (Change c : changes) {
            if (c instanceof Picking p) {
                steps.add(p.sent().step().id());
                picks.add(p.pick());
            } else {
                Naming n = (Naming) c;
                workshops.add(n.sent().room().workshop().id());
                players.add(n.player());
            }
        }
        repo.write(tx, steps, picks, workshops, players, OffsetDateTime.now(clock));
    }

    /** The ack says what was taken, never whether it is right: that waits for the time to be up. */
    private static ObjectNode pickFields(Step step, QuizBoard.Pick p) {
        return JSON.objectNode().put("step", step.id()).put("seq", p.seq()).put("option", p.option());
    }

    private static ObjectNode nameFields(Step step, QuizBoard.Player p) {
        return JSON.objectNode().put("step", step.id()).put("seq", p.seq()).put("nickname", p.nickname());
    }

    /**
     * What a screen shows of a question: how many answered; once the time is up, how many picked each
     * option and which were right; and the leaderboard when the facilitator shows it (the console always
     * has it). Phones get no running count, so nothing reaches them while the room answers.
     */
    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        QuizBoard board = board(room);
        Standings standings = Standings.of(room, step, board);
        boolean console = viewer == Viewer.CONSOLE;
        boolean over = step.pollState() == PollState.CLOSED;
        Map<Long, QuizBoard.Pick> picks = board.picks(step.id());
        ObjectNode out = JSON.objectNode().put("kind", "quiz").put("number", standings.number(step))
                .put("questions", standings.questions().size()).put("over", over).put("last", standings.last());
        if (viewer != Viewer.PHONE || over) {
            out.put("respondents", picks.size());
        }
        if (console || over) {
            StepSpec.ExerciseSpec quiz = step.spec().exercise();
            int[] counts = new int[quiz.options().size()];
            picks.values().forEach(p -> counts[p.option()]++);
            ArrayNode options = out.putArray("options");
            for (int i = 0; i < counts.length; i++) {
                options.addObject().put("count", counts[i]).put("correct", quiz.isCorrect(i));
            }
        }
        boolean shown = board.boardShown() == step.id();
        if (console) {
            out.put("boardShown", shown).put("players", standings.everyone().size())
                    .put("named", standings.everyone().stream().filter(l -> l.nickname() != null).count());
        }
        if (console || shown) {
            ArrayNode lines = out.putArray("board");
            standings.board().forEach(l -> lines.addObject().put("rank", l.rank()).put("nickname", l.nickname())
                    .put("points", l.points()));
        }
        return out;
    }

    /** A person's own: their pick, and once the time is up its points, their total and their place in the quiz. */
    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        QuizBoard board = board(room);
        ObjectNode out = JSON.objectNode();
        board.player(participantId).ifPresentOrElse(p -> out.put("chosen", true).put("nickname", p.nickname()),
                () -> out.put("chosen", false));
        board.pick(step.id(), participantId).ifPresent(p -> out.put("option", p.option()));
        if (step.pollState() == PollState.CLOSED) {
            Standings standings = Standings.of(room, step, board);
            board.pick(step.id(), participantId).ifPresent(p -> out.put("points", p.points()));
            standings.of(participantId).ifPresent(l -> out.put("total", l.points()).put("rank", l.rank()));
            out.put("players", standings.everyone().size());
        }
        return out;
    }

    /** A question whose time is up (and its grace) closes by itself, once, on the quiz's own thread. */
    @Override
    public void tick(Room room, long nowMillis) {
        Step step = room.current();
        if (step.kind() != StepKind.QUIZ || step.pollState() != PollState.OPEN || step.timerEndsAt() == null
                || nowMillis < step.timerEndsAt().plus(GRACE).toInstant().toEpochMilli() || !closing.add(step.id())) {
            return;
        }
        OffsetDateTime ends = step.timerEndsAt();
        closer.execute(() -> {
            try {
                polls.closeIf(room, step.id(), s -> s.pollState() == PollState.OPEN && ends.equals(s.timerEndsAt()));
            } finally {
                closing.remove(step.id());
            }
        });
    }

    /**
     * A question people may have answered keeps what its points were counted on: its options in their
     * places, which of them are right, and its time. Its wording may be corrected.
     */
    @Override
    public EditRefusal refuseEdit(Room room, Step step, StepSpec edited) {
        StepSpec.ExerciseSpec before = step.spec().exercise(), after = edited.exercise();
        EditRefusal options = PollEdits.options(before.options(), after.options());
        if (options != null) {
            return options;
        }
        if (!Objects.equals(before.correct(), after.correct())) {
            return EditRefusal.at("correct", "edit_answered_quiz");
        }
        if (!Objects.equals(before.seconds(), after.seconds())) {
            return EditRefusal.at("seconds", "edit_answered_quiz");
        }
        return null;
    }

    /** The console's button: the leaderboard of this question on the projector and phones, or off again. */
    public void showBoard(Room room, long stepId, boolean shown) {
        room.change(() -> {
            Step step = room.step(stepId).filter(s -> s.kind() == StepKind.QUIZ)
                    .orElseThrow(() -> new WorkshopRefusal("quiz.not_a_question"));
            QuizBoard board = board(room);
            board.boardShown(shown ? step.id() : 0);
            room.changed(this);
        });
    }

    private QuizBoard board(Room room) {
        return room.part(this, r -> new QuizBoard(repo.picks(r.workshop().id()), repo.players(r.workshop().id())));
    }
}
