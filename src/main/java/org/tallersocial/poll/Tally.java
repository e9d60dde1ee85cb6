package org.tallersocial.poll;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed answers of one poll, held in memory so that results cost no
 * query. Only the answer writer adds to it, after the database commit.
 */
public final class Tally {

    /**
     * One person's current answer; answerId is what the console uses to hide a text answer. A held one
     * waits for the facilitator (the word filter caught it): no screen but the console's list shows it.
     */
    public record Entry(long answerId, long participantId, JsonNode value, long seq, boolean hidden, boolean held) {

        /** What every screen may show: neither hidden nor waiting. */
        public boolean onShow() {
            return !hidden && !held;
        }
    }

    private final Map<Long, Entry> byParticipant = new LinkedHashMap<>();

    public synchronized void put(Entry entry) {
        byParticipant.remove(entry.participantId());
        byParticipant.put(entry.participantId(), entry);
    }

    public synchronized Optional<Entry> of(long participantId) {
        return Optional.ofNullable(byParticipant.get(participantId));
    }

    public synchronized boolean hide(long answerId, boolean hidden) {
        for (Entry e : byParticipant.values()) {
            if (e.answerId() == answerId) {
                byParticipant.put(e.participantId(), new Entry(e.answerId(), e.participantId(), e.value(), e.seq(), hidden,
                        e.held()));
                return true;
            }
        }
        return false;
    }

    /** A waiting answer let through (approved), or kept hidden for good (rejected); false when none waits with this id. */
    public synchronized boolean decide(long answerId, boolean approve) {
        for (Entry e : byParticipant.values()) {
            if (e.answerId() == answerId && e.held()) {
                byParticipant.put(e.participantId(), new Entry(e.answerId(), e.participantId(), e.value(), e.seq(),
                        !approve, false));
                return true;
            }
        }
        return false;
    }

    /** Oldest first, so open-text walls read in the order people wrote. */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(byParticipant.values());
    }

    public synchronized int size() {
        return byParticipant.size();
    }
}
