package org.tallersocial.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upvotes of a list (questions, ideas): per item, each person's latest vote, up or taken back, with
 * the `seq` it came with, so a late older vote never undoes a newer one. Memory only; callers write
 * the database first.
 */
public final class Votes {

    /** A person's vote on one item; a vote taken back stays as {@code up = false}, for its seq. */
    public record Vote(long item, long participantId, boolean up, long seq) {
    }

    private final Map<Long, Map<Long, Vote>> byItem = new LinkedHashMap<>();

    public Votes(List<Vote> stored) {
        stored.forEach(this::put);
    }

    public synchronized void put(Vote vote) {
        byItem.computeIfAbsent(vote.item(), k -> new LinkedHashMap<>()).put(vote.participantId(), vote);
    }

    public synchronized Optional<Vote> of(long item, long participantId) {
        return Optional.ofNullable(byItem.getOrDefault(item, Map.of()).get(participantId));
    }

    /** The votes up. */
    public synchronized int count(long item) {
        return (int) byItem.getOrDefault(item, Map.of()).values().stream().filter(Vote::up).count();
    }

    /** The items this person votes up. */
    public synchronized List<Long> upBy(long participantId) {
        List<Long> out = new ArrayList<>();
        byItem.forEach((item, votes) -> {
            Vote v = votes.get(participantId);
            if (v != null && v.up()) {
                out.add(item);
            }
        });
        return out;
    }

    /** The people who vote this item up. */
    public synchronized List<Long> voters(long item) {
        return byItem.getOrDefault(item, Map.of()).values().stream().filter(Vote::up).map(Vote::participantId)
                .toList();
    }

    /**
     * What the votes of {@code into} become when {@code from} joins it: each of {@code from}'s voters
     * votes for {@code into}, someone who voted for both counts once, and the newer seq is kept.
     */
    public synchronized List<Vote> mergedInto(long from, long into) {
        Map<Long, Vote> target = byItem.getOrDefault(into, Map.of());
        List<Vote> out = new ArrayList<>();
        for (Vote v : byItem.getOrDefault(from, Map.of()).values()) {
            Vote had = target.get(v.participantId());
            boolean up = v.up() || (had != null && had.up());
            long seq = Math.max(v.seq(), had == null ? 0 : had.seq());
            out.add(new Vote(into, v.participantId(), up, seq));
        }
        return out;
    }

    /** After the database did the same: {@code from}'s votes are gone, {@code into} holds the merged ones. */
    public synchronized void merge(long from, List<Vote> merged) {
        byItem.remove(from);
        merged.forEach(this::put);
    }

    /** Everyone who voted up anything here. */
    public synchronized java.util.Set<Long> people() {
        java.util.Set<Long> who = new java.util.HashSet<>();
        byItem.values().forEach(m -> m.values().stream().filter(Vote::up).forEach(v -> who.add(v.participantId())));
        return who;
    }

}
