package org.tallersocial.live;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.tallersocial.poll.Tally;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.Workshop;

/**
 * The live state of one workshop, mirrored from the database: services
 * write to H2 first, then replace the mirror, then publish. Readers get
 * immutable snapshots (records and lists) without locks.
 */
public final class Room {

    private volatile Workshop workshop;
    private volatile List<Step> steps;
    private final Map<Long, Tally> tallies = new ConcurrentHashMap<>();
    private final LongFunction<Tally> tallyLoader;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** The projectors and consoles among them, which the hub updates ten times a second without walking every phone. */
    private final Set<Socket> screens = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> phonesByParticipant = new ConcurrentHashMap<>();
    /** The same, for phones on the event-stream fallback: the console counts them, to spot a proxy in the way. */
    private final Map<Long, Integer> fallbackByParticipant = new ConcurrentHashMap<>();
    /** When each person whose phone is gone lost their last socket, so the console can say who dropped lately. */
    private final Map<Long, Long> droppedAt = new ConcurrentHashMap<>();
    static final long DROPPED_WINDOW_MILLIS = 60_000;
    private final AtomicInteger joined;
    private final AtomicBoolean resultsDirty = new AtomicBoolean();
    private final AtomicBoolean phoneResultsDirty = new AtomicBoolean();
    private final AtomicBoolean presenceDirty = new AtomicBoolean();
    private final AtomicBoolean featuresDirty = new AtomicBoolean();

    Room(Workshop workshop, List<Step> steps, int joined, LongFunction<Tally> tallyLoader) {
        this.workshop = workshop;
        this.steps = List.copyOf(steps);
        this.joined = new AtomicInteger(joined);
        this.tallyLoader = tallyLoader;
    }

    public Workshop workshop() {
        return workshop;
    }

    public List<Step> steps() {
        return steps;
    }

    public Step current() {
        return steps.get(Math.min(workshop.currentStep(), steps.size() - 1));
    }

    public Optional<Step> step(long stepId) {
        return steps.stream().filter(s -> s.id() == stepId).findFirst();
    }

    /** The answers of a poll, read from the database the first time anyone asks. */
    public Tally tally(long stepId) {
        return tallies.computeIfAbsent(stepId, tallyLoader::apply);
    }

    public synchronized void replace(Workshop updated) {
        this.workshop = updated;
    }

    public synchronized void replace(Step updated) {
        this.steps = steps.stream().map(s -> s.id() == updated.id() ? updated : s).toList();
    }

    public int joined() {
        return joined.get();
    }

    void participantJoined() {
        joined.incrementAndGet();
        presenceDirty.set(true);
    }

    /** Distinct people with a phone connected now; kept as a count because every snapshot reports it. */
    public int connectedPhones() {
        return phonesByParticipant.size();
    }

    /** Distinct people with a phone connected through the event-stream fallback now. */
    public int fallbackPhones() {
        return fallbackByParticipant.size();
    }

    public Set<Socket> sockets() {
        return sockets;
    }

    /** The sockets of the projector and the console, phones left out. */
    Set<Socket> screens() {
        return screens;
    }

    void add(Socket socket) {
        if (socket.viewer() != Viewer.PHONE) {
            screens.add(socket);
        }
        if (sockets.add(socket) && socket.viewer() == Viewer.PHONE) {
            phonesByParticipant.merge(socket.participantId(), 1, Integer::sum);
            droppedAt.remove(socket.participantId());
            if (socket.isFallback()) {
                fallbackByParticipant.merge(socket.participantId(), 1, Integer::sum);
            }
        }
        presenceDirty.set(true);
    }

    void remove(Socket socket, long nowMillis) {
        screens.remove(socket);
        if (sockets.remove(socket) && socket.viewer() == Viewer.PHONE) {
            // A person with two tabs stays connected until the last one closes.
            Integer left = phonesByParticipant.computeIfPresent(socket.participantId(), (id, n) -> n > 1 ? n - 1 : null);
            if (left == null) {
                droppedAt.put(socket.participantId(), nowMillis);
            }
            if (socket.isFallback()) {
                fallbackByParticipant.computeIfPresent(socket.participantId(), (id, n) -> n > 1 ? n - 1 : null);
            }
        }
        presenceDirty.set(true);
    }

    /** People whose phone dropped within the last minute and has not come back. */
    public int droppedLately(long nowMillis) {
        droppedAt.values().removeIf(at -> nowMillis - at > DROPPED_WINDOW_MILLIS);
        return droppedAt.size();
    }

    /** Whether a drop is about to leave the window, so the count shown must change although nothing happened. */
    boolean dropExpired(long nowMillis) {
        return droppedAt.values().stream().anyMatch(at -> nowMillis - at > DROPPED_WINDOW_MILLIS);
    }

    void markPresenceDirty() {
        presenceDirty.set(true);
    }

    public void markResultsDirty() {
        resultsDirty.set(true);
        phoneResultsDirty.set(true);
    }

    boolean takeResultsDirty() {
        return resultsDirty.getAndSet(false);
    }

    /** Phones take a poll's results less often than the screens (see Hub), so they keep their own flag. */
    boolean takePhoneResultsDirty() {
        return phoneResultsDirty.getAndSet(false);
    }

    /** Something the room's every-step features show (questions) changed: the next tick sends their updates. */
    public void markFeaturesDirty() {
        featuresDirty.set(true);
    }

    boolean takeFeaturesDirty() {
        return featuresDirty.getAndSet(false);
    }

    boolean takePresenceDirty() {
        return presenceDirty.getAndSet(false);
    }
}
