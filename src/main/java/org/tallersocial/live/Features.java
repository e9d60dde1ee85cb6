package org.tallersocial.live;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The features this kit runs, in the order their parts go into a snapshot, and which takes each message type. */
public final class Features {

    private final List<Feature<?>> all;
    private final Map<String, Feature<?>> byType;
    private final Map<String, Feature<?>> byQuery;

    public Features(List<Feature<?>> all) {
        this.all = List.copyOf(all);
        this.byType = all.stream().flatMap(f -> f.messageTypes().stream().map(t -> Map.entry(t, f)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.byQuery = all.stream().flatMap(f -> f.queryTypes().stream().map(t -> Map.entry(t, f)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<Feature<?>> all() {
        return all;
    }

    /** The feature that takes late answers (the catch-up window) on steps of this kind, if any does. */
    Optional<Feature<?>> takingLateAnswers(org.tallersocial.content.StepKind kind) {
        return all.stream().filter(f -> f.takesLateAnswers() && f.stepKinds().contains(kind)).findFirst();
    }

    Optional<Feature<?>> forQuery(String type) {
        return Optional.ofNullable(byQuery.get(type));
    }

    Optional<Feature<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
