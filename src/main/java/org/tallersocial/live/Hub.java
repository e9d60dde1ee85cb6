package org.tallersocial.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.workshop.Step;

/**
 * Fans a workshop's events out to its sockets. State changes (a new step, a
 * poll opening) go out at once; results and presence are coalesced and sent
 * at most ten times a second (a poll's results to phones twice a second), so
 * the cost follows the number of screens and not votes times screens.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    static final long TICK_MILLIS = 100;
    /**
     * Phones send a heartbeat every 20 s (once a minute in a tab the browser throttles); after
     * 90 s of silence a phone is taken for gone.
     */
    static final long SILENT_LIMIT_MILLIS = 90_000;
    private static final int SWEEP_EVERY_TICKS = 20;
    /**
     * A poll's live results reach phones every fifth tick: the projector is what the room watches,
     * and in a room of thousands each update to every phone is thousands of sends over the venue's Wi-Fi.
     */
    static final int PHONE_RESULTS_EVERY_TICKS = 5;

    private final Rooms rooms;
    private final ObjectMapper json;
    private final Messages messages;
    private final Clock clock;
    private final Exercises exercises;
    private final StorageWatch storage = new StorageWatch();
    private final Map<Long, Room> active = new java.util.concurrent.ConcurrentHashMap<>();
    private long ticks;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-ticker");
        t.setDaemon(true);
        return t;
    });

    public Hub(Rooms rooms, ObjectMapper json, Clock clock, Exercises exercises) {
        this.rooms = rooms;
        this.json = json;
        this.messages = new Messages(clock, exercises, storage);
        this.clock = clock;
        this.exercises = exercises;
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Socket attach(Room room, Outbound out, Viewer viewer, long participantId) {
        Socket socket = new Socket(out, viewer, room.workshop().id(), participantId);
        socket.heard(clock.millis());
        room.add(socket);
        active.put(room.workshop().id(), room);
        socket.send(write(messages.state(room, viewer, participantId)));
        return socket;
    }

    public void heardFrom(Socket socket) {
        socket.heard(clock.millis());
    }

    public void detach(Room room, Socket socket) {
        room.remove(socket, clock.millis());
    }

    /** A fresh snapshot to one socket: on connect, and when a phone asks after an error. */
    public void resend(Room room, Socket socket) {
        socket.send(write(messages.state(room, socket.viewer(), socket.participantId())));
    }

    /** After every change of what is on show: each screen gets a new snapshot of its own. */
    public void publishState(Room room) {
        active.put(room.workshop().id(), room);
        Messages.Round round = new Messages.Round();
        for (Socket socket : room.sockets()) {
            socket.send(write(messages.state(room, socket.viewer(), socket.participantId(), round)));
        }
    }

    /** A reply to one screen; the replies also tell whether the database still takes writes. */
    public void send(Socket socket, ObjectNode message) {
        storage.noteReply(message, clock.millis());
        socket.send(write(message));
    }

    public void participantJoined(Room room) {
        room.participantJoined();
        active.put(room.workshop().id(), room);
    }

    private void tick() {
        if (storage.takeChanged()) {
            tellConsolesAboutStorage();
        }
        ++ticks;
        boolean sweep = ticks % SWEEP_EVERY_TICKS == 0;
        boolean phoneTick = ticks % PHONE_RESULTS_EVERY_TICKS == 0;
        for (Room room : active.values()) {
            if (sweep) {
                long now = clock.millis();
                room.sockets().forEach(s -> s.closeIfSilent(now, SILENT_LIMIT_MILLIS));
            }
            try {
                boolean screens = room.takeResultsDirty();
                boolean phones = phoneTick && room.takePhoneResultsDirty();
                if (screens || phones) {
                    sendResults(room, screens, phones);
                }
                if (room.dropExpired(clock.millis())) {
                    room.markPresenceDirty();
                }
                if (room.takeFeaturesDirty()) {
                    sendFeatureUpdates(room);
                }
                if (room.takePresenceDirty()) {
                    sendPresence(room);
                }
            } catch (RuntimeException e) {
                LOG.error("could not publish to workshop {}", room.workshop().id(), e);
            }
        }
    }

    /** @param screens whether the projector and console are due an update; phones, whether phones are */
    private void sendResults(Room room, boolean screens, boolean phones) {
        Step step = room.current();
        if (!step.isPoll()) {
            if (screens) {
                sendPicture(room, step);
            }
            return;
        }
        boolean toPhones = phones && Messages.mayShowResults(step, Viewer.PHONE);
        Map<Viewer, String> byViewer = new EnumMap<>(Viewer.class);
        for (Socket socket : toPhones ? room.sockets() : room.screens()) {
            boolean due = socket.viewer() == Viewer.PHONE ? toPhones : screens;
            if (!due || !Messages.mayShowResults(step, socket.viewer())) {
                continue;
            }
            String message = byViewer.computeIfAbsent(socket.viewer(),
                    v -> write(messages.resultsMessage(room, step, v)));
            socket.send(message);
        }
    }

    private void tellConsolesAboutStorage() {
        String message = write(messages.storageMessage());
        for (Room room : active.values()) {
            room.screens().stream().filter(s -> s.viewer() == Viewer.CONSOLE).forEach(s -> s.send(message));
        }
    }

    /**
     * Presence, computed once per viewer kind (the console's has more in it), and only for the
     * projector and the console: phones never show it, and while a room fills, sending them the
     * count ten times a second cost joins times phones messages.
     */
    private void sendPresence(Room room) {
        Map<Viewer, String> byViewer = new EnumMap<>(Viewer.class);
        for (Socket socket : room.screens()) {
            socket.send(byViewer.computeIfAbsent(socket.viewer(), v -> write(messages.presenceMessage(room, v))));
        }
    }

    /** An exercise's picture, computed once per viewer kind for the whole room. */
    private void sendPicture(Room room, Step step) {
        Map<Viewer, java.util.Optional<String>> byViewer = new EnumMap<>(Viewer.class);
        for (Socket socket : room.sockets()) {
            byViewer.computeIfAbsent(socket.viewer(),
                    v -> java.util.Optional.ofNullable(messages.pictureMessage(room, step, v)).map(this::write))
                    .ifPresent(socket::send);
        }
    }

    /** Each every-step feature's update, computed once per viewer kind for the whole room. */
    private void sendFeatureUpdates(Room room) {
        for (RoomFeature feature : exercises.features()) {
            Map<Viewer, java.util.Optional<String>> byViewer = new EnumMap<>(Viewer.class);
            for (Socket socket : room.sockets()) {
                byViewer.computeIfAbsent(socket.viewer(),
                        v -> java.util.Optional.ofNullable(feature.update(room, v)).map(this::write))
                        .ifPresent(socket::send);
            }
        }
    }

    String write(ObjectNode message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public Rooms rooms() {
        return rooms;
    }

    /** A deleted workshop: its screens are closed and nothing of it stays in memory. */
    public void forget(Room room) {
        active.remove(room.workshop().id());
        room.sockets().forEach(Socket::closeForRestart);
        rooms.forget(room);
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
