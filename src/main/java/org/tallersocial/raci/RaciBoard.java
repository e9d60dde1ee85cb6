package org.tallersocial.raci;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory mirror of one RACI step, loaded once from H2. Writers hold the
 * board's lock, write H2 first and change the mirror after the commit; the
 * pictures read it under the same lock.
 */
final class RaciBoard {

    private final long stepId;
    private List<Role> roles;
    private List<Activity> activities;
    /** By activity, then person; a LinkedHashMap keeps the room's order stable on screen. */
    private final Map<Long, Map<Long, Proposal>> proposals = new HashMap<>();
    private final Map<RaciMatrix.CellKey, Cell> cells = new HashMap<>();
    private final List<CellChange> changes = new ArrayList<>();
    private Settlement settlement;

    RaciBoard(long stepId, RaciRepository.Loaded loaded) {
        this.stepId = stepId;
        this.roles = List.copyOf(loaded.roles());
        this.activities = List.copyOf(loaded.activities());
        loaded.proposals().forEach(this::put);
        loaded.cells().forEach(this::put);
        changes.addAll(loaded.changes());
        settlement = loaded.settlement();
    }

    long stepId() {
        return stepId;
    }

    List<Role> roles() {
        return roles;
    }

    List<Activity> activities() {
        return activities;
    }

    Optional<Role> role(long id) {
        return roles.stream().filter(r -> r.id() == id).findFirst();
    }

    Optional<Activity> activity(long id) {
        return activities.stream().filter(a -> a.id() == id).findFirst();
    }

    void roles(List<Role> updated) {
        roles = List.copyOf(updated);
    }

    void activities(List<Activity> updated) {
        activities = List.copyOf(updated);
        proposals.keySet().retainAll(updated.stream().map(Activity::id).toList());
        cells.keySet().removeIf(k -> updated.stream().noneMatch(a -> a.id() == k.activityId()));
    }

    Optional<Proposal> proposal(long activityId, long participantId) {
        return Optional.ofNullable(proposals.getOrDefault(activityId, Map.of()).get(participantId));
    }

    List<Proposal> proposalsOf(long participantId) {
        List<Proposal> out = new ArrayList<>();
        for (Activity a : activities) {
            proposal(a.id(), participantId).ifPresent(out::add);
        }
        return out;
    }

    Collection<Proposal> proposalsFor(long activityId) {
        return proposals.getOrDefault(activityId, Map.of()).values();
    }

    /** People with at least one proposal, over every activity. */
    int respondents() {
        return (int) proposals.values().stream().flatMap(m -> m.values().stream())
                .filter(p -> p.accountable() != null || !p.responsible().isEmpty())
                .map(Proposal::participantId).distinct().count();
    }

    void put(Proposal p) {
        proposals.computeIfAbsent(p.activityId(), k -> new LinkedHashMap<>()).put(p.participantId(), p);
    }

    void put(Cell c) {
        cells.put(new RaciMatrix.CellKey(c.activityId(), c.roleId()), c);
    }

    void add(CellChange change) {
        changes.add(change);
    }

    List<CellChange> changes() {
        return List.copyOf(changes);
    }

    Optional<CellChange> change(long id) {
        return changes.stream().filter(c -> c.id() == id).findFirst();
    }

    /** The newest change of a cell, to tell a second editor who changed it before them. */
    Optional<CellChange> lastChange(long activityId, long roleId) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            CellChange c = changes.get(i);
            if (c.activityId() == activityId && c.roleId() == roleId) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    boolean roleInUse(long roleId) {
        return proposals.values().stream().flatMap(m -> m.values().stream()).anyMatch(p -> p.names(roleId))
                || changes.stream().anyMatch(c -> c.roleId() == roleId);
    }

    boolean activityInUse(long activityId) {
        return proposalsFor(activityId).stream().anyMatch(p -> p.accountable() != null || !p.responsible().isEmpty())
                || changes.stream().anyMatch(c -> c.activityId() == activityId);
    }

    RaciMatrix matrix() {
        return new RaciMatrix(roles, activities, cells);
    }

    RoomSpread spread(Activity a) {
        return RoomSpread.of(a, proposalsFor(a.id()));
    }

    Settlement settlement() {
        return settlement;
    }

    void settlement(Settlement updated) {
        settlement = updated;
    }
}
