package org.tallersocial.questions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One workshop's questions and upvotes, mirrored from H2; changed in memory after the database,
 * under the room's lock.
 */
final class QuestionBoard {

    private final Map<Long, Question> questions = new LinkedHashMap<>();
    private final Votes votes;
    private QuestionSettings settings;

    QuestionBoard(List<Question> stored, List<Votes.Vote> votes, QuestionSettings settings) {
        stored.forEach(this::put);
        this.votes = new Votes(votes);
        this.settings = settings;
    }

    Votes votes() {
        return votes;
    }

    synchronized void put(Question q) {
        questions.put(q.id(), q);
    }

    synchronized Optional<Question> get(long id) {
        return Optional.ofNullable(questions.get(id));
    }

    synchronized List<Question> askedBy(long participantId) {
        return questions.values().stream().filter(q -> q.participantId() == participantId).toList();
    }

    int votes(long questionId) {
        return votes.count(questionId);
    }

    synchronized List<Long> votedBy(long participantId) {
        return votes.upBy(participantId).stream().filter(id -> get(id).map(Question::visible).orElse(false)).toList();
    }

    synchronized Optional<Question> pinned() {
        return questions.values().stream().filter(Question::pinned).findFirst();
    }

    /** Open questions first, most voted first, then oldest first; answered ones after them. */
    synchronized List<Question> ranked(boolean onlyVisible) {
        List<Question> out = new ArrayList<>();
        for (Question q : questions.values()) {
            if (!onlyVisible || q.visible()) {
                out.add(q);
            }
        }
        out.sort(Comparator.comparing(Question::answered)
                .thenComparing(Comparator.comparingInt((Question q) -> votes(q.id())).reversed())
                .thenComparingLong(Question::id));
        return out;
    }

    synchronized QuestionSettings settings() {
        return settings;
    }

    synchronized void settings(QuestionSettings updated) {
        this.settings = updated;
    }
}
