package org.tallersocial.raci;

import java.util.List;
import java.util.Map;

/** The settled matrix at one moment: rows, columns and the cells set so far (unset cells are empty). */
public record RaciMatrix(List<Role> roles, List<Activity> activities, Map<CellKey, Cell> cells) {

    public record CellKey(long activityId, long roleId) {
    }

    public RaciMatrix {
        roles = List.copyOf(roles);
        activities = List.copyOf(activities);
        cells = Map.copyOf(cells);
    }

    public Cell cell(long activityId, long roleId) {
        Cell c = cells.get(new CellKey(activityId, roleId));
        return c == null ? Cell.empty(activityId, roleId) : c;
    }

    public Letter letter(long activityId, long roleId) {
        return cell(activityId, roleId).letter();
    }

    long count(long activityId, Letter letter) {
        return roles.stream().filter(r -> letter(activityId, r.id()) == letter).count();
    }
}
