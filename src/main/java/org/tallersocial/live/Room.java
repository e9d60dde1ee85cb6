package org.tallersocial.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.Workshop;

/**
 * One workshop's live state: its workshop and steps, what every feature keeps of it in memory, and
 * the screens connected to it. It changes in one way only: under its one lock, the database first,
 * then the memory, then the publish ({@link #change}; the writer takes the same lock for the messages
 * phones send). Readers (snapshots, pictures) need no lock: workshop and steps are immutable values
 * replaced whole, and each feature's memory guards its own reads.
 */
public final class Room {

    private final ReentrantLock lock = new ReentrantLock();
    private final Publisher publisher;
    private volatile Workshop workshop;
    private volatile List<Step> steps;
    /** Grows with every change of the workshop or a step: snapshots are published in its order. */
    private final AtomicLong stateVersion = new AtomicLong();
    private final Map<Object, Object> parts = new ConcurrentHashMap<>();
    private final Map<Long, Optional<String>> names = new ConcurrentHashMap<>();
    private final LongFunction<Optional<String>> nameLoader;
    private final Shared shared = new Shared();
    private final Set<Feature<?>> dirtyForScreens = ConcurrentHashMap.newKeySet();
    private final Set<Feature<?>> dirtyForPhones = ConcurrentHashMap.newKeySet();
    private final Presence presence;
    /** Those who joined through the catch-up link, as their phones connect (Admission.later). */
    private final Set<Long> late = ConcurrentHashMap.newKeySet();

    /** Where a room's new state goes once a change is done: the hub. */
    interface Publisher {
        void publishState(Room room);

        void tell(Room room, long participantId, ObjectNode message);
    }

    Room(Workshop workshop, List<Step> steps, int joined, LongFunction<Optional<String>> nameLoader,
         Publisher publisher) {
        this.workshop = workshop;
        this.steps = List.copyOf(steps);
        this.nameLoader = nameLoader;
        this.publisher = publisher;
        this.presence = new Presence(joined);
    }

    public Workshop workshop() {
        return workshop;
    }

    public List<Step> steps() {
        return steps;
    }

    public Step current() {
        return currentOf(workshop);
    }

    /** The step a version of this room's workshop stands on, e.g. one about to be saved. */
    public Step currentOf(Workshop w) {
        List<Step> all = steps;
        return all.get(Math.min(w.currentStep(), all.size() - 1));
    }

    public Optional<Step> step(long stepId) {
        return steps.stream().filter(s -> s.id() == stepId).findFirst();
    }

    /**
     * The one way a room changes from outside the writer (a console action): under the room's lock,
     * {@code change} reads the room, writes the database and then the memory; once the lock is let go,
     * a changed workshop or step is published to every screen. Never wait for the writer in it.
     */
    public <T> T change(Supplier<T> change) {
        long before = stateVersion.get();
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
            if (stateVersion.get() != before) {
                publisher.publishState(this);
            }
        }
    }

    public void change(Runnable change) {
        change(() -> {
            change.run();
            return null;
        });
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** The workshop as it now stands in the database. Only inside {@link #change}. */
    public void replace(Workshop updated) {
        requireLock();
        workshop = updated;
        stateVersion.incrementAndGet();
    }

    /** One step as it now stands in the database, made from the room's own copy of it. Only inside {@link #change}. */
    public Step replaceStep(long stepId, UnaryOperator<Step> update) {
        requireLock();
        Step old = step(stepId).orElseThrow(() -> new IllegalArgumentException("no step " + stepId + " here"));
        Step updated = update.apply(old);
        steps = steps.stream().map(s -> s.id() == stepId ? updated : s).toList();
        stateVersion.incrementAndGet();
        return updated;
    }

    /** The whole agenda as it now stands in the database, after an edit. Only inside {@link #change}. */
    public void replaceSteps(List<Step> updated) {
        requireLock();
        steps = List.copyOf(updated);
        stateVersion.incrementAndGet();
    }

    long stateVersion() {
        return stateVersion.get();
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a room changes only inside Room.change");
        }
    }

    /**
     * What a feature keeps in memory for this room (its boards, its tallies), made on first use.
     * Everything here goes when the room goes: a deleted workshop leaves nothing behind.
     */
    @SuppressWarnings("unchecked")
    public <T> T part(Object owner, Function<Room, T> create) {
        return (T) parts.computeIfAbsent(owner, o -> create.apply(this));
    }

    /**
     * The facilitator approved a name the word filter held: the next message that shows it reads it anew
     * (what showed the placeholder before keeps it). Inside {@link #change}.
     */
    public void forgetName(long participantId) {
        names.remove(participantId);
    }

    /** A person who joined through the catch-up link: their phone answers at its own pace (Delivery). */
    void markLate(long participantId) {
        late.add(participantId);
    }

    public boolean isLate(long participantId) {
        return late.contains(participantId);
    }

    /** The name a person joined with, if any: names never change, and many messages show them. */
    public Optional<String> name(long participantId) {
        return names.computeIfAbsent(participantId, nameLoader::apply);
    }

    /**
     * A feature's memory changed (after its commit): its shared views are made anew, and the hub sends
     * its coalesced update to the projector and the console at its next tick and to the phones at their next.
     */
    public void changed(Feature<?> feature) {
        shared.bump(feature);
        dirtyForScreens.add(feature);
        dirtyForPhones.add(feature);
    }

    /**
     * A view of a feature that every socket of a viewer kind shares (a poll's results, an exercise's
     * picture), made once until the feature or the room's state changes. Never modified once made.
     */
    public JsonNode shared(Feature<?> feature, Viewer viewer, Supplier<JsonNode> make) {
        return shared.get(feature, viewer, stateVersion.get(), make);
    }

    /** A message for one person's phones only, about what is theirs (a question the facilitator acted on). */
    public void tell(long participantId, ObjectNode message) {
        publisher.tell(this, participantId, message);
    }

    Set<Feature<?>> takeDirty(boolean forPhones) {
        Set<Feature<?>> from = forPhones ? dirtyForPhones : dirtyForScreens;
        if (from.isEmpty()) {
            return Set.of();
        }
        Set<Feature<?>> taken = Set.copyOf(from);
        from.removeAll(taken);
        return taken;
    }

    Presence presence() {
        return presence;
    }

    public int joined() {
        return presence.joined();
    }

    /** Distinct people with a phone connected now. */
    public int connectedPhones() {
        return presence.connected();
    }

    public Set<Socket> sockets() {
        return presence.sockets();
    }

    /** The projectors and consoles, which the hub updates ten times a second without walking every phone. */
    Set<Socket> projectorsAndConsoles() {
        return presence.projectorsAndConsoles();
    }

    /** The shared views, each under the versions it was made from. */
    private static final class Shared {
        private record Key(Feature<?> feature, Viewer viewer) {
        }

        private record Made(long featureVersion, long stateVersion, Optional<JsonNode> json) {
        }

        private final Map<Feature<?>, AtomicLong> versions = new ConcurrentHashMap<>();
        private final Map<Key, Made> made = new ConcurrentHashMap<>();

        void bump(Feature<?> feature) {
            versions.computeIfAbsent(feature, f -> new AtomicLong()).incrementAndGet();
        }

        JsonNode get(Feature<?> feature, Viewer viewer, long stateVersion, Supplier<JsonNode> make) {
            // Versions are read before making: a view made from newer memory is only ever made again.
            long featureVersion = versions.computeIfAbsent(feature, f -> new AtomicLong()).get();
            Key key = new Key(feature, viewer);
            Made m = made.get(key);
            if (m == null || m.featureVersion() != featureVersion || m.stateVersion() != stateVersion) {
                m = new Made(featureVersion, stateVersion, Optional.ofNullable(make.get()));
                made.put(key, m);
            }
            return m.json().orElse(null);
        }
    }
}
