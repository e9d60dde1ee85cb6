package org.tallersocial;

import static org.tallersocial.db.generated.Tables.FACILITATOR;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tallersocial.console.WorkshopService;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
import org.tallersocial.content.TemplateCatalog;
import org.tallersocial.content.WorkshopTemplate;
import org.tallersocial.db.Database;
import org.tallersocial.live.Features;
import org.tallersocial.live.Hub;
import org.tallersocial.live.WarmUp;
import org.tallersocial.live.Replies;
import org.tallersocial.live.Room;
import org.tallersocial.live.Rooms;
import org.tallersocial.live.Socket;
import org.tallersocial.poll.AnswerRepository;
import org.tallersocial.poll.Polls;
import org.tallersocial.wordfilter.WordFilter;
import org.tallersocial.wordfilter.WordList;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.StepRepository;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facilitator's first "vote now" is the hardest moment of a server's life: a thousand phones
 * answer within a second, on code the JVM has never run (classes not loaded, nothing compiled), and
 * the first acks took twice as long as the next burst's. So once per JVM, in the background while the
 * first phones join, a room of a thousand phones answers a few polls of a shipped template on a
 * throwaway database file in the temporary directory, through the server's own pipeline. Nothing of
 * the real data directory is read or written; if the warm-up cannot run (no space in the temporary
 * directory), the server only loses the head start.
 */
final class VoteNowWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(VoteNowWarmUp.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();
    static final int PHONES = 1000;
    static final int ROUNDS = 6;

    private final TemplateCatalog templates;
    private final ObjectMapper json;
    private final Texts texts;

    private VoteNowWarmUp(TemplateCatalog templates, ObjectMapper json, Texts texts) {
        this.templates = templates;
        this.json = json;
        this.texts = texts;
    }

    /** Starts the warm-up on a thread of its own, the first time a server starts in this JVM. */
    static void startOnce(TemplateCatalog templates, ObjectMapper json, Texts texts) {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> warmUp(templates, json, texts), "vote-now-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** @return how many answers were acknowledged in the warm-up (0 if it could not run) */
    static int warmUp(TemplateCatalog templates, ObjectMapper json, Texts texts) {
        return warmUp(templates, json, texts, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param parent where the throwaway database's directory is made, and removed from */
    static int warmUp(TemplateCatalog templates, ObjectMapper json, Texts texts, Path parent) {
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory(parent, "taller-warm-up-");
            int acked = new VoteNowWarmUp(templates, json, texts).run(dir);
            LOG.debug("warmed up with {} answers in {} ms", acked, (System.nanoTime() - start) / 1_000_000);
            return acked;
        } catch (Exception e) {
            LOG.info("could not warm up a vote at start (the first one may be slower): {}", e.toString());
            return 0;
        } finally {
            delete(dir);
        }
    }

    private int run(Path dir) throws InterruptedException {
        Optional<WorkshopTemplate> template = templates.all().stream()
                .max(Comparator.comparingLong(t -> choicePolls(t).size()));
        if (template.isEmpty() || choicePolls(template.get()).isEmpty()) {
            return 0;
        }
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(dir)) {
            // The warm-up answers choice polls only: nothing it sends is for the word filter to hold.
            WordFilter filter = new WordFilter(db.dsl(), WordList.of(List.of()));
            Polls polls = new Polls(new AnswerRepository(db.dsl(), json), clock, filter);
            Features features = new Features(List.of(polls));
            try (Hub hub = new Hub(json, clock, features);
                 WarmUp warmUp = new WarmUp(hub, db.dsl(), new Replies(texts), json, features)) {
                WorkshopRepository workshops = new WorkshopRepository(db.dsl());
                StepRepository steps = new StepRepository(db.dsl(), json);
                ParticipantRepository participants = new ParticipantRepository(db.dsl(), texts);
                Rooms rooms = new Rooms(workshops, steps, participants, hub);
                WorkshopService service = new WorkshopService(db.dsl(), workshops, steps, participants, rooms, clock, filter);
                long owner = db.dsl().insertInto(FACILITATOR, FACILITATOR.NAME, FACILITATOR.EMAIL,
                        FACILITATOR.PASSWORD_HASH, FACILITATOR.CREATED_AT)
                        .values("warm-up", "warm-up", "-", OffsetDateTime.now(clock))
                        .returning(FACILITATOR.ID).fetchOne(FACILITATOR.ID);
                Workshop w = service.create(template.get(), "warm-up", "warm-up", owner);
                Room room = service.room(w);
                service.goLive(room, false);
                return answerPolls(service, room, warmUp, choicePolls(template.get()));
            }
        }
    }

    private int answerPolls(WorkshopService service, Room room, WarmUp warmUp, List<Integer> positions)
            throws InterruptedException {
        warmUp.projector(room);
        List<Socket> phones = new ArrayList<>(PHONES);
        for (int i = 0; i < PHONES; i++) {
            phones.add(warmUp.phone(room, service.join(room, "phone " + i).participant().id()));
        }
        int sent = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int position = positions.get(round % positions.size());
            service.goTo(room, current -> position);
            var step = room.current();
            for (int i = 0; i < PHONES; i++) {
                warmUp.send(room, phones.get(i), answer(step.spec(), step.id(), round, i).toString());
            }
            sent += PHONES;
            if (!warmUp.awaitReplies(sent, Duration.ofSeconds(30))) {
                break;
            }
        }
        return warmUp.acks();
    }

    private ObjectNode answer(StepSpec spec, long stepId, int round, int phone) {
        int options = spec.poll().options().size();
        ObjectNode msg = json.createObjectNode().put("type", "answer").put("id", round + "-" + phone)
                .put("seq", round + 1).put("step", stepId);
        if (spec.kind() == StepKind.SINGLE) {
            msg.put("value", (phone + round) % options);
        } else {
            msg.putArray("value").add((phone + round) % options);
        }
        return msg;
    }

    /** The positions of the single- and multiple-choice polls: what a room answers at once. */
    private static List<Integer> choicePolls(WorkshopTemplate template) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < template.steps().size(); i++) {
            StepKind kind = template.steps().get(i).kind();
            if (kind == StepKind.SINGLE || kind == StepKind.MULTIPLE) {
                out.add(i);
            }
        }
        return out;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}", dir, e);
        }
    }
}
