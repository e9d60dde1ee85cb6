package org.tallersocial.raci;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tallersocial.content.StepSpec;
import org.tallersocial.live.Room;
import org.tallersocial.workshop.Step;

/**
 * The boards of every RACI step in use. The first time a step is used its
 * roles and activities are copied from the step's template copy into their
 * own rows, once, in one transaction.
 */
final class RaciBoards {

    private RaciBoards() {
    }

    /** The board of a RACI step, kept in the room's memory once loaded. */
    static RaciBoard of(Room room, Object owner, RaciRepository repository, Step step) {
        Map<Long, RaciBoard> boards = room.part(owner, r -> new ConcurrentHashMap<Long, RaciBoard>());
        return boards.computeIfAbsent(step.id(), id -> load(repository, step));
    }

    /**
     * The step's roles or activities were edited before the matrix opened: its rows (which hold no letter
     * yet) go, and the next use seeds them again from the edited spec.
     */
    static void forget(Room room, Object owner, RaciRepository repository, Step step) {
        Map<Long, RaciBoard> boards = room.part(owner, r -> new ConcurrentHashMap<Long, RaciBoard>());
        boards.remove(step.id());
        repository.deleteLayout(step.id());
    }

    private static RaciBoard load(RaciRepository repository, Step step) {
        RaciRepository.Loaded loaded = repository.load(step.id());
        if (loaded.roles().isEmpty() && loaded.activities().isEmpty()) {
            StepSpec.ExerciseSpec spec = step.spec().exercise();
            List<String> roles = spec == null || spec.roles() == null ? List.of() : spec.roles();
            List<String> activities = spec == null || spec.activities() == null ? List.of() : spec.activities();
            repository.inTransaction(tx -> {
                for (int i = 0; i < roles.size(); i++) {
                    tx.insertRole(step.id(), i, roles.get(i));
                }
                for (int i = 0; i < activities.size(); i++) {
                    tx.insertActivity(step.id(), i, activities.get(i));
                }
            });
            loaded = repository.load(step.id());
        }
        return new RaciBoard(step.id(), loaded);
    }
}
