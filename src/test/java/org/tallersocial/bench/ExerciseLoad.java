package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one exercise has each phone of the room send, how a screen shows the room's inputs all
 * counted, and where the database keeps them. {@link ExerciseRound} drives any of them the same way.
 */
interface ExerciseLoad {

    List<String> KINDS = List.of("profiles", "raci", "ideas", "questions", "reactions");

    static ExerciseLoad of(String kind) {
        return switch (kind) {
            case "profiles" -> new ProfilesLoad();
            case "raci" -> new RaciLoad();
            case "ideas" -> new IdeasLoad();
            case "questions" -> new QuestionsLoad();
            case "reactions" -> new ReactionsLoad();
            default -> throw new IllegalArgumentException("no exercise " + kind + "; one of " + KINDS);
        };
    }

    /** As given to --exercise. */
    String kind();

    /** The template's step the facilitator moves the room to: the first of the exercise's kind. */
    default BenchRoom.StepChoice step(Path contentFile) throws IOException {
        return BenchRoom.firstStep(contentFile, kind());
    }

    /** What the facilitator does on the step before the room answers, once every phone shows it. */
    default void prepare(BenchRoom room) throws InterruptedException {
    }

    /** At most how many inputs this phone sends: its share of the spread. */
    int inputsPerPhone(Phone phone);

    /** The phone's input number n (from 0), or null when it has nothing to send then (nothing seen to vote for). */
    ObjectNode input(Phone phone, int n);

    /** Whether the phones must keep the lists they receive (the ideas, the questions) to choose what to vote for. */
    default boolean readsLists() {
        return false;
    }

    /** Whether the console, rather than the projector, is the screen that shows every input counted. */
    default boolean onConsole() {
        return false;
    }

    /** What one message to that screen shows counted on the step, or null when it shows nothing of it. */
    Map<String, Long> counted(JsonNode message, long stepId);

    /** What that screen shows once it counts every acknowledged input of the room. */
    Map<String, Long> expected(List<PhoneMessage> acked);

    /** One line for the log: what "exact" waits for. */
    String exactMeans();

    /** Where the database keeps the inputs: one ledger per kind of row. */
    List<Ledger> ledgers();

    /**
     * One kind of row: a query of (participant's name, what the row is about) for a step, or for
     * the workshop, and for each acknowledged input what its row is about (null: not this kind).
     * A ledger of counts (reactions, stored without names) is a query of (what it is about, how many)
     * instead: every acknowledged input must be counted.
     */
    record Ledger(String rows, String sql, boolean perWorkshop, Function<PhoneMessage, String> about, boolean counts) {

        Ledger(String rows, String sql, boolean perWorkshop, Function<PhoneMessage, String> about) {
            this(rows, sql, perWorkshop, about, false);
        }
    }

    // ------------------------------------------------------------------ shared by the exercises

    ObjectMapper JSON = new ObjectMapper();

    /** The exercise's picture in a {@code picture} message or a {@code state} snapshot of the step, else null. */
    static JsonNode picture(JsonNode message, long stepId) {
        String type = message.path("type").asText();
        boolean ours = type.equals("picture") ? message.path("step").asLong() == stepId
                : type.equals("state") && message.path("step").path("id").asLong() == stepId;
        JsonNode picture = message.path("picture");
        return ours && picture.isObject() ? picture : null;
    }

    /** A count a screen shows, or -1 where it shows none (a hidden count of one or two people is null). */
    static long count(JsonNode n) {
        return n.isNumber() ? n.asLong() : -1;
    }

    /**
     * A list a phone received, parsed when the phone needs it. Every phone of a room gets the same
     * text at once, so the last one parsed is kept: a thousand phones voting parse it once.
     */
    final class Lists {
        private static String lastText;
        private static JsonNode lastTree;

        private Lists() {
        }

        static synchronized JsonNode parse(String text) {
            if (text == null) {
                return JSON.missingNode();
            }
            if (!text.equals(lastText)) {
                try {
                    lastTree = JSON.readTree(text);
                } catch (IOException e) {
                    throw new IllegalStateException("a phone kept invalid JSON", e);
                }
                lastText = text;
            }
            return lastTree;
        }
    }
}
