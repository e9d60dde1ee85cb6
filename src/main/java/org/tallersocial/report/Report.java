package org.tallersocial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.tallersocial.profiles.ProfileSummary;
import org.tallersocial.raci.RaciOutcome;
import org.tallersocial.workshop.Workshop;

/**
 * A workshop's outcome as its owner reads it: counts and aggregates only.
 * Every section of the page and of the exports is drawn from this, never
 * from the stored answers themselves.
 */
public record Report(Workshop workshop, OffsetDateTime generatedAt, Participation participation,
                     List<String> findings, List<PollOutcome> polls, List<Radar> radars,
                     List<ProfileOutcome> profiles, List<RaciOutcome> raci, Conversation conversation,
                     List<StepReactions> reactions) {

    /** How the room reacted to one step: counts only, by reaction key; no one's name is ever stored with them. */
    /** The reactions any step drew, in the palette's order: the columns of the report's table. */
    public List<org.tallersocial.reactions.Reaction> reactionColumns() {
        return java.util.Arrays.stream(org.tallersocial.reactions.Reaction.values())
                .filter(r -> reactions.stream().anyMatch(s -> s.counts().containsKey(r.key()))).toList();
    }

    public record StepReactions(int position, String key, String title, java.util.Map<String, Integer> counts,
                                int total) {
    }

    /**
     * @param joined       everyone who joined, those who joined later through the catch-up link included
     * @param joinedLater  of them, those who joined later
     * @param minutes how long the workshop ran, from going live to closing (or to now while it runs)
     * @param steps   how many people answered each step that takes answers
     */
    public record Participation(int joined, int joinedLater, Long minutes, List<StepActivity> steps) {
    }

    /** @param answered everyone who answered; @param answeredLater of them, those who joined later */
    public record StepActivity(int position, String key, String kind, String title, int answered, int answeredLater) {
    }

    /** @param results the result as the projector draws it (no hidden answer), for the JSON export */
    /** @param resetAt when the facilitator reset the poll during the session (its earlier answers deleted), or null */
    public record PollOutcome(int position, String key, String kind, String title, String question,
                              JsonNode results, Chart chart, java.time.OffsetDateTime resetAt) {

        public int voters() {
            return results.path("voters").asInt();
        }
    }

    /**
     * What the room asked and proposed, and what it left with. Questions are the ones the
     * room saw (approved, not hidden), without their authors; commitments name only the
     * people who took one on from their phone, by name, in front of the room.
     */
    public record Conversation(List<AskedQuestion> answered, List<AskedQuestion> open, List<IdeaList> ideas,
                               List<Commitment> commitments, int done) {

        public boolean isEmpty() {
            return answered.isEmpty() && open.isEmpty() && ideas.isEmpty() && commitments.isEmpty();
        }
    }

    public record AskedQuestion(String text, int votes) {
    }

    public record IdeaList(String title, List<RankedIdea> ideas) {
    }

    public record RankedIdea(String text, int votes, List<String> merged) {
    }

    /** @param status planned, in_progress, done or dropped */
    public record Commitment(String action, String role, java.time.LocalDate due, String status,
                             List<String> volunteers) {
    }

    public record ProfileOutcome(int position, String title, ProfileSummary summary) {
    }
}
