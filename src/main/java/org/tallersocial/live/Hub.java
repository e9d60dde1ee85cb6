package org.tallersocial.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopState;

/**
 * Fans a workshop's news out to its sockets. A new state (a new step, a poll opening) goes out at
 * once, each screen its own snapshot. What features show is coalesced: after {@link Room#changed}, a
 * feature's update goes to the projector and the console at the next tick (ten a second) and to the
 * phones at most twice a second, so the cost follows the number of screens and not inputs times screens.
 */
public final class Hub implements AutoCloseable, Room.Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    static final long TICK_MILLIS = 100;
    /**
     * Phones send a heartbeat every 20 s (once a minute in a tab the browser throttles); after
     * 90 s of silence a phone is taken for gone.
     */
    static final long SILENT_LIMIT_MILLIS = 90_000;
    private static final int SWEEP_EVERY_TICKS = 20;
    /**
     * Features' updates reach phones every fifth tick: the projector is what the room watches, and in
     * a room of thousands each update to every phone is thousands of sends over the venue's Wi-Fi.
     */
    static final int PHONE_EVERY_TICKS = 5;

    private final ObjectMapper json;
    private final Messages messages;
    private final Features features;
    private final Clock clock;
    private final StorageWatch storage = new StorageWatch();
    private final Map<Long, Room> active = new ConcurrentHashMap<>();
    /** Per room, the state version last published, so a slower publish never overtakes a newer one. */
    private final Map<Room, long[]> published = new ConcurrentHashMap<>();
    /**
     * Per room, the last update each feature sent its phones: one that says the same again is not sent
     * (a RACI proposal changes the projector's picture, not what phones show). Any snapshot in the room
     * forgets it, so a phone that got a newer picture in its snapshot is never left behind.
     */
    private final Map<Room, Map<Feature<?>, String>> toPhones = new ConcurrentHashMap<>();
    private long ticks;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-ticker");
        t.setDaemon(true);
        return t;
    });

    public Hub(ObjectMapper json, Clock clock, Features features) {
        this.json = json;
        this.messages = new Messages(clock, features, storage);
        this.features = features;
        this.clock = clock;
        // With a fixed delay, a slow tick is followed by a pause, not by the missed ticks back to back.
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Socket attach(Room room, Outbound out, Viewer viewer, long participantId) {
        Socket socket = new Socket(out, viewer, room.workshop().id(), participantId);
        socket.heard(clock.millis());
        watch(room);
        synchronized (publishing(room)) {
            room.presence().add(socket);
            toPhones.remove(room);
            socket.send(write(messages.state(room, viewer, participantId)));
        }
        return socket;
    }

    /**
     * What a viewer would be shown on a step, for the agenda editor's preview: the snapshot of a copy of the
     * room, live and on that step, its poll open. The copy is nobody's room: no socket, phone or publish
     * reaches it, and nothing in the real room changes.
     */
    public ObjectNode preview(Room room, long stepId, Viewer viewer) {
        Step shown = room.step(stepId).orElseThrow(() -> new IllegalArgumentException("no step " + stepId));
        Step open = shown.takesAnswers() && shown.pollState() == PollState.PENDING
                ? shown.withPollState(PollState.OPEN) : shown;
        List<Step> steps = room.steps().stream().map(s -> s.id() == stepId ? open : s).toList();
        Workshop w = room.workshop();
        Workshop live = (w.isLive() ? w : w.withState(WorkshopState.LIVE, OffsetDateTime.now(clock)))
                .atStep(shown.position(), null);
        Room copy = new Room(live, steps, 0, id -> java.util.Optional.empty(), NOBODY);
        return messages.state(copy, viewer, 0);
    }

    /** Where the preview's copy of a room publishes: nowhere. */
    private static final Room.Publisher NOBODY = new Room.Publisher() {
        @Override
        public void publishState(Room room) {
        }

        @Override
        public void tell(Room room, long participantId, ObjectNode message) {
        }
    };

    void heardFrom(Socket socket) {
        socket.heard(clock.millis());
    }

    void detach(Room room, Socket socket) {
        room.presence().remove(socket, clock.millis());
    }

    /** A fresh snapshot to one socket: on connect, and when a phone asks after an error. */
    void resend(Room room, Socket socket) {
        synchronized (publishing(room)) {
            toPhones.remove(room);
            socket.send(write(messages.state(room, socket.viewer(), socket.participantId())));
        }
    }

    /**
     * The lock a room's snapshots are sent under, each of them: a snapshot made for a phone that is
     * connecting must not reach it after the newer one a step change sent meanwhile (the phone would
     * stay on the old step).
     */
    private long[] publishing(Room room) {
        return published.computeIfAbsent(room, r -> new long[] {-1});
    }

    /**
     * After every change of the workshop or a step: each screen gets a new snapshot of its own. Publishes
     * of one room go one at a time, and one that finds a newer state already out sends nothing.
     */
    @Override
    public void publishState(Room room) {
        watch(room);
        long[] last = publishing(room);
        synchronized (last) {
            long version = room.stateVersion();
            if (version <= last[0]) {
                return;
            }
            last[0] = version;
            toPhones.remove(room);
            for (Socket socket : room.sockets()) {
                socket.send(write(messages.state(room, socket.viewer(), socket.participantId())));
            }
        }
    }

    @Override
    public void tell(Room room, long participantId, ObjectNode message) {
        Text text = new Text(write(message));
        room.sockets().stream().filter(s -> s.viewer() == Viewer.PHONE && s.participantId() == participantId)
                .forEach(s -> s.send(text));
    }

    /** A reply to one screen; the replies also tell whether the database still takes writes. */
    void send(Socket socket, ObjectNode message) {
        storage.noteReply(message, clock.millis());
        socket.send(write(message));
    }

    /** The ticker looks after a room from the first time anyone connects to it or joins it. */
    void watch(Room room) {
        active.putIfAbsent(room.workshop().id(), room);
    }

    private void tick() {
        if (storage.takeChanged()) {
            tellConsolesAboutStorage();
        }
        ++ticks;
        boolean sweep = ticks % SWEEP_EVERY_TICKS == 0;
        boolean phoneTick = ticks % PHONE_EVERY_TICKS == 0;
        long now = clock.millis();
        for (Room room : active.values()) {
            try {
                if (sweep) {
                    room.sockets().forEach(s -> s.closeIfSilent(now, SILENT_LIMIT_MILLIS));
                }
                sendUpdates(room, room.takeDirty(false), room.projectorsAndConsoles(), Set.of(Viewer.PROJECTOR, Viewer.CONSOLE));
                if (phoneTick) {
                    sendUpdates(room, room.takeDirty(true), room.sockets(), Set.of(Viewer.PHONE));
                }
                if (room.presence().takeDirty(now)) {
                    sendPresence(room);
                }
                features.all().forEach(f -> f.tick(room, now));
            } catch (RuntimeException e) {
                LOG.error("could not publish to workshop {}", room.workshop().id(), e);
            }
        }
    }

    /** Each changed feature's update, made once per viewer kind for the whole room. */
    private void sendUpdates(Room room, Set<Feature<?>> changed, Set<Socket> to, Set<Viewer> viewers) {
        for (Feature<?> feature : changed) {
            Map<Viewer, Text> byViewer = new java.util.EnumMap<>(Viewer.class);
            for (Viewer v : viewers) {
                ObjectNode update = feature.update(room, v);
                if (update != null) {
                    byViewer.put(v, new Text(write(update)));
                }
            }
            Text toPhone = byViewer.get(Viewer.PHONE);
            if (toPhone != null && toPhone.string().equals(
                    toPhones.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(feature, toPhone.string()))) {
                byViewer.remove(Viewer.PHONE);
            }
            if (byViewer.isEmpty()) {
                continue;
            }
            for (Socket socket : to) {
                Text message = byViewer.get(socket.viewer());
                if (message != null) {
                    socket.send(message);
                }
            }
        }
    }

    private void tellConsolesAboutStorage() {
        Text message = new Text(write(messages.storageMessage()));
        for (Room room : active.values()) {
            room.projectorsAndConsoles().stream().filter(s -> s.viewer() == Viewer.CONSOLE).forEach(s -> s.send(message));
        }
    }

    /**
     * Presence, made once per viewer kind (the console's has more in it), and only for the projector
     * and the console: phones never show it, and while a room fills, sending them the count ten times
     * a second cost joins times phones messages.
     */
    private void sendPresence(Room room) {
        Map<Viewer, Text> byViewer = new java.util.EnumMap<>(Viewer.class);
        for (Socket socket : room.projectorsAndConsoles()) {
            socket.send(byViewer.computeIfAbsent(socket.viewer(), v -> new Text(write(messages.presenceMessage(room, v)))));
        }
    }

    String write(ObjectNode message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode pong() {
        return JsonNodeFactory.instance.objectNode().put("type", "pong");
    }

    /** A deleted workshop: its screens are closed and the ticker lets it go. */
    void forget(Room room) {
        active.remove(room.workshop().id(), room);
        published.remove(room);
        toPhones.remove(room);
        room.sockets().forEach(Socket::closeForRestart);
    }

    /** Closes every screen's socket with a clear reason before the server stops. */
    public void closeSockets() {
        for (Room room : active.values()) {
            room.sockets().forEach(socket -> {
                try {
                    socket.closeForRestart();
                } catch (RuntimeException e) {
                    LOG.debug("socket already gone", e);
                }
            });
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
