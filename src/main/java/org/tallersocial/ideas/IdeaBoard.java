package org.tallersocial.ideas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tallersocial.live.Page;
import org.tallersocial.questions.Votes;

/** One ideas step's ideas and votes, mirrored from H2; changed in memory after the database. */
final class IdeaBoard {

    private final Map<Long, Idea> ideas = new LinkedHashMap<>();
    private final Votes votes;
    /** Ideas whose line on a phone changed since the phones' last update (new, voted, hidden, merged). */
    private final Set<Long> touched = new LinkedHashSet<>();
    /** The ideas of the phones' list as the last update left it. */
    private Set<Long> onPhones = Set.of();

    IdeaBoard(List<Idea> stored, List<Votes.Vote> votes) {
        stored.forEach(this::put);
        this.votes = new Votes(votes);
    }

    Votes votes() {
        return votes;
    }

    synchronized void put(Idea idea) {
        ideas.put(idea.id(), idea);
        touched.add(idea.id());
    }

    synchronized void vote(Votes.Vote vote) {
        votes.put(vote);
        touched.add(vote.item());
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
        touched.add(from);
        touched.add(into);
    }

    int votes(long ideaId) {
        return votes.count(ideaId);
    }


    /** Ideas waiting for the facilitator, oldest first. */
    synchronized List<Idea> heldOnes() {
        return ideas.values().stream().filter(Idea::held).toList();
    }

    /** People who sent or voted for an idea. */
    synchronized int people() {
        Set<Long> who = new HashSet<>(votes.people());
        ideas.values().forEach(i -> who.add(i.participantId()));
        return who.size();
    }

    /**
     * What phones must change of the top {@link Page#SIZE} they hold: lines new there or changed, and
     * lines gone from it (hidden, merged, or outranked); {@code total} is how many stand in all.
     */
    record Changes(List<Standing> changed, List<Long> gone, int total) {
    }

    /** The phones' lines touched or moved since the last call, once each; the next call starts afresh. */
    synchronized Changes takeChanges() {
        List<Standing> ranked = ranked(false);
        List<Standing> top = Page.top(ranked);
        Set<Long> now = new LinkedHashSet<>();
        List<Standing> changed = new ArrayList<>();
        for (Standing s : top) {
            long id = s.idea().id();
            now.add(id);
            if (touched.contains(id) || !onPhones.contains(id)) {
                changed.add(s);
            }
        }
        List<Long> gone = onPhones.stream().filter(id -> !now.contains(id)).toList();
        touched.clear();
        onPhones = now;
        return new Changes(changed, gone, ranked.size());
    }

    /** A standing idea with its votes and the ideas merged into it, as every list of them shows it. */
    record Standing(Idea idea, int votes, List<Idea> merged) {
    }

    /**
     * Most voted first, then oldest first; with {@code all}, hidden ones too (merged ones never: they
     * sit under theirs). One pass over the board, counted once: it is made ten times a second.
     */
    synchronized List<Standing> ranked(boolean all) {
        Map<Long, List<Idea>> merged = new HashMap<>();
        for (Idea i : ideas.values()) {
            if (i.mergedInto() != null) {
                merged.computeIfAbsent(i.mergedInto(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Standing> out = new ArrayList<>();
        for (Idea i : ideas.values()) {
            // A held idea waits in the console's list of what waits, on no list of ideas.
            if (i.mergedInto() == null && !i.held() && (all || !i.hidden())) {
                out.add(new Standing(i, votes.count(i.id()), merged.getOrDefault(i.id(), List.of())));
            }
        }
        out.sort(Comparator.comparingInt(Standing::votes).reversed().thenComparingLong(s -> s.idea().id()));
        return out;
    }
}
