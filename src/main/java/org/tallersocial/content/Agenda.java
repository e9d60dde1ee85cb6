package org.tallersocial.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A workshop's steps in the content format, as the agenda editor sends and receives them and as a
 * template file holds them. Checking goes through the very rules that check `workshop-content/`
 * files ({@link StepValidator}): the editor has no second copy of them.
 */
public final class Agenda {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Agenda() {
    }

    /** What checking found: the steps when nothing is wrong, else every problem with its field's path. */
    public record Checked(List<StepSpec> steps, List<ContentError> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** @param steps a list of steps, each a mapping of content-format fields; paths read {@code steps[2].options[1]} */
    public static Checked check(JsonNode steps) {
        Problems problems = new Problems("agenda");
        ObjectNode root = NODES.objectNode();
        root.set("steps", steps);
        List<StepSpec> checked = TemplateReader.steps(new FieldReader(new YamlTree(root, Map.of()), problems), root);
        return problems.count() == 0 ? new Checked(checked, List.of()) : new Checked(List.of(), problems.errors());
    }

    /** The steps as content-format mappings: what {@link #check} accepts back unchanged. */
    public static ArrayNode write(List<StepSpec> steps) {
        ArrayNode out = NODES.arrayNode();
        steps.forEach(s -> out.add(write(s)));
        return out;
    }

    public static ObjectNode write(StepSpec s) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id());
        o.put("kind", s.kind().key());
        o.put("title", s.title());
        text(o, "body", s.body());
        StepSpec.PollSpec p = s.poll();
        if (p != null) {
            text(o, "question", p.question());
            list(o, "options", p.options());
            whole(o, "maxPicks", p.maxPicks());
            number(o, "min", p.min());
            number(o, "max", p.max());
            text(o, "minLabel", p.minLabel());
            text(o, "maxLabel", p.maxLabel());
            whole(o, "maxWords", p.maxWords());
            whole(o, "maxLength", p.maxLength());
            number(o, "truth", p.truth());
            text(o, "unit", p.unit());
            text(o, "source", p.source());
            text(o, "radar", p.radar());
            if (p.hideResults()) {
                o.put("hideResults", true);
            }
        }
        StepSpec.ExerciseSpec e = s.exercise();
        if (e != null && s.kind() == StepKind.QUIZ) {
            text(o, "question", e.prompt());
            list(o, "options", e.options());
            list(o, "correct", e.correct());
            whole(o, "seconds", e.seconds());
        } else if (e != null) {
            text(o, "prompt", e.prompt());
            list(o, "networks", e.networks());
            whole(o, "threshold", e.threshold());
            list(o, "roles", e.roles());
            list(o, "activities", e.activities());
        }
        text(o, "radar", s.radar());
        o.put("duration", Durations.format(s.durationSeconds()));
        text(o, "notes", s.notes());
        return o;
    }

    private static void text(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void whole(ObjectNode o, String name, Integer value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    /** Whole values stay whole: a scale's ends must read back as whole numbers. */
    private static void number(ObjectNode o, String name, Double value) {
        if (value == null) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            o.put(name, value.longValue());
        } else {
            o.put(name, value);
        }
    }

    private static void list(ObjectNode o, String name, List<String> values) {
        if (values != null) {
            ArrayNode a = o.putArray(name);
            values.forEach(a::add);
        }
    }
}
