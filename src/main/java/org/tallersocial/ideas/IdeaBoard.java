package org.tallersocial.ideas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tallersocial.questions.Votes;

/** One ideas step's ideas and votes, mirrored from H2; changed in memory after the database. */
final class IdeaBoard {

    private final Map<Long, Idea> ideas = new LinkedHashMap<>();
    private final Votes votes;

    IdeaBoard(List<Idea> stored, List<Votes.Vote> votes) {
        stored.forEach(this::put);
        this.votes = new Votes(votes);
    }

    Votes votes() {
        return votes;
    }

    synchronized void put(Idea idea) {
        ideas.put(idea.id(), idea);
    }

    synchronized Optional<Idea> get(long id) {
        return Optional.ofNullable(ideas.get(id));
    }

    /** The idea a vote for this one counts for: itself, or the one it was merged into. */
    synchronized Optional<Idea> standingFor(long id) {
        Idea idea = ideas.get(id);
        return Optional.ofNullable(idea != null && idea.mergedInto() != null ? ideas.get(idea.mergedInto()) : idea);
    }

    synchronized List<Idea> by(long participantId) {
        return ideas.values().stream().filter(i -> i.participantId() == participantId).toList();
    }

    /** As the repository merges: votes move to the target, earlier merges follow. */
    synchronized void merge(long from, long into, List<Votes.Vote> merged) {
        votes.merge(from, merged);
        for (Idea i : List.copyOf(ideas.values())) {
            if (i.id() == from || (i.mergedInto() != null && i.mergedInto() == from)) {
                ideas.put(i.id(), i.mergedInto(into));
            }
        }
    }

    int votes(long ideaId) {
        return votes.count(ideaId);
    }

    synchronized List<Idea> mergedInto(long id) {
        return ideas.values().stream().filter(i -> i.mergedInto() != null && i.mergedInto() == id).toList();
    }

    /** People who sent or voted for an idea. */
    synchronized int people() {
        Set<Long> who = new HashSet<>(votes.people());
        ideas.values().forEach(i -> who.add(i.participantId()));
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
