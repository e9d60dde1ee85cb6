package org.tallersocial.profiles;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.tallersocial.content.StepSpec;
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
 * The profile-linking exercise, live: each phone answers network by network (the highest `seq` of a
 * network wins), and the projector and console only ever get the room's counts.
 */
public final class ProfileExercise implements Exercise<ProfileAnswer> {

    private static final Refusals WORDS = new Refusals("profiles.phones_only", "wrong_step", "profiles.not_this_step",
            "profiles.not_open_yet", "profiles.closed");

    private final ProfileRepository answers;
    private final Clock clock;
    private final Store store = this::write;

    public ProfileExercise(org.jooq.DSLContext dsl, Clock clock) {
        this.answers = new ProfileRepository(dsl);
        this.clock = clock;
    }

    @Override
    public StepKind kind() {
        return StepKind.PROFILES;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("profile");
    }

    @Override
    public Refusals refusals() {
        return WORDS;
    }

    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        if (viewer == Viewer.PHONE) {
            return null;
        }
        return ProfilePictureJson.of(summary(room, step));
    }

    /** How many of these people answered the step, for any network (the report's "answered later"). */
    public int respondentsAmong(Room room, Step step, java.util.Set<Long> people) {
        ProfileBoard board = board(room, step);
        return (int) people.stream().filter(p -> !board.answersOf(p).isEmpty()).count();
    }

    /** Someone who joins through the catch-up link links their profiles too; they count in the same board. */
    @Override
    public boolean takesLateAnswers() {
        return true;
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode byNetwork = out.putObject("answers");
        board(room, step).answersOf(participantId).forEach(a -> byNetwork.set(a.network(), a.toJson()));
        room.name(participantId).ifPresent(name -> out.put("name", name));
        return out;
    }

    @Override
    public ProfileAnswer read(Room room, Step step, long participantId, Message message) {
        JsonNode network = message.body().get("network");
        boolean named = message.body().path("answer").path("ambassador").asBoolean(false);
        return ProfileAnswerReader.read(message.body().get("answer"), network != null && network.isTextual()
                        ? network.asText() : null, step.spec().exercise().networks(), message.seq(),
                named ? room.name(participantId).orElse(null) : null);
    }

    @Override
    public String slot(Sent<ProfileAnswer> sent) {
        return "profile:" + sent.step().id() + ":" + sent.participantId() + ":" + sent.input().network();
    }

    @Override
    public ObjectNode stored(Sent<ProfileAnswer> sent) {
        return board(sent.room(), sent.step()).of(sent.participantId(), sent.input().network())
                .filter(s -> s.answer().seq() >= sent.seq())
                .map(s -> fields(sent.step(), s.answer()))
                .orElse(null);
    }

    @Override
    public Change decide(Sent<ProfileAnswer> sent) {
        // A network the facilitator removed since the phone read the step (the step as the room holds it now:
        // the current one in the room, any begun one for someone answering later).
        Step now = sent.room().step(sent.step().id()).orElse(sent.step());
        if (!now.spec().exercise().networks().contains(sent.input().network())) {
            throw new Refused("unknown_network", "profiles.unknown_network");
        }
        ProfileBoard board = board(sent.room(), sent.step());
        Long existing = board.of(sent.participantId(), sent.input().network())
                .map(ProfileRepository.Stored::id).orElse(null);
        return new Answer(store, sent, board, existing, new AtomicLong());
    }

    /** One person's answer for one network, new or replacing theirs; its row id is known once written. */
    private record Answer(Store store, Sent<ProfileAnswer> sent, ProfileBoard board, Long existing, AtomicLong id)
            implements Change {
        @Override
        public ObjectNode apply() {
            board.put(new ProfileRepository.Stored(id.get(), sent.participantId(), sent.input()));
            return fields(sent.step(), sent.input());
        }
    }

    private void write(DSLContext tx, List<Change> changes) {
        ProfileRepository repo = new ProfileRepository(tx);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Change c : changes) {
            Answer a = (Answer) c;
            if (a.existing() != null) {
                repo.update(a.existing(), a.sent().input(), now);
                a.id().set(a.existing());
            } else {
                a.id().set(repo.insert(a.sent().step().id(), a.sent().participantId(), a.sent().input(), now));
            }
        }
    }

    /** The room's counts for a profile-linking step, for the console's export and the report. */
    public ProfileSummary summary(Room room, Step step) {
        StepSpec.ExerciseSpec exercise = step.spec().exercise();
        return ProfileSummary.of(exercise.networks(), board(room, step).people(), exercise.smallestCount());
    }

    boolean hasAnswersFor(Room room, Step step, String network) {
        return board(room, step).hasAnswersFor(network);
    }

    private static ObjectNode fields(Step step, ProfileAnswer answer) {
        ObjectNode ack = JsonNodeFactory.instance.objectNode().put("step", step.id())
                .put("network", answer.network()).put("seq", answer.seq());
        ack.set("value", answer.toJson());
        return ack;
    }

    private ProfileBoard board(Room room, Step step) {
        Map<Long, ProfileBoard> boards = room.part(this, r -> new ConcurrentHashMap<Long, ProfileBoard>());
        return boards.computeIfAbsent(step.id(), id -> new ProfileBoard(answers.loadForStep(id)));
    }

    /** A network someone answered for stays, so no answer loses its meaning; the threshold is fixed once seen. */
    @Override
    public org.tallersocial.live.EditRefusal refuseEdit(Room room, Step step, StepSpec edited) {
        StepSpec.ExerciseSpec after = edited.exercise();
        for (String old : step.spec().exercise().networks()) {
            if (after.networks().stream().noneMatch(old::equals) && hasAnswersFor(room, step, old)) {
                return org.tallersocial.live.EditRefusal.at("networks", "network_answered", old);
            }
        }
        if (after.smallestCount() != step.spec().exercise().smallestCount()) {
            return org.tallersocial.live.EditRefusal.at("threshold", "threshold_after_opening");
        }
        return null;
    }
}
