package org.tallersocial.raci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The matrix as each viewer kind sees it (see docs/protocol.md). Phones get the
 * rows and columns only; the projector adds the room's spread; the console adds
 * the settled cells, the checks and the history. Nothing names a participant.
 */
final class RaciPictureJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int HISTORY_SHOWN = 50;

    private RaciPictureJson() {
    }

    static ObjectNode forPhones(RaciBoard board) {
        ObjectNode out = JSON.objectNode();
        roles(out, board, null);
        ArrayNode activities = out.putArray("activities");
        board.activities().forEach(a -> activities.addObject().put("id", a.id()).put("name", a.name()).put("open", a.open()));
        return out;
    }

    static ObjectNode forProjector(RaciBoard board) {
        ObjectNode out = JSON.objectNode().put("respondents", board.respondents())
                .put("settled", board.settlement().settled());
        roles(out, board, null);
        ArrayNode activities = out.putArray("activities");
        board.activities().forEach(a -> spread(activities.addObject(), a, board.spread(a)));
        return out;
    }

    static ObjectNode forConsole(RaciBoard board) {
        ObjectNode out = JSON.objectNode().put("respondents", board.respondents());
        Set<Long> rolesInUse = board.roles().stream().map(Role::id).filter(board::roleInUse).collect(Collectors.toSet());
        roles(out, board, rolesInUse);
        ArrayNode activities = out.putArray("activities");
        for (Activity a : board.activities()) {
            RoomSpread s = board.spread(a);
            ObjectNode row = spread(activities.addObject(), a, s).put("inUse", board.activityInUse(a.id()));
            ArrayNode majorityR = row.putArray("majorityR");
            s.majorityR().forEach(majorityR::add);
        }
        RaciMatrix matrix = board.matrix();
        ArrayNode cells = out.putArray("cells");
        matrix.cells().values().forEach(c -> cell(cells.addObject(), c));
        ArrayNode checks = out.putArray("checks");
        for (RaciChecks.Finding f : RaciChecks.of(matrix)) {
            ObjectNode check = checks.addObject().put("code", f.code()).put("count", f.count());
            if (f.aboutActivity()) {
                check.put("activity", f.activityId());
            } else {
                check.put("role", f.roleId());
            }
        }
        history(out, board.changes());
        Settlement s = board.settlement();
        ObjectNode settled = out.putObject("settlement").put("settled", s.settled()).put("reason", s.reason())
                .put("by", s.by()).put("at", s.at() == null ? null : s.at().toInstant().toEpochMilli());
        ArrayNode failing = settled.putArray("failing");
        s.failingChecks().forEach(failing::add);
        return out;
    }

    /** @param inUse the roles something depends on, for the console; null for the other viewers */
    private static void roles(ObjectNode out, RaciBoard board, Set<Long> inUse) {
        ArrayNode roles = out.putArray("roles");
        board.roles().forEach(r -> {
            ObjectNode role = roles.addObject().put("id", r.id()).put("name", r.name());
            if (inUse != null) {
                role.put("inUse", inUse.contains(r.id()));
            }
        });
    }

    private static ObjectNode spread(ObjectNode row, Activity a, RoomSpread s) {
        row.put("id", a.id()).put("name", a.name()).put("open", a.open()).put("proposers", s.proposers());
        counts(row.putObject("a"), s.accountable());
        counts(row.putObject("r"), s.responsible());
        if (s.majorityA() == null) {
            row.putNull("majorityA");
        } else {
            row.put("majorityA", s.majorityA());
        }
        return row.put("split", s.split()).put("gap", s.gap());
    }

    private static void counts(ObjectNode out, Map<Long, Integer> counts) {
        counts.forEach((role, n) -> out.put(String.valueOf(role), n));
    }

    private static void cell(ObjectNode out, Cell c) {
        out.put("activity", c.activityId()).put("role", c.roleId()).put("letter", c.letter() == null ? null : c.letter().name())
                .put("version", c.version());
    }

    /** Newest first; a change that a later undo reverted says so, and can't be undone twice. */
    private static void history(ObjectNode out, List<CellChange> changes) {
        Set<Long> undone = changes.stream().map(CellChange::undoes).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        ArrayNode list = out.putArray("history");
        for (int i = changes.size() - 1; i >= 0 && list.size() < HISTORY_SHOWN; i--) {
            CellChange c = changes.get(i);
            list.addObject().put("id", c.id()).put("activity", c.activityId()).put("role", c.roleId())
                    .put("from", c.from() == null ? null : c.from().name()).put("to", c.to() == null ? null : c.to().name())
                    .put("version", c.version()).put("kind", c.kind()).put("by", c.by())
                    .put("at", c.at().toInstant().toEpochMilli()).put("undone", undone.contains(c.id()));
        }
        out.put("historyCount", changes.size());
    }
}
