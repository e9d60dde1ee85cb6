package org.tallersocial.ideas;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tallersocial.questions.Questions;
import org.tallersocial.web.Texts;

/**
 * The conversation as CSV for the owner, until the report exists: every question
 * (with its moderation), every standing idea, every commitment with its volunteers.
 */
final class ConversationCsv {

    private ConversationCsv() {
    }

    static String write(List<Questions.Voted> questions, List<IdeaExercise.Ranked> ideas, List<Commitment> commitments,
                        Texts texts, Locale locale) {
        StringWriter out = new StringWriter();
        // A BOM, so that spreadsheet programs read the accents of a Spanish export right.
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(t(texts, locale, "conversation.csv.kind"), t(texts, locale, "conversation.csv.text"),
                    t(texts, locale, "conversation.csv.votes"), t(texts, locale, "conversation.csv.status"),
                    t(texts, locale, "conversation.csv.role"), t(texts, locale, "conversation.csv.due"),
                    t(texts, locale, "conversation.csv.people"));
            String question = t(texts, locale, "conversation.csv.question");
            for (Questions.Voted v : questions) {
                var q = v.question();
                String status = t(texts, locale, switch (q.status()) {
                    case PENDING -> "conversation.csv.question_pending";
                    case VISIBLE -> "conversation.csv.question_visible";
                    case HIDDEN -> "conversation.csv.question_hidden";
                })
                        + (q.answered() ? " · " + t(texts, locale, "conversation.csv.answered") : "");
                csv.printRecord(question, safe(q.text()), v.votes(), status, "", "",
                        q.authorName() == null ? "" : safe(q.authorName()));
            }
            String idea = t(texts, locale, "conversation.csv.idea");
            for (IdeaExercise.Ranked r : ideas) {
                String merged = r.merged().isEmpty() ? "" : " (+ " + String.join(" / ", r.merged()) + ")";
                csv.printRecord(idea, safe(r.idea().text() + merged), r.votes(), "", "", "", "");
            }
            String commitment = t(texts, locale, "conversation.csv.commitment");
            for (Commitment c : commitments) {
                csv.printRecord(commitment, safe(c.action()), "", t(texts, locale, "js.commitments.status." + c.status().key()),
                        safe(c.role()), c.due().toString(),
                        safe(String.join(", ", c.volunteers().stream().map(Commitment.Volunteer::name).toList())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String t(Texts texts, Locale locale, String key) {
        return texts.get(locale, key);
    }

    /** What a person typed never becomes a spreadsheet formula. */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
