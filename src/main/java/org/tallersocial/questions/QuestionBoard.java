package org.tallersocial.questions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One workshop's questions and upvotes, mirrored from H2. Callers hold the
 * board's lock while they write to the database and then to the board, so the
 * two never disagree.
 */
final class QuestionBoard {

    private final Map<Long, Question> questions = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> voters = new LinkedHashMap<>();
    private QuestionSettings settings;
    /** Grows with every change, so a list already written for a viewer kind can be reused until the next. */
    private int version;

    QuestionBoard(List<Question> stored, List<QuestionRepository.Upvote> upvotes, QuestionSettings settings) {
        stored.forEach(this::put);
        upvotes.forEach(u -> voters.computeIfAbsent(u.questionId(), k -> new HashSet<>()).add(u.participantId()));
        this.settings = settings;
    }

    synchronized void put(Question q) {
        questions.put(q.id(), q);
        version++;
    }

    synchronized int version() {
        return version;
    }

    synchronized Optional<Question> get(long id) {
        return Optional.ofNullable(questions.get(id));
    }

    synchronized List<Question> askedBy(long participantId) {
        return questions.values().stream().filter(q -> q.participantId() == participantId).toList();
    }

    synchronized void vote(long questionId, long participantId, boolean up) {
        Set<Long> who = voters.computeIfAbsent(questionId, k -> new HashSet<>());
        if (up) {
            who.add(participantId);
        } else {
            who.remove(participantId);
        }
        version++;
    }

    synchronized int votes(long questionId) {
        return voters.getOrDefault(questionId, Set.of()).size();
    }

    synchronized List<Long> votedBy(long participantId) {
        return voters.entrySet().stream().filter(e -> e.getValue().contains(participantId))
                .map(Map.Entry::getKey).filter(id -> get(id).map(Question::visible).orElse(false)).toList();
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
        version++;
    }
}
