package org.tallersocial.live;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tallersocial.content.StepKind;
import org.tallersocial.workshop.Step;

/**
 * The exercises this kit runs live, looked up by step kind, and the features
 * that run on every step (questions); both take socket messages by type.
 */
public final class Exercises {

    private final List<Exercise> all;
    private final List<RoomFeature> features;

    public Exercises(List<Exercise> all) {
        this(all, List.of());
    }

    public Exercises(List<Exercise> all, List<RoomFeature> features) {
        this.all = List.copyOf(all);
        this.features = List.copyOf(features);
    }

    public Optional<Exercise> of(Step step) {
        return of(step.kind());
    }

    public Optional<Exercise> of(StepKind kind) {
        return all.stream().filter(e -> e.kind() == kind).findFirst();
    }

    public Optional<MessageHandler> forMessage(String type) {
        return Stream.concat(all.stream(), features.stream())
                .filter(e -> e.messageTypes().contains(type)).map(MessageHandler.class::cast).findFirst();
    }

    public List<RoomFeature> features() {
        return features;
    }
}
