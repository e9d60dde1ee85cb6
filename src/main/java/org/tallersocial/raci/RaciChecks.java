package org.tallersocial.raci;

import java.util.ArrayList;
import java.util.List;

/**
 * What the product checks in a matrix. Every activity needs exactly one A and at
 * least one R. A role is flagged when it answers for too many activities, or
 * when it has no letter anywhere (then it is either missing from the work or
 * not a role of this company).
 *
 * "Too many" is A on more than half of the activities and on at least three: one
 * role answering for most things is the bottleneck the matrix is meant to
 * uncover, while in a matrix of two or three rows the owner answering for two is
 * normal.
 */
public final class RaciChecks {

    /** A failed check about one activity (roleId 0) or one role (activityId 0). */
    public record Finding(String code, long activityId, long roleId, long count) {

        public boolean aboutActivity() {
            return activityId != 0;
        }
    }

    public static final String NO_ACCOUNTABLE = "no_accountable";
    public static final String SEVERAL_ACCOUNTABLE = "several_accountable";
    public static final String NO_RESPONSIBLE = "no_responsible";
    public static final String TOO_MANY_A = "too_many_a";
    public static final String IDLE_ROLE = "idle_role";

    private RaciChecks() {
    }

    public static List<Finding> of(RaciMatrix m) {
        List<Finding> out = new ArrayList<>();
        for (Activity a : m.activities()) {
            long accountable = m.count(a.id(), Letter.A);
            if (accountable == 0) {
                out.add(new Finding(NO_ACCOUNTABLE, a.id(), 0, 0));
            } else if (accountable > 1) {
                out.add(new Finding(SEVERAL_ACCOUNTABLE, a.id(), 0, accountable));
            }
            if (m.count(a.id(), Letter.R) == 0) {
                out.add(new Finding(NO_RESPONSIBLE, a.id(), 0, 0));
            }
        }
        for (Role r : m.roles()) {
            long as = m.activities().stream().filter(a -> m.letter(a.id(), r.id()) == Letter.A).count();
            boolean any = m.activities().stream().anyMatch(a -> m.letter(a.id(), r.id()) != null);
            if (tooMany(as, m.activities().size())) {
                out.add(new Finding(TOO_MANY_A, 0, r.id(), as));
            } else if (!any) {
                out.add(new Finding(IDLE_ROLE, 0, r.id(), 0));
            }
        }
        return out;
    }

    static boolean tooMany(long accountableFor, int activities) {
        return accountableFor >= 3 && accountableFor * 2 > activities;
    }
}
