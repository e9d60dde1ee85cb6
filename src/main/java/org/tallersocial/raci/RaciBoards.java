package org.tallersocial.raci;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tallersocial.content.StepSpec;
import org.tallersocial.workshop.Step;

/**
 * The boards of every RACI step in use. The first time a step is used its
 * roles and activities are copied from the step's template copy into their
 * own rows, once, in one transaction.
 */
final class RaciBoards {

    private final RaciRepository repository;
    private final Map<Long, RaciBoard> boards = new ConcurrentHashMap<>();

    RaciBoards(RaciRepository repository) {
        this.repository = repository;
    }

    RaciBoard of(Step step) {
        return boards.computeIfAbsent(step.id(), id -> load(step));
    }

    private RaciBoard load(Step step) {
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
