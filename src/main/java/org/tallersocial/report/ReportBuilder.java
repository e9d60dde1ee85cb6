package org.tallersocial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tallersocial.catchup.LatePeople;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Room;
import org.tallersocial.poll.Polls;
import org.tallersocial.poll.Results;
import org.tallersocial.profiles.ProfileExercise;
import org.tallersocial.ideas.CommitmentExercise;
import org.tallersocial.ideas.IdeaExercise;
import org.tallersocial.questions.Questions;
import org.tallersocial.raci.RaciExercise;
import org.tallersocial.raci.RaciOutcome;
import org.tallersocial.reactions.Reactions;
import org.tallersocial.workshop.PollState;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.Workshop;

/** Gathers a workshop's outcome from its live room: poll tallies, the exercises' counts, participation. */
public final class ReportBuilder {

    private final Polls polls;
    private final ProfileExercise profiles;
    private final RaciExercise raci;
    private final Questions questions;
    private final IdeaExercise ideas;
    private final CommitmentExercise commitments;
    private final Reactions reactions;
    private final LatePeople late;
    private final Texts texts;
    private final Clock clock;

    public ReportBuilder(Polls polls, ProfileExercise profiles, RaciExercise raci, Questions questions, IdeaExercise ideas,
                         CommitmentExercise commitments, Reactions reactions, LatePeople late, Texts texts,
                         Clock clock) {
        this.late = late;
        this.polls = polls;
        this.profiles = profiles;
        this.raci = raci;
        this.questions = questions;
        this.ideas = ideas;
        this.commitments = commitments;
        this.reactions = reactions;
        this.texts = texts;
        this.clock = clock;
    }

    /** @param locale the reader's language for the words the report adds (findings, chart figures) */
    public Report build(Room room, Locale locale) {
        Workshop w = room.workshop();
        Charts charts = new Charts(texts, locale);
        List<Report.StepActivity> activity = new ArrayList<>();
        List<Report.PollOutcome> polls = new ArrayList<>();
        List<Report.ProfileOutcome> profileOutcomes = new ArrayList<>();
        Map<String, List<Radars.Scale>> radarGroups = new LinkedHashMap<>();
        List<RaciOutcome> matrices = new ArrayList<>();
        List<Report.IdeaList> ideaLists = new ArrayList<>();
        // Those who answered later count in every result like everyone; participation says how many they were.
        Set<Long> later = late.of(w.id());
        for (Step step : room.steps()) {
            if (step.isPoll()) {
                JsonNode results = Results.of(step.spec(), this.polls.tally(room, step.id()).entries(), false, true);
                polls.add(new Report.PollOutcome(step.position(), step.spec().id(), step.kind().key(),
                        step.spec().title(), step.spec().poll().question(), results, charts.of(step.spec(), results),
                        step.resetAt()));
                int lateVoters = (int) this.polls.tally(room, step.id()).entries().stream()
                        .filter(e -> later.contains(e.participantId())).count();
                activity.add(activity(step, results.path("voters").asInt(), lateVoters));
                String radar = step.spec().poll().radar();
                if (step.kind() == StepKind.SCALE && radar != null) {
                    radarGroups.computeIfAbsent(radar, k -> new ArrayList<>())
                            .add(new Radars.Scale(step.spec().id(), step.spec().title(), results));
                }
            } else if (step.kind() == StepKind.PROFILES) {
                var summary = profiles.summary(room, step);
                profileOutcomes.add(new Report.ProfileOutcome(step.position(), step.spec().title(), summary));
                activity.add(activity(step, summary.respondents(), profiles.respondentsAmong(room, step, later)));
            } else if (step.kind() == StepKind.IDEAS && step.pollState() != PollState.PENDING) {
                List<Report.RankedIdea> ranked = ideas.ranked(room, step, false).stream()
                        .map(r -> new Report.RankedIdea(r.idea().text(), r.votes(), r.merged())).toList();
                ideaLists.add(new Report.IdeaList(step.spec().title(), ranked));
            } else if (step.kind() == StepKind.RACI && step.pollState() != PollState.PENDING) {
                // A matrix the room never reached has nothing to report: only defaults, all gaps.
                RaciOutcome outcome = raci.outcome(room, step, texts, locale);
                matrices.add(outcome);
                activity.add(activity(step, outcome.proposers(), 0));
            }
        }
        List<Radar> radars = new ArrayList<>();
        radarGroups.forEach((name, scales) -> {
            if (scales.size() >= 3) {
                radars.add(Radars.of(name, scales));
            }
        });
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long minutes = w.startedAt() == null ? null
                : Duration.between(w.startedAt(), w.closedAt() != null ? w.closedAt() : now).toMinutes();
        Report.Participation participation = new Report.Participation(room.joined(), later.size(), minutes,
                activity);
        List<String> findings = new Findings(texts, locale).of(radars, profileOutcomes, matrices);
        return new Report(w, now, participation, findings, polls, radars, profileOutcomes, matrices,
                conversation(room, ideaLists), reactions(room));
    }

    private Report.Conversation conversation(Room room, List<Report.IdeaList> ideaLists) {
        List<Report.AskedQuestion> answered = new ArrayList<>();
        List<Report.AskedQuestion> open = new ArrayList<>();
        for (Questions.Voted v : questions.all(room)) {
            if (!v.question().visible()) {
                continue;
            }
            (v.question().answered() ? answered : open).add(new Report.AskedQuestion(v.question().text(), v.votes()));
        }
        List<Report.Commitment> made = commitments.all(room).stream()
                .map(c -> new Report.Commitment(c.action(), c.role(), c.due(), c.status().key(),
                        c.volunteers().stream().map(org.tallersocial.ideas.Commitment.Volunteer::name).toList()))
                .toList();
        int done = (int) made.stream().filter(c -> c.status().equals("done")).count();
        return new Report.Conversation(answered, open, ideaLists, made, done);
    }

    /** Each step the room reacted to, in the agenda's order, with its counts in the palette's order. */
    private List<Report.StepReactions> reactions(Room room) {
        List<Report.StepReactions> out = new ArrayList<>();
        reactions.counts(room).forEach((stepId, c) -> room.step(stepId).ifPresent(step -> {
            Map<String, Integer> byKey = new LinkedHashMap<>();
            c.forEach((r, n) -> byKey.put(r.key(), n));
            out.add(new Report.StepReactions(step.position(), step.spec().id(), step.spec().title(), byKey,
                    c.values().stream().mapToInt(Integer::intValue).sum()));
        }));
        return out;
    }

    /** @param answeredLater of those who answered, how many joined through the catch-up link (RACI: none can) */
    private static Report.StepActivity activity(Step step, int answered, int answeredLater) {
        return new Report.StepActivity(step.position(), step.spec().id(), step.kind().key(), step.spec().title(),
                answered, answeredLater);
    }
}
