package org.tallersocial.quiz;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A room's quiz in memory: each question's picks, and each person's choice for the leaderboard (a
 * nickname, or staying off it). Under the room's lock for changes; its own monitor keeps reads whole.
 */
final class QuizBoard {

    /** One phone's answer to one question, final once made. */
    record Pick(long participantId, int option, int points, long elapsedMillis, long seq) {
    }

    /** @param nickname null: off the leaderboard */
    record Player(long participantId, String nickname, long seq) {
    }

    private final Map<Long, Map<Long, Pick>> picks;
    private final Map<Long, Player> players;
    /** The question whose leaderboard is on show, 0 for none: a console action, kept in memory only. */
    private long boardShown;
    /** Grows with every pick and nickname: what {@link #standings} was worked out from. */
    private long version;
    private Object standingsKey;
    private Standings standings;

    QuizBoard(Map<Long, Map<Long, Pick>> picks, Map<Long, Player> players) {
        this.picks = new HashMap<>(picks);
        this.players = new HashMap<>(players);
    }

    synchronized Optional<Pick> pick(long stepId, long participantId) {
        return Optional.ofNullable(picks.getOrDefault(stepId, Map.of()).get(participantId));
    }

    synchronized Map<Long, Pick> picks(long stepId) {
        return new LinkedHashMap<>(picks.getOrDefault(stepId, Map.of()));
    }

    synchronized void put(long stepId, Pick pick) {
        picks.computeIfAbsent(stepId, s -> new LinkedHashMap<>()).put(pick.participantId(), pick);
        version++;
    }

    synchronized Optional<Player> player(long participantId) {
        return Optional.ofNullable(players.get(participantId));
    }

    synchronized Map<Long, Player> players() {
        return new HashMap<>(players);
    }

    synchronized void put(Player player) {
        players.put(player.participantId(), player);
        version++;
    }

    /**
     * The standings for a question as the room holds it, worked out once per change: closing a question
     * sends every phone its own snapshot, and each would otherwise rank the whole room again.
     */
    Standings standings(Object question, java.util.function.Supplier<Standings> make) {
        Object key;
        synchronized (this) {
            key = java.util.List.of(question, version);
            if (key.equals(standingsKey)) {
                return standings;
            }
        }
        Standings made = make.get();
        synchronized (this) {
            standingsKey = key;
            standings = made;
        }
        return made;
    }

    /** Whether another person already shows this nickname, case and accents aside. */
    synchronized boolean taken(String nickname, long participantId) {
        String folded = org.tallersocial.questions.PhoneText.sameness(nickname);
        return players.values().stream().anyMatch(p -> p.participantId() != participantId && p.nickname() != null
                && org.tallersocial.questions.PhoneText.sameness(p.nickname()).equals(folded));
    }

    synchronized long boardShown() {
        return boardShown;
    }

    synchronized void boardShown(long stepId) {
        boardShown = stepId;
    }
}
