package org.tallersocial.agenda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tallersocial.live.EditRefusal;
import org.tallersocial.live.Feature;
import org.tallersocial.live.Features;
import org.tallersocial.live.Room;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.StepRepository.Placed;

/**
 * What an edit may do to a workshop that has begun, so that no answer loses its meaning: the steps the
 * room has reached stay where they are; a step that has been open (people may have answered it) stays in
 * the agenda with its kind, and its own feature says what of it may change (a poll's wording, not its
 * options' places). Steps not reached yet can be edited, added, removed and moved freely.
 */
final class AgendaRules {

    /** A refusal at a path of the edited agenda: {@code steps[2].options}, {@code steps[4]} or {@code steps}. */
    record Broken(String path, String key, List<Object> args) {
    }

    private final Features features;

    AgendaRules(Features features) {
        this.features = features;
    }

    static boolean begun(Step step) {
        return step.pollState() != PollState.PENDING;
    }

    List<Broken> check(Room room, List<Placed> edited) {
        List<Broken> broken = new ArrayList<>();
        Map<Long, Step> before = new HashMap<>();
        room.steps().forEach(s -> before.put(s.id(), s));
        if (room.workshop().isLive()) {
            reachedStayInPlace(room, edited, broken);
        }
        for (int i = 0; i < edited.size(); i++) {
            Step old = edited.get(i).id() == null ? null : before.get(edited.get(i).id());
            if (old != null && begun(old)) {
                keepsItsMeaning(room, old, edited.get(i), "steps[" + i + "]", broken);
            }
        }
        List<Long> kept = edited.stream().map(Placed::id).toList();
        for (Step old : room.steps()) {
            if (begun(old) && !kept.contains(old.id())) {
                broken.add(new Broken("steps", "edit_begun_removed", List.of(old.spec().title())));
            }
        }
        return broken;
    }

    private static void reachedStayInPlace(Room room, List<Placed> edited, List<Broken> broken) {
        List<Step> steps = room.steps();
        for (int p = 0; p <= room.workshop().currentStep() && p < steps.size(); p++) {
            boolean same = p < edited.size() && Long.valueOf(steps.get(p).id()).equals(edited.get(p).id());
            if (!same) {
                broken.add(new Broken("steps[" + Math.min(p, edited.size() - 1) + "]", "edit_reached_fixed",
                        List.of(steps.get(p).spec().title())));
                return;
            }
        }
    }

    private void keepsItsMeaning(Room room, Step old, Placed edited, String path, List<Broken> broken) {
        if (old.kind() != edited.spec().kind()) {
            broken.add(new Broken(path + ".kind", "edit_begun_kind", List.of()));
            return;
        }
        for (Feature<?> f : features.all()) {
            if (f.stepKinds().contains(old.kind())) {
                EditRefusal no = f.refuseEdit(room, old, edited.spec());
                if (no != null) {
                    broken.add(new Broken(no.field().isEmpty() ? path : path + "." + no.field(), no.key(), no.args()));
                }
            }
        }
    }
}
