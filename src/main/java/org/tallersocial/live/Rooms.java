package org.tallersocial.live;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tallersocial.workshop.JoinCodes;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.StepRepository;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopRepository;

/** Every workshop someone has looked at since start, loaded from H2 on first use. */
public final class Rooms {

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();
    /** Every phone's join and reconnect looks its workshop up by code: keep it off the database. */
    private final Map<String, Room> byCode = new ConcurrentHashMap<>();
    private final WorkshopRepository workshops;
    private final StepRepository steps;
    private final ParticipantRepository participants;
    private final Hub hub;

    public Rooms(WorkshopRepository workshops, StepRepository steps, ParticipantRepository participants, Hub hub) {
        this.workshops = workshops;
        this.steps = steps;
        this.participants = participants;
        this.hub = hub;
    }

    public Optional<Room> get(long workshopId) {
        Room room = rooms.get(workshopId);
        if (room != null) {
            return Optional.of(room);
        }
        return workshops.find(workshopId).map(this::load);
    }

    /** @param typed a join code as a person may type it (any case, spaces or dashes), as {@code /j/} takes it */
    public Optional<Room> byOpenCode(String typed) {
        String code = JoinCodes.normalise(typed).orElse(null);
        if (code == null) {
            return Optional.empty();
        }
        Room cached = byCode.get(code);
        if (cached != null && cached.workshop().isOpen()) {
            return Optional.of(cached);
        }
        Optional<Room> room = workshops.findOpenByCode(code).map(w -> get(w.id()).orElseThrow());
        room.ifPresentOrElse(r -> byCode.put(code, r), () -> byCode.remove(code));
        return room;
    }

    public Optional<Workshop> latestByCode(String code) {
        return workshops.findLatestByCode(code);
    }

    /**
     * A deleted workshop: its screens are closed and the room goes, with everything every feature
     * kept of it (all of it lives in the room).
     */
    public void forget(Room room) {
        hub.forget(room);
        rooms.remove(room.workshop().id(), room);
        byCode.values().removeIf(r -> r == room);
    }

    /** Whether this server still holds the workshop in memory. */
    public boolean holds(long workshopId) {
        return rooms.containsKey(workshopId);
    }

    /** Someone joined: the room's count grows and the screens hear of it. */
    public void participantJoined(Room room) {
        room.presence().participantJoined();
        hub.watch(room);
    }

    private Room load(Workshop w) {
        return rooms.computeIfAbsent(w.id(), id -> new Room(w, steps.listForWorkshop(id),
                participants.countForWorkshop(id), participants::displayName, hub));
    }
}
