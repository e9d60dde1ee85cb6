package org.tallersocial.raci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks a settled matrix must pass, and how the room's proposals are read. */
class RaciChecksTest {

    private static final List<Role> ROLES = List.of(new Role(1, 0, "Owner"), new Role(2, 1, "Community manager"),
            new Role(3, 2, "Every employee"));

    @Test
    void a_RACI_row_needs_exactly_one_accountable() {
        RaciMatrix none = matrix(1, "1:R 2:C 3:I");
        RaciMatrix two = matrix(1, "1:A 2:A 3:R");
        RaciMatrix one = matrix(1, "1:A 2:R 3:I");

        assertThat(codes(none)).contains(RaciChecks.NO_ACCOUNTABLE);
        assertThat(RaciChecks.of(two)).filteredOn(f -> f.code().equals(RaciChecks.SEVERAL_ACCOUNTABLE))
                .singleElement().satisfies(f -> {
                    assertThat(f.activityId()).isEqualTo(101);
                    assertThat(f.count()).isEqualTo(2);
                });
        assertThat(codes(one)).doesNotContain(RaciChecks.NO_ACCOUNTABLE, RaciChecks.SEVERAL_ACCOUNTABLE);
    }

    @Test
    void a_RACI_row_needs_at_least_one_responsible() {
        assertThat(codes(matrix(1, "1:A 2:C 3:I"))).containsExactly(RaciChecks.NO_RESPONSIBLE);
        assertThat(codes(matrix(1, "1:A 2:R 3:R"))).isEmpty();
    }

    @Test
    void a_role_accountable_for_more_than_half_of_the_activities_is_flagged() {
        // Owner is A on 3 of 5 activities: more than half, and at least three.
        RaciMatrix m = matrix(5, "1:A 2:R 3:I", "1:A 2:R 3:I", "1:A 2:R 3:I", "2:A 3:R 1:I", "2:A 3:R 1:I");

        assertThat(RaciChecks.of(m)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RaciChecks.TOO_MANY_A);
            assertThat(f.roleId()).isEqualTo(1);
            assertThat(f.count()).isEqualTo(3);
        });
    }

    @Test
    void answering_for_half_or_for_two_activities_is_not_too_many() {
        assertThat(RaciChecks.tooMany(2, 2)).as("two of two: a small matrix").isFalse();
        assertThat(RaciChecks.tooMany(3, 6)).as("exactly half").isFalse();
        assertThat(RaciChecks.tooMany(3, 5)).isTrue();
        assertThat(RaciChecks.tooMany(7, 12)).isTrue();
    }

    @Test
    void a_role_with_no_letter_anywhere_is_flagged() {
        RaciMatrix m = matrix(2, "1:A 2:R", "1:A 2:R");

        assertThat(RaciChecks.of(m)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RaciChecks.IDLE_ROLE);
            assertThat(f.roleId()).isEqualTo(3);
        });
    }

    @Test
    void a_complete_matrix_passes_every_check() {
        assertThat(RaciChecks.of(matrix(3, "1:A 2:R 3:I", "2:A 3:R 1:C", "3:A 1:R 2:I"))).isEmpty();
    }

    @Test
    void an_empty_matrix_fails_on_every_row_and_every_role() {
        assertThat(codes(matrix(2))).containsExactly(RaciChecks.NO_ACCOUNTABLE, RaciChecks.NO_RESPONSIBLE,
                RaciChecks.NO_ACCOUNTABLE, RaciChecks.NO_RESPONSIBLE,
                RaciChecks.IDLE_ROLE, RaciChecks.IDLE_ROLE, RaciChecks.IDLE_ROLE);
    }

    @Test
    void the_room_disagrees_when_no_role_has_more_than_half_of_the_A_proposals() {
        Activity a = new Activity(101, 0, "Publish content", true);
        RoomSpread split = RoomSpread.of(a, List.of(p(1, 1L, 2), p(2, 2L, 2), p(3, 3L, 2), p(4, 1L, 3)));
        RoomSpread clear = RoomSpread.of(a, List.of(p(1, 1L, 2), p(2, 1L, 2), p(3, 2L, 3)));

        assertThat(split.split()).as("Owner has 2 of 4").isTrue();
        assertThat(split.majorityA()).as("Owner still leads alone").isEqualTo(1L);
        assertThat(clear.split()).isFalse();
        assertThat(clear.majorityA()).isEqualTo(1L);
        assertThat(clear.accountable()).containsEntry(1L, 2).containsEntry(2L, 1);
        assertThat(clear.majorityR()).as("named as R by at least half").containsExactly(2L);
    }

    @Test
    void a_tie_for_A_has_no_majority() {
        RoomSpread tie = RoomSpread.of(new Activity(101, 0, "x", true), List.of(p(1, 1L, 3), p(2, 2L, 3)));

        assertThat(tie.majorityA()).isNull();
        assertThat(tie.split()).isTrue();
    }

    @Test
    void a_gap_is_an_open_activity_nobody_proposed_an_R_for() {
        Activity open = new Activity(101, 0, "x", true);
        Activity shut = new Activity(102, 1, "y", false);

        assertThat(RoomSpread.of(open, List.of(new Proposal(1, 101, 1L, List.of(), 1))).gap()).isTrue();
        assertThat(RoomSpread.of(open, List.of()).gap()).as("open, nobody answered yet").isTrue();
        assertThat(RoomSpread.of(shut, List.of()).gap()).as("not asked yet").isFalse();
        assertThat(RoomSpread.of(open, List.of(p(1, 1L, 2))).gap()).isFalse();
    }

    private static Proposal p(long person, Long accountable, long responsible) {
        return new Proposal(person, 101, accountable, List.of(responsible), 1);
    }

    private static List<String> codes(RaciMatrix m) {
        return RaciChecks.of(m).stream().map(RaciChecks.Finding::code).toList();
    }

    /** Activities 101, 102... each row written as "role:letter" pairs. */
    private static RaciMatrix matrix(int activities, String... rows) {
        List<Activity> list = new ArrayList<>();
        Map<RaciMatrix.CellKey, Cell> cells = new HashMap<>();
        for (int i = 0; i < activities; i++) {
            long id = 101 + i;
            list.add(new Activity(id, i, "Activity " + (i + 1), true));
            if (i < rows.length) {
                for (String pair : rows[i].split(" ")) {
                    String[] rl = pair.split(":");
                    long role = Long.parseLong(rl[0]);
                    cells.put(new RaciMatrix.CellKey(id, role), new Cell(id, role, Letter.valueOf(rl[1]), 1));
                }
            }
        }
        return new RaciMatrix(ROLES, list, cells);
    }
}
