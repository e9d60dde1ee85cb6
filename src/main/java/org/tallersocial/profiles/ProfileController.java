package org.tallersocial.profiles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tallersocial.content.ExerciseValidator;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
import org.tallersocial.live.Room;
import org.tallersocial.web.Texts;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.console.ConsoleController;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.console.WorkshopService;
import org.tallersocial.web.TypedText;

/** The facilitator's side of the exercise: adapting its networks to the company, and exporting the counts. */
public final class ProfileController {

    private final ProfileExercise exercise;
    private final ConsoleController console;
    private final ConsoleActions actions;
    private final WorkshopService workshops;
    private final Texts texts;

    public ProfileController(ProfileExercise exercise, ConsoleController console, ConsoleActions actions,
                             WorkshopService workshops, Texts texts) {
        this.exercise = exercise;
        this.console = console;
        this.actions = actions;
        this.workshops = workshops;
        this.texts = texts;
    }

    public void register(RoutesConfig routes) {
        routes.post("/facilitate/{id}/steps/{stepId}/networks", actions.act(this::adaptNetworks));
        routes.post("/facilitate/{id}/steps/{stepId}/threshold", actions.act(this::setThreshold));
        routes.get("/facilitate/{id}/steps/{stepId}/profiles.csv", this::csv);
    }

    /** One network a line; a network people already answered for stays, so no answer loses its meaning. */
    private void adaptNetworks(Context ctx, Room room) {
        Step step = ConsoleActions.stepOfKind(room, ctx, StepKind.PROFILES);
        List<String> wanted = networks(ctx.formParam("networks"));
        workshops.adaptStep(room, step.id(), spec -> {
            for (String old : spec.exercise().networks()) {
                if (!wanted.contains(old) && exercise.hasAnswersFor(room, step, old)) {
                    throw new WorkshopRefusal("network_answered", old);
                }
            }
            return spec.withExercise(spec.exercise().withNetworks(wanted));
        });
    }

    /**
     * The smallest count shown, raised for a small company. Only before the exercise first opens: once
     * the room has seen a count of 3, hiding it later would not take it back.
     */
    private void setThreshold(Context ctx, Room room) {
        Step step = ConsoleActions.stepOfKind(room, ctx, StepKind.PROFILES);
        int wanted = threshold(ctx.formParam("threshold"));
        workshops.adaptStep(room, step.id(), spec -> {
            if (room.step(step.id()).map(s -> s.pollState() != PollState.PENDING).orElse(true)) {
                throw new WorkshopRefusal("threshold_after_opening");
            }
            return spec.withExercise(spec.exercise().withThreshold(wanted));
        });
    }

    static int threshold(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n >= StepSpec.ExerciseSpec.DEFAULT_THRESHOLD && n <= StepSpec.ExerciseSpec.MAX_THRESHOLD) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new WorkshopRefusal("threshold_range", StepSpec.ExerciseSpec.DEFAULT_THRESHOLD,
                StepSpec.ExerciseSpec.MAX_THRESHOLD);
    }

    private void csv(Context ctx) {
        Room room = console.room(ctx);
        Step step = ConsoleActions.stepOfKind(room, ctx, StepKind.PROFILES);
        Locale locale = Texts.locale(room.workshop().language());
        String file = "profiles-" + room.workshop().code() + "-" + (step.position() + 1) + ".csv";
        ConsoleActions.download(ctx, "text/csv; charset=utf-8", file);
        ctx.result(ProfileCsv.write(exercise.summary(room, step), texts, locale));
    }

    static List<String> networks(String text) {
        List<String> out = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String name = TypedText.line(line);
            if (name.isEmpty()) {
                continue;
            }
            if (TypedText.tooLong(name, ExerciseValidator.MAX_NETWORK_CHARS)) {
                throw new WorkshopRefusal("network_too_long", ExerciseValidator.MAX_NETWORK_CHARS);
            }
            if (out.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                throw new WorkshopRefusal("network_twice", name);
            }
            out.add(name);
        }
        if (out.isEmpty()) {
            throw new WorkshopRefusal("networks_empty");
        }
        if (out.size() > ExerciseValidator.MAX_NETWORKS) {
            throw new WorkshopRefusal("networks_too_many", ExerciseValidator.MAX_NETWORKS);
        }
        return out;
    }
}
