package org.tallersocial.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Exercise;
import org.tallersocial.live.ExerciseMessages;
import org.tallersocial.live.Room;
import org.tallersocial.live.Socket;
import org.tallersocial.live.Viewer;
import org.tallersocial.live.Refused;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;

/**
 * The profile-linking exercise, live: each phone answers network by network,
 * every answer is committed before its acknowledgement, and the projector and
 * console only ever get the room's counts.
 */
public final class ProfileExercise implements Exercise {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileExercise.class);
    static final String MESSAGE = "profile";

    private final ProfileRepository answers;
    private final ParticipantRepository participants;
    private final Clock clock;
    private final Map<Long, ProfileBoard> boards = new ConcurrentHashMap<>();

    public ProfileExercise(org.jooq.DSLContext dsl, ParticipantRepository participants, Clock clock) {
        this.answers = new ProfileRepository(dsl);
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    public StepKind kind() {
        return StepKind.PROFILES;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(MESSAGE);
    }

    @Override
    public JsonNode picture(Room room, Step step, Viewer viewer) {
        if (viewer == Viewer.PHONE) {
            return null;
        }
        return ProfilePictureJson.of(summary(step));
    }

    @Override
    public JsonNode mine(Room room, Step step, long participantId) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode byNetwork = out.putObject("answers");
        board(step.id()).answersOf(participantId).forEach(a -> byNetwork.set(a.network(), a.toJson()));
        participants.displayName(participantId).ifPresent(name -> out.put("name", name));
        return out;
    }

    @Override
    public ObjectNode handle(Room room, Socket socket, JsonNode msg, Locale locale) {
        if (socket.viewer() != Viewer.PHONE) {
            throw new Refused("not_allowed", "profiles.phones_only");
        }
        Step step = ExerciseMessages.currentStep(room, msg, StepKind.PROFILES, "profiles.not_this_step");
        long seq = ExerciseMessages.seq(msg);
        JsonNode networkNode = msg.get("network");
        String network = networkNode != null && networkNode.isTextual() ? networkNode.asText() : null;
        long person = socket.participantId();
        ProfileBoard board = board(step.id());
        synchronized (board) {
            ProfileAnswer answer = ProfileAnswerReader.read(msg.get("answer"), network,
                    step.spec().exercise().networks(), seq,
                    wantsName(msg) ? participants.displayName(person).orElse(null) : null);
            Optional<ProfileRepository.Stored> existing = board.of(person, network);
            if (existing.isPresent() && existing.get().answer().seq() >= seq) {
                return ack(step, existing.get().answer(), true);
            }
            // A retry of what is already stored is acknowledged even after closing; anything new is not.
            PollState state = room.step(step.id()).orElseThrow().pollState();
            if (state != PollState.OPEN) {
                throw new Refused("poll_closed",
                        state == PollState.PENDING ? "profiles.not_open_yet" : "profiles.closed");
            }
            long id;
            try {
                OffsetDateTime now = OffsetDateTime.now(clock);
                if (existing.isPresent()) {
                    id = existing.get().id();
                    answers.update(id, answer, now);
                } else {
                    id = answers.insert(step.id(), person, answer, now);
                }
            } catch (RuntimeException e) {
                LOG.error("could not store a profile answer; the phone keeps it and will retry", e);
                throw new Refused("not_saved", "not_saved");
            }
            board.put(new ProfileRepository.Stored(id, person, answer));
        }
        room.markResultsDirty();
        return ack(step, board.of(person, network).orElseThrow().answer(), false);
    }

    /** The room's counts for a profile-linking step, for the console's export and, later, the report. */
    public ProfileSummary summary(Step step) {
        return ProfileSummary.of(step.spec().exercise().networks(), board(step.id()).people());
    }

    boolean hasAnswersFor(Step step, String network) {
        return board(step.id()).hasAnswersFor(network);
    }

    private static boolean wantsName(JsonNode msg) {
        return msg.path("answer").path("ambassador").asBoolean(false);
    }


    private ObjectNode ack(Step step, ProfileAnswer answer, boolean duplicate) {
        ObjectNode ack = JsonNodeFactory.instance.objectNode().put("type", "ack").put("step", step.id())
                .put("network", answer.network()).put("seq", answer.seq()).put("duplicate", duplicate);
        ack.set("value", answer.toJson());
        return ack;
    }

    private ProfileBoard board(long stepId) {
        return boards.computeIfAbsent(stepId, id -> new ProfileBoard(answers.loadForStep(id)));
    }
}
