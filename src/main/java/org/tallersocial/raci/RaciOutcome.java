package org.tallersocial.raci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallersocial.web.Texts;

/**
 * The matrix as the owner's report shows it: the settled letters, the checks
 * that still fail, whether and how it was settled, and where the room's own
 * proposals differed from what was settled. Counts and role names only: no
 * proposal is ever tied to a person here.
 *
 * @param rows     one per activity, a letter (or "") per role in the roles' order
 * @param findings the failing checks, in words
 * @param room     per activity, what the room proposed
 */
public record RaciOutcome(String title, int position, List<String> roles, List<Row> rows, List<String> findings,
                          String firstGap, boolean settled, String settledBy, String reason, List<RoomRow> room,
                          int proposers) {

    public record Row(String activity, List<String> letters) {
    }

    /**
     * @param majorityA the role most proposed as A, or null when the room was split or silent
     * @param differs   whether the settled A is another role than the room's majority
     */
    public record RoomRow(String activity, int proposers, String majorityA, boolean split, boolean gap,
                          List<String> majorityR, boolean differs) {
    }

    static RaciOutcome of(String title, int position, RaciBoard board, Texts texts, Locale locale) {
        RaciMatrix m;
        Settlement settlement;
        List<RoomSpread> spreads = new ArrayList<>();
        int proposers;
        synchronized (board) {
            m = board.matrix();
            settlement = board.settlement();
            m.activities().forEach(a -> spreads.add(board.spread(a)));
            proposers = board.respondents();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        m.roles().forEach(r -> names.put(r.id(), r.name()));
        List<Row> rows = new ArrayList<>();
        List<RoomRow> room = new ArrayList<>();
        for (int i = 0; i < m.activities().size(); i++) {
            Activity a = m.activities().get(i);
            rows.add(new Row(a.name(), m.roles().stream().map(r -> RaciExport.letter(m.letter(a.id(), r.id()))).toList()));
            RoomSpread s = spreads.get(i);
            String settledA = m.roles().stream().filter(r -> m.letter(a.id(), r.id()) == Letter.A)
                    .map(Role::name).findFirst().orElse(null);
            String majorityA = s.majorityA() == null ? null : names.get(s.majorityA());
            room.add(new RoomRow(a.name(), s.proposers(), majorityA, s.split(), s.gap(),
                    s.majorityR().stream().map(names::get).toList(),
                    majorityA != null && settledA != null && !majorityA.equals(settledA)));
        }
        List<RaciChecks.Finding> checks = RaciChecks.of(m);
        String firstGap = checks.stream()
                .filter(f -> f.code().equals(RaciChecks.NO_ACCOUNTABLE) || f.code().equals(RaciChecks.SEVERAL_ACCOUNTABLE))
                .findFirst().map(f -> RaciFindings.describe(f, m, texts, locale)).orElse(null);
        return new RaciOutcome(title, position, m.roles().stream().map(Role::name).toList(), rows,
                RaciFindings.describe(m, texts, locale), firstGap, settlement.settled(), settlement.by(),
                settlement.reason(), room, proposers);
    }
}
