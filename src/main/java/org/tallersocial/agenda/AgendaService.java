package org.tallersocial.agenda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.content.Agenda;
import org.tallersocial.content.ContentError;
import org.tallersocial.live.Feature;
import org.tallersocial.live.Features;
import org.tallersocial.live.Room;
import org.tallersocial.web.Tokens;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.StepRepository;
import org.tallersocial.workshop.StepRepository.Placed;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.WorkshopRepository;
import org.tallersocial.workshop.WorkshopState;

/**
 * The facilitator's agenda editor: the agenda as the editor shows it, and saving an edited one. A save is
 * one read-check-write inside the room's lock: the version the editor started from, the content rules of
 * the template files ({@link Agenda#check}), the rules of a begun workshop ({@link AgendaRules}), then one
 * transaction, then the room's memory and every screen.
 */
public final class AgendaService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The refusal's text key when another save came first: the editor then offers to reload. */
    static final String STALE = "refusal.edit_changed_elsewhere";

    private final DSLContext dsl;
    private final StepRepository steps;
    private final WorkshopRepository workshops;
    private final Features features;
    private final AgendaRules rules;

    public AgendaService(DSLContext dsl, StepRepository steps, WorkshopRepository workshops, Features features) {
        this.dsl = dsl;
        this.steps = steps;
        this.workshops = workshops;
        this.features = features;
        this.rules = new AgendaRules(features);
    }

    /** What went wrong with an edit, at its field; nothing was changed. */
    public record Problem(String path, String key, List<Object> args, ContentError content) {
    }

    public static final class Refused extends RuntimeException {
        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super("agenda refused", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** The agenda for the editor: each step's content-format fields, its {@code ref}, and what it may still become. */
    public ObjectNode agenda(Room room) {
        List<Step> all = room.steps();
        ObjectNode out = NODES.objectNode().put("version", version(all)).put("state", room.workshop().state().key())
                .put("current", room.workshop().currentStep());
        ArrayNode list = out.putArray("steps");
        for (Step s : all) {
            ObjectNode step = NODES.objectNode().put("ref", s.id());
            step.setAll(Agenda.write(s.spec()));
            step.put("begun", AgendaRules.begun(s));
            step.put("reached", room.workshop().isLive() && s.position() <= room.workshop().currentStep());
            list.add(step);
        }
        return out;
    }

    /** Changes whenever any step's content, identity or place does, so two tabs never overwrite each other. */
    static String version(List<Step> all) {
        StringBuilder text = new StringBuilder();
        all.forEach(s -> text.append(s.id()).append(':').append(Agenda.write(s.spec())).append('\n'));
        return Tokens.sha256(text.toString()).substring(0, 16);
    }

    /**
     * Saves the edited agenda when it was made from {@code version}; returns the new version.
     *
     * @throws Refused        the agenda breaks a content or live-edit rule (nothing changed)
     * @throws WorkshopRefusal another tab saved first, or the workshop is closed
     */
    public String save(Room room, String version, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Refused(List.of(new Problem("steps", "edit_no_steps", List.of(), null)));
        }
        return room.change(() -> {
            if (room.workshop().state() == WorkshopState.CLOSED) {
                throw new WorkshopRefusal("workshop_closed");
            }
            if (!version(room.steps()).equals(version)) {
                throw new WorkshopRefusal("edit_changed_elsewhere");
            }
            List<Placed> edited = read(room, body);
            List<Problem> broken = rules.check(room, edited).stream()
                    .map(b -> new Problem(b.path(), b.key(), b.args(), null)).toList();
            if (!broken.isEmpty()) {
                throw new Refused(broken);
            }
            write(room, edited);
            return version(room.steps());
        });
    }

    /** The edited steps with their refs, checked by the content files' rules. */
    private List<Placed> read(Room room, JsonNode body) {
        JsonNode list = body == null ? null : body.get("steps");
        if (list == null || !list.isArray()) {
            throw new Refused(List.of(new Problem("steps", "edit_no_steps", List.of(), null)));
        }
        Set<Long> known = new HashSet<>();
        room.steps().forEach(s -> known.add(s.id()));
        List<Long> refs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ArrayNode content = NODES.arrayNode();
        for (int i = 0; i < list.size(); i++) {
            JsonNode step = list.get(i);
            Long ref = step.isObject() && step.path("ref").canConvertToLong() && step.get("ref").isIntegralNumber()
                    ? step.get("ref").asLong() : null;
            if (step.isObject() && step.has("ref") && (ref == null || !known.contains(ref) || refs.contains(ref))) {
                problems.add(new Problem("steps[" + i + "]", "edit_unknown_step", List.of(), null));
            }
            refs.add(ref);
            content.add(step.isObject() ? ((ObjectNode) step.deepCopy()).without("ref") : step);
        }
        Agenda.Checked checked = Agenda.check(content);
        checked.problems().forEach(e -> problems.add(new Problem(e.path(), null, List.of(), e)));
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            placed.add(new Placed(refs.get(i), checked.steps().get(i)));
        }
        return placed;
    }

    /**
     * One transaction for the steps and the room's place in them (a draft follows the step it was on);
     * then the room's memory, then each feature lets go of what it loaded from a step edited before it began.
     */
    private void write(Room room, List<Placed> edited) {
        Map<Long, Step> before = new java.util.HashMap<>();
        room.steps().forEach(s -> before.put(s.id(), s));
        Workshop w = room.workshop();
        long currentId = room.current().id();
        int current = java.util.stream.IntStream.range(0, edited.size())
                .filter(i -> Long.valueOf(currentId).equals(edited.get(i).id())).findFirst()
                .orElse(Math.min(w.currentStep(), edited.size() - 1));
        Workshop moved = current == w.currentStep() ? w : w.atStep(current, w.stepStartedAt());
        List<Step> after = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (moved != w) {
                workshops.update(tx, moved);
            }
            return steps.replaceAgenda(tx, w.id(), edited);
        });
        room.replaceSteps(after);
        if (moved != w) {
            room.replace(moved);
        }
        for (Step s : after) {
            Step old = before.get(s.id());
            if (old != null && !AgendaRules.begun(old) && !old.spec().equals(s.spec())) {
                featuresOf(old).forEach(f -> f.edited(room, old, s));
            }
        }
    }

    private List<Feature<?>> featuresOf(Step step) {
        return features.all().stream().filter(f -> f.stepKinds().contains(step.kind())).toList();
    }

}
