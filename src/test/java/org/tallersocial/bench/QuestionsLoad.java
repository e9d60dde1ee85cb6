package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Questions from the room, which work on every step (the round uses the agenda's first): each
 * phone asks one, anonymously, then upvotes up to three of the others' it has seen in the
 * {@code questions} lists it received. Phones and the projector get at most 50 questions, so
 * the console, which gets every question with its votes, is the screen that shows them all counted.
 */
final class QuestionsLoad implements ExerciseLoad {

    private final Upvotes votes = new Upvotes("upvote", "question");

    @Override
    public String kind() {
        return "questions";
    }

    @Override
    public BenchRoom.StepChoice step(Path contentFile) throws IOException {
        return BenchRoom.firstStep(contentFile, null);
    }

    @Override
    public int inputsPerPhone(Phone phone) {
        return 1 + Upvotes.PER_PHONE;
    }

    @Override
    public boolean readsLists() {
        return true;
    }

    @Override
    public boolean onConsole() {
        return true;
    }

    static String text(Phone phone) {
        return "Question " + phone.index + ": who answers the reviews on Google?";
    }

    @Override
    public ObjectNode input(Phone phone, int n) {
        if (n == 0) {
            return phone.message("question").put("text", text(phone)).put("anonymous", true);
        }
        JsonNode seen = ExerciseLoad.Lists.parse(phone.lastQuestions).path("questions").path("list");
        return votes.next(phone, seen, text(phone));
    }

    /** A {@code questions} message or a snapshot: both carry the whole list (the console's, every question). */
    @Override
    public Map<String, Long> counted(JsonNode message, long stepId) {
        String type = message.path("type").asText();
        JsonNode list = message.path("questions").path("list");
        return (type.equals("questions") || type.equals("state")) && list.isArray() ? Upvotes.counted(list) : null;
    }

    @Override
    public Map<String, Long> expected(List<PhoneMessage> acked) {
        return votes.expected(acked, "question");
    }

    @Override
    public String exactMeans() {
        return "the CONSOLE's list (the projector gets at most 50) holds every acked question and its votes add up"
                + " to the acked upvotes";
    }

    @Override
    public List<Ledger> ledgers() {
        return List.of(
                new Ledger("questions", "SELECT p.DISPLAY_NAME, q.CLIENT_ID FROM QUESTION q"
                        + " JOIN PARTICIPANT p ON p.ID = q.PARTICIPANT_ID WHERE q.WORKSHOP_ID = ?", true,
                        m -> m.type().equals("question") ? m.id : null),
                new Ledger("question upvotes", "SELECT p.DISPLAY_NAME, CAST(u.QUESTION_ID AS VARCHAR)"
                        + " FROM QUESTION_UPVOTE u JOIN QUESTION q ON q.ID = u.QUESTION_ID"
                        + " JOIN PARTICIPANT p ON p.ID = u.PARTICIPANT_ID WHERE q.WORKSHOP_ID = ? AND u.UP", true,
                        Upvotes::about));
    }
}
