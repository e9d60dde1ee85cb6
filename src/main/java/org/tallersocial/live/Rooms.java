package org.tallersocial.live;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tallersocial.poll.AnswerRepository;
import org.tallersocial.poll.Tally;
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
    private final AnswerRepository answers;

    public Rooms(WorkshopRepository workshops, StepRepository steps, ParticipantRepository participants,
                 AnswerRepository answers) {
        this.workshops = workshops;
        this.steps = steps;
        this.participants = participants;
        this.answers = answers;
    }

    public Optional<Room> get(long workshopId) {
        Room room = rooms.get(workshopId);
        if (room != null) {
            return Optional.of(room);
        }
        return workshops.find(workshopId).map(this::load);
    }

    public Optional<Room> byOpenCode(String code) {
        Room cached = byCode.get(code);
        if (cached != null && cached.workshop().isOpen()) {
            return Optional.of(cached);
        }
        Optional<Room> room = workshops.findOpenByCode(code).map(w -> get(w.id()).orElseThrow());
        room.ifPresentOrElse(r -> byCode.put(code, r), () -> byCode.remove(code));
        return room;
    }

    void forget(Room room) {
        rooms.remove(room.workshop().id());
        byCode.values().removeIf(r -> r == room);
    }

    public Optional<Workshop> latestByCode(String code) {
        return workshops.findLatestByCode(code);
    }

    private Room load(Workshop w) {
        return rooms.computeIfAbsent(w.id(), id -> new Room(w, steps.listForWorkshop(id),
                participants.countForWorkshop(id), this::loadTally));
    }

    private Tally loadTally(long stepId) {
        Tally tally = new Tally();
        answers.loadForStep(stepId).forEach(tally::put);
        return tally;
    }
}
