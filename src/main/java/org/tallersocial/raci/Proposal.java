package org.tallersocial.raci;

import java.util.List;

/**
 * One person's proposal for one activity: who should answer for it (A, or nobody yet)
 * and who should do the work (R). The same role may be both.
 */
public record Proposal(long participantId, long activityId, Long accountable, List<Long> responsible, long seq) {

    public Proposal {
        responsible = responsible.stream().sorted().distinct().toList();
    }

    boolean names(long roleId) {
        return accountable != null && accountable == roleId || responsible.contains(roleId);
    }
}
