package org.tallersocial.raci;

import java.util.ArrayList;
import java.util.List;
import org.tallersocial.live.Room;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.WorkshopState;
import org.tallersocial.web.TypedText;

/**
 * The facilitator adapts the rows and columns to the company: add, rename,
 * reorder, and remove what nothing depends on yet (no proposal, no cell ever
 * set). Ids never change, so a renamed role keeps its proposals. Also opens
 * activities to the phones, one at a time or all.
 */
final class RaciLayout {

    /** The same limits as a template's (ExerciseValidator): what a phone and a projector can still show. */
    static final int MIN_ROLES = 2;
    static final int MAX_ROLES = 12;
    static final int MAX_ACTIVITIES = 20;
    static final int MAX_ROLE_CHARS = 40;
    static final int MAX_ACTIVITY_CHARS = 80;

    private final RaciExercise exercise;
    private final RaciRepository repository;
    private final RaciService service;

    RaciLayout(RaciExercise exercise, RaciService service) {
        this.exercise = exercise;
        this.repository = exercise.repository();
        this.service = service;
    }

    void addRole(Room room, Step step, String name) {
        room.change(() -> {
            RaciBoard board = editable(room, step);
            synchronized (board) {
                if (board.roles().size() >= MAX_ROLES) {
                    throw new WorkshopRefusal("raci_roles_too_many", MAX_ROLES);
                }
                String clean = name(name, MAX_ROLE_CHARS, board.roles().stream().map(Role::name).toList(), null);
                int position = board.roles().size();
                long[] id = new long[1];
                repository.inTransaction(tx -> id[0] = tx.insertRole(step.id(), position, clean));
                List<Role> roles = new ArrayList<>(board.roles());
                roles.add(new Role(id[0], position, clean));
                board.roles(roles);
            }
            changed(room, step, board);
        });
    }

    void addActivity(Room room, Step step, String name) {
        room.change(() -> {
            RaciBoard board = editable(room, step);
            synchronized (board) {
                if (board.activities().size() >= MAX_ACTIVITIES) {
                    throw new WorkshopRefusal("raci_activities_too_many", MAX_ACTIVITIES);
                }
                String clean = name(name, MAX_ACTIVITY_CHARS, board.activities().stream().map(Activity::name).toList(), null);
                int position = board.activities().size();
                long[] id = new long[1];
                repository.inTransaction(tx -> id[0] = tx.insertActivity(step.id(), position, clean));
                List<Activity> activities = new ArrayList<>(board.activities());
                activities.add(new Activity(id[0], position, clean, false));
                board.activities(activities);
            }
            changed(room, step, board);
        });
    }

    /** {@code action} is "rename" (with a name), "up", "down" or "remove". */
    void changeRole(Room room, Step step, long roleId, String action, String name) {
        room.change(() -> {
            RaciBoard board = editable(room, step);
            synchronized (board) {
                Role role = board.role(roleId).orElseThrow(() -> new WorkshopRefusal("raci_unknown_role"));
                List<Role> roles = new ArrayList<>(board.roles());
                int at = roles.indexOf(role);
                switch (action == null ? "" : action) {
                    case "rename" -> roles.set(at, role.named(name(name, MAX_ROLE_CHARS,
                            roles.stream().map(Role::name).toList(), role.name())));
                    case "up", "down" -> move(roles, at, action);
                    case "remove" -> {
                        if (board.roleInUse(roleId)) {
                            throw new WorkshopRefusal("raci_role_in_use", role.name());
                        }
                        if (roles.size() <= MIN_ROLES) {
                            throw new WorkshopRefusal("raci_roles_too_few", MIN_ROLES);
                        }
                        roles.remove(at);
                    }
                    default -> throw new WorkshopRefusal("raci_unknown_action");
                }
                List<Role> renumbered = new ArrayList<>();
                for (int i = 0; i < roles.size(); i++) {
                    renumbered.add(roles.get(i).at(i));
                }
                repository.inTransaction(tx -> {
                    if ("remove".equals(action)) {
                        tx.deleteRole(roleId);
                    }
                    renumbered.forEach(tx::updateRole);
                });
                board.roles(renumbered);
            }
            changed(room, step, board);
        });
    }

    void changeActivity(Room room, Step step, long activityId, String action, String name) {
        room.change(() -> {
            RaciBoard board = editable(room, step);
            synchronized (board) {
                Activity activity = board.activity(activityId).orElseThrow(() -> new WorkshopRefusal("raci_unknown_activity"));
                List<Activity> activities = new ArrayList<>(board.activities());
                int at = activities.indexOf(activity);
                switch (action == null ? "" : action) {
                    case "rename" -> activities.set(at, activity.named(name(name, MAX_ACTIVITY_CHARS,
                            activities.stream().map(Activity::name).toList(), activity.name())));
                    case "up", "down" -> move(activities, at, action);
                    case "remove" -> {
                        if (board.activityInUse(activityId)) {
                            throw new WorkshopRefusal("raci_activity_in_use", activity.name());
                        }
                        if (activities.size() <= 1) {
                            throw new WorkshopRefusal("raci_activities_too_few");
                        }
                        activities.remove(at);
                    }
                    default -> throw new WorkshopRefusal("raci_unknown_action");
                }
                saveActivities(board, renumber(activities), "remove".equals(action) ? activityId : null);
            }
            changed(room, step, board);
        });
    }

    /** {@code which} is "all", "none", or an activity's id: that one opens and every other one closes. */
    void open(Room room, Step step, String which) {
        room.change(() -> {
            RaciBoard board = exercise.board(room, step);
            synchronized (board) {
                String w = which == null ? "" : which.strip();
                List<Activity> activities;
                if (w.equals("all") || w.equals("none")) {
                    activities = board.activities().stream().map(a -> a.opened(w.equals("all"))).toList();
                } else {
                    long id = org.tallersocial.console.ConsoleActions.longParam(w, "activity");
                    Activity only = board.activity(id).orElseThrow(() -> new WorkshopRefusal("raci_unknown_activity"));
                    activities = board.activities().stream().map(a -> a.opened(a.id() == only.id())).toList();
                }
                saveActivities(board, activities, null);
            }
            room.changed(exercise);
        });
    }

    private void saveActivities(RaciBoard board, List<Activity> activities, Long removed) {
        repository.inTransaction(tx -> {
            if (removed != null) {
                tx.deleteActivity(removed);
            }
            activities.forEach(tx::updateActivity);
        });
        board.activities(activities);
    }

    private static List<Activity> renumber(List<Activity> activities) {
        List<Activity> out = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            out.add(activities.get(i).at(i));
        }
        return out;
    }

    private static <T> void move(List<T> list, int at, String direction) {
        int to = direction.equals("up") ? at - 1 : at + 1;
        if (to < 0 || to >= list.size()) {
            return;
        }
        list.add(to, list.remove(at));
    }

    private RaciBoard editable(Room room, Step step) {
        if (room.workshop().state() == WorkshopState.CLOSED) {
            throw new WorkshopRefusal("workshop_closed");
        }
        return exercise.board(room, step);
    }

    private void changed(Room room, Step step, RaciBoard board) {
        synchronized (board) {
            service.syncSpec(room, step, board);
        }
        room.changed(exercise);
    }

    /** A name as typed, trimmed; refused when empty, too long, or the same as another (case aside). */
    static String name(String typed, int max, List<String> taken, String own) {
        String name = TypedText.line(typed);
        if (name.isEmpty()) {
            throw new WorkshopRefusal("raci_name_empty");
        }
        if (TypedText.tooLong(name, max)) {
            throw new WorkshopRefusal("raci_name_too_long", max);
        }
        if (taken.stream().anyMatch(t -> t.equalsIgnoreCase(name) && !t.equals(own))) {
            throw new WorkshopRefusal("raci_name_taken", name);
        }
        return name;
    }
}
