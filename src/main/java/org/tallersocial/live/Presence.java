package org.tallersocial.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Who is connected, and how many joined; kept as counts because every snapshot reports them. */
final class Presence {
    static final long DROPPED_WINDOW_MILLIS = 60_000;
    static final long TURNED_AWAY_WINDOW_MILLIS = 10 * 60_000;
    private static final int TURNED_AWAY_KEPT = 10_000;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Socket> projectorsAndConsoles = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> phonesByParticipant = new ConcurrentHashMap<>();
    /** The same for phones on the event-stream fallback: the console counts them, to spot a proxy in the way. */
    private final Map<Long, Integer> fallbackByParticipant = new ConcurrentHashMap<>();
    /** When each person whose phone is gone lost their last socket, so the console can say who dropped lately. */
    private final Map<Long, Long> droppedAt = new ConcurrentHashMap<>();
    /** When someone with this room's right code was turned away because their network guessed too many. */
    private final java.util.Deque<Long> turnedAwayAt = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final AtomicInteger joined;
    private final AtomicBoolean dirty = new AtomicBoolean();

    Presence(int joined) {
        this.joined = new AtomicInteger(joined);
    }

    int joined() {
        return joined.get();
    }

    int connected() {
        return phonesByParticipant.size();
    }

    int fallback() {
        return fallbackByParticipant.size();
    }

    Set<Socket> sockets() {
        return sockets;
    }

    Set<Socket> projectorsAndConsoles() {
        return projectorsAndConsoles;
    }

    void participantJoined() {
        joined.incrementAndGet();
        dirty.set(true);
    }

    void add(Socket socket) {
        if (socket.viewer() != Viewer.PHONE) {
            projectorsAndConsoles.add(socket);
        }
        if (sockets.add(socket) && socket.viewer() == Viewer.PHONE) {
            phonesByParticipant.merge(socket.participantId(), 1, Integer::sum);
            droppedAt.remove(socket.participantId());
            if (socket.isFallback()) {
                fallbackByParticipant.merge(socket.participantId(), 1, Integer::sum);
            }
        }
        dirty.set(true);
    }

    void remove(Socket socket, long nowMillis) {
        projectorsAndConsoles.remove(socket);
        if (sockets.remove(socket) && socket.viewer() == Viewer.PHONE) {
            // A person with two tabs stays connected until the last one closes.
            Integer left = phonesByParticipant.computeIfPresent(socket.participantId(),
                    (id, n) -> n > 1 ? n - 1 : null);
            if (left == null) {
                droppedAt.put(socket.participantId(), nowMillis);
            }
            if (socket.isFallback()) {
                fallbackByParticipant.computeIfPresent(socket.participantId(), (id, n) -> n > 1 ? n - 1 : null);
            }
        }
        dirty.set(true);
    }

    /** People whose phone dropped within the last minute and has not come back. */
    int droppedLately(long nowMillis) {
        droppedAt.values().removeIf(at -> nowMillis - at > DROPPED_WINDOW_MILLIS);
        return droppedAt.size();
    }

    void turnedAway(long nowMillis) {
        turnedAwayAt.addLast(nowMillis);
        if (turnedAwayAt.size() > TURNED_AWAY_KEPT) {
            turnedAwayAt.pollFirst();
        }
        dirty.set(true);
    }

    int turnedAwayLately(long nowMillis) {
        turnedAwayAt.removeIf(at -> nowMillis - at > TURNED_AWAY_WINDOW_MILLIS);
        return turnedAwayAt.size();
    }

    /** Whether the counts shown changed: something happened, or a drop or a turn-away is about to leave its window. */
    boolean takeDirty(long nowMillis) {
        boolean expiring = droppedAt.values().stream().anyMatch(at -> nowMillis - at > DROPPED_WINDOW_MILLIS);
        Long oldest = turnedAwayAt.peekFirst();
        boolean turnAwayExpiring = oldest != null && nowMillis - oldest > TURNED_AWAY_WINDOW_MILLIS;
        return dirty.getAndSet(false) | expiring | turnAwayExpiring;
    }
}
