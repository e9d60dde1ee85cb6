package org.tallersocial.raci;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the room's proposals for one activity spread over the roles.
 *
 * @param proposers  people with a proposal for the activity
 * @param accountable how many proposed each role as A, by role id
 * @param responsible how many proposed each role as R, by role id
 * @param majorityA  the role most proposed as A when no other role ties with it; null otherwise
 * @param split      people proposed but no role has more than half of the A proposals: the room disagrees
 * @param gap        the activity is open or has proposals, and nobody proposed anyone as R
 * @param majorityR  the roles at least half of the proposers named as R (or the single most named one)
 */
public record RoomSpread(long activityId, int proposers, Map<Long, Integer> accountable,
                         Map<Long, Integer> responsible, Long majorityA, boolean split, boolean gap,
                         List<Long> majorityR) {

    static RoomSpread of(Activity activity, Collection<Proposal> proposals) {
        Map<Long, Integer> a = new HashMap<>();
        Map<Long, Integer> r = new HashMap<>();
        int proposers = 0;
        int aVotes = 0;
        for (Proposal p : proposals) {
            if (p.accountable() == null && p.responsible().isEmpty()) {
                continue;
            }
            proposers++;
            if (p.accountable() != null) {
                a.merge(p.accountable(), 1, Integer::sum);
                aVotes++;
            }
            p.responsible().forEach(role -> r.merge(role, 1, Integer::sum));
        }
        Long top = uniqueTop(a);
        boolean split = proposers > 0 && (top == null || a.get(top) * 2 <= aVotes);
        boolean gap = (activity.open() || proposers > 0) && r.isEmpty();
        List<Long> majorityR = new ArrayList<>();
        int people = proposers;
        r.forEach((role, n) -> {
            if (n * 2 >= people) {
                majorityR.add(role);
            }
        });
        if (majorityR.isEmpty() && uniqueTop(r) != null) {
            majorityR.add(uniqueTop(r));
        }
        majorityR.sort(null);
        return new RoomSpread(activity.id(), proposers, Map.copyOf(a), Map.copyOf(r), top, split, gap,
                List.copyOf(majorityR));
    }

    private static Long uniqueTop(Map<Long, Integer> counts) {
        Long best = null;
        int bestCount = 0;
        boolean tie = false;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
                tie = false;
            } else if (e.getValue() == bestCount) {
                tie = true;
            }
        }
        return tie ? null : best;
    }
}
