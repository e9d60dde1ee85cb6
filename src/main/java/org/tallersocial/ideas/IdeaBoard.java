package org.tallersocial.ideas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One ideas step's ideas and votes, mirrored from H2; written under its lock after the database. */
final class IdeaBoard {

    private final Map<Long, Idea> ideas = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> voters = new LinkedHashMap<>();

    IdeaBoard(List<Idea> stored, List<IdeaRepository.Upvote> upvotes) {
        stored.forEach(this::put);
        upvotes.forEach(u -> voters.computeIfAbsent(u.ideaId(), k -> new HashSet<>()).add(u.participantId()));
    }

    synchronized void put(Idea idea) {
        ideas.put(idea.id(), idea);
    }

    synchronized Optional<Idea> get(long id) {
        return Optional.ofNullable(ideas.get(id));
    }

    synchronized List<Idea> by(long participantId) {
        return ideas.values().stream().filter(i -> i.participantId() == participantId).toList();
    }

    synchronized void vote(long ideaId, long participantId, boolean up) {
        Set<Long> who = voters.computeIfAbsent(ideaId, k -> new HashSet<>());
        if (up) {
            who.add(participantId);
        } else {
            who.remove(participantId);
        }
    }

    /** As the repository merges: voters move to the target, earlier merges follow. */
    synchronized void merge(long from, long into) {
        Set<Long> moved = voters.remove(from);
        if (moved != null) {
            voters.computeIfAbsent(into, k -> new HashSet<>()).addAll(moved);
        }
        for (Idea i : List.copyOf(ideas.values())) {
            if (i.id() == from || (i.mergedInto() != null && i.mergedInto() == from)) {
                ideas.put(i.id(), i.mergedInto(into));
            }
        }
    }

    synchronized int votes(long ideaId) {
        return voters.getOrDefault(ideaId, Set.of()).size();
    }

    synchronized List<Long> votedBy(long participantId) {
        return voters.entrySet().stream().filter(e -> e.getValue().contains(participantId))
                .map(Map.Entry::getKey).toList();
    }

    synchronized List<Idea> mergedInto(long id) {
        return ideas.values().stream().filter(i -> i.mergedInto() != null && i.mergedInto() == id).toList();
    }

    /** People who sent or voted for an idea. */
    synchronized int people() {
        Set<Long> who = new HashSet<>();
        ideas.values().forEach(i -> who.add(i.participantId()));
        voters.values().forEach(who::addAll);
        return who.size();
    }

    /** Most voted first, then oldest first; with {@code all}, hidden ones too (merged ones never: they sit under theirs). */
    synchronized List<Idea> ranked(boolean all) {
        List<Idea> out = new ArrayList<>();
        for (Idea i : ideas.values()) {
            if (i.mergedInto() == null && (all || !i.hidden())) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingInt((Idea i) -> votes(i.id())).reversed().thenComparingLong(Idea::id));
        return out;
    }
}
