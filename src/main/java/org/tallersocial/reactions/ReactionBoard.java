package org.tallersocial.reactions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A room's reactions in memory: each step's counts as stored, what arrived since the projector was last
 * told (its next burst), and per phone only what pacing and retries need (the last sequence number and
 * the times of its last few reactions). Nothing here is ever written with a participant.
 */
final class ReactionBoard {

    /** A phone may react this many times in {@link #PACE_MILLIS}: a flurry, not a drum roll. */
    static final int PACE = 5;
    static final long PACE_MILLIS = 5_000;

    private final Map<Long, EnumMap<Reaction, Integer>> byStep;
    private final Map<Long, Phone> phones = new HashMap<>();
    private final EnumMap<Reaction, Integer> burst = new EnumMap<>(Reaction.class);
    private long burstStep;
    private Offered offered;

    private static final class Phone {
        long lastSeq;
        final Deque<Long> recent = new ArrayDeque<>();
    }

    ReactionBoard(Map<Long, EnumMap<Reaction, Integer>> stored, Offered offered) {
        this.byStep = new LinkedHashMap<>(stored);
        this.offered = offered;
    }

    synchronized Offered offered() {
        return offered;
    }

    synchronized void offered(Offered now) {
        offered = now;
    }

    /** Whether this phone's reaction with this number, or a later one, was already counted. */
    synchronized boolean counted(long participantId, long seq) {
        Phone p = phones.get(participantId);
        return p != null && p.lastSeq >= seq;
    }

    /** Whether this phone has reacted {@link #PACE} times in the last {@link #PACE_MILLIS}. */
    synchronized boolean tooFast(long participantId, long now) {
        Phone p = phones.get(participantId);
        if (p == null) {
            return false;
        }
        while (!p.recent.isEmpty() && p.recent.peekFirst() <= now - PACE_MILLIS) {
            p.recent.removeFirst();
        }
        return p.recent.size() >= PACE;
    }

    /** A stored reaction: its step's count, the projector's next burst, the phone's pace. */
    synchronized int add(long stepId, Reaction reaction, long participantId, long seq, long now) {
        int count = byStep.computeIfAbsent(stepId, s -> new EnumMap<>(Reaction.class)).merge(reaction, 1, Integer::sum);
        if (burstStep != stepId) {
            burst.clear();
            burstStep = stepId;
        }
        burst.merge(reaction, 1, Integer::sum);
        Phone p = phones.computeIfAbsent(participantId, id -> new Phone());
        p.lastSeq = Math.max(p.lastSeq, seq);
        p.recent.addLast(now);
        return count;
    }

    /** The reactions since the last call, and the step they were for; empty when none came. */
    synchronized Burst takeBurst() {
        Burst taken = new Burst(burstStep, new EnumMap<>(burst));
        burst.clear();
        return taken;
    }

    record Burst(long step, Map<Reaction, Integer> counts) {
    }

    /** Every step's counts, steps in the order they were first reacted to. */
    synchronized Map<Long, Map<Reaction, Integer>> counts() {
        Map<Long, Map<Reaction, Integer>> copy = new LinkedHashMap<>();
        byStep.forEach((step, counts) -> copy.put(step, new EnumMap<>(counts)));
        return copy;
    }

    synchronized Map<Reaction, Integer> counts(long stepId) {
        EnumMap<Reaction, Integer> counts = byStep.get(stepId);
        return counts == null ? Map.of() : new EnumMap<>(counts);
    }
}
