package org.tallersocial.live;

import java.util.List;
import java.util.Optional;
import org.tallersocial.content.StepKind;
import org.tallersocial.workshop.Step;

/** The exercises this kit runs live, looked up by step kind or by socket message type. */
public final class Exercises {

    private final List<Exercise> all;

    public Exercises(List<Exercise> all) {
        this.all = List.copyOf(all);
    }

    public Optional<Exercise> of(Step step) {
        return of(step.kind());
    }

    public Optional<Exercise> of(StepKind kind) {
        return all.stream().filter(e -> e.kind() == kind).findFirst();
    }

    public Optional<Exercise> forMessage(String type) {
        return all.stream().filter(e -> e.messageTypes().contains(type)).findFirst();
    }
}
