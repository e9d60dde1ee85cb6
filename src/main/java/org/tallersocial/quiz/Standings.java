package org.tallersocial.quiz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Room;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;

/**
 * Who stands where in one quiz: the questions of a quiz are the quiz steps that follow one another in
 * the agenda, and a person's points are the sum of their picks on those the room has reached. Equal
 * points share a place (two firsts, then a third), and the board lists only those who chose a nickname.
 */
/**
 * @param last whether this is the quiz's last question, closed: its board is the final one
 */
record Standings(List<Step> questions, List<Line> everyone, boolean last) {

    /** @param rank 1 for the most points; equal points, equal rank */
    record Line(long participantId, String nickname, int points, int rank) {
    }

    static final int BOARD_LINES = 10;

    /** The quiz that question belongs to, with every person who answered any of it. */
    static Standings of(Room room, Step question, QuizBoard board) {
        // The agenda and each question's state are part of the key: a step that closes or moves changes them.
        Object key = java.util.List.of(question.id(), room.steps().stream().map(s -> s.id() + ":" + s.pollState()).toList());
        return board.standings(key, () -> worked(room, question, board));
    }

    private static Standings worked(Room room, Step question, QuizBoard board) {
        List<Step> run = runOf(room.steps(), question);
        Map<Long, Integer> totals = new HashMap<>();
        for (Step s : run) {
            board.picks(s.id()).values().forEach(p -> totals.merge(p.participantId(), p.points(), Integer::sum));
        }
        Map<Long, QuizBoard.Player> players = board.players();
        List<Map.Entry<Long, Integer>> sorted = new ArrayList<>(totals.entrySet());
        sorted.sort(Map.Entry.<Long, Integer>comparingByValue().reversed()
                .thenComparing(e -> nickname(players, e.getKey()), Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            var e = sorted.get(i);
            int rank = i > 0 && lines.get(i - 1).points() == e.getValue() ? lines.get(i - 1).rank() : i + 1;
            lines.add(new Line(e.getKey(), nickname(players, e.getKey()), e.getValue(), rank));
        }
        boolean last = run.get(run.size() - 1).id() == question.id() && question.pollState() == PollState.CLOSED;
        return new Standings(run, lines, last);
    }

    /** The leaderboard: those with a nickname, ranked among themselves, the first ten places. */
    List<Line> board() {
        List<Line> named = new ArrayList<>();
        for (Line l : everyone) {
            if (l.nickname() == null) {
                continue;
            }
            int rank = !named.isEmpty() && named.get(named.size() - 1).points() == l.points()
                    ? named.get(named.size() - 1).rank() : named.size() + 1;
            if (rank > BOARD_LINES) {
                break;
            }
            named.add(new Line(l.participantId(), l.nickname(), l.points(), rank));
        }
        return named;
    }

    java.util.Optional<Line> of(long participantId) {
        return everyone.stream().filter(l -> l.participantId() == participantId).findFirst();
    }

    /** The question's place in its quiz, from 1. */
    int number(Step question) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id() == question.id()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String nickname(Map<Long, QuizBoard.Player> players, long participantId) {
        QuizBoard.Player p = players.get(participantId);
        return p == null ? null : p.nickname();
    }

    /** The unbroken run of quiz steps around a question. */
    static List<Step> runOf(List<Step> steps, Step question) {
        int at = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id() == question.id()) {
                at = i;
            }
        }
        int from = at, to = at;
        while (from > 0 && steps.get(from - 1).kind() == StepKind.QUIZ) {
            from--;
        }
        while (to < steps.size() - 1 && steps.get(to + 1).kind() == StepKind.QUIZ) {
            to++;
        }
        return List.copyOf(steps.subList(from, to + 1));
    }
}
