package org.tallersocial.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suppression rules, on their own and as the room's picture applies them. */
class SmallCellsTest {

    private static ProfileAnswer a(String has, Integer ladder, List<String> obstacles, List<String> helps) {
        return new ProfileAnswer("LinkedIn", has, ladder, obstacles, null, helps, null, null, 1);
    }

    @Test
    void counts_of_one_or_two_are_hidden_and_zero_or_three_are_shown() {
        assertThat(SmallCells.single(0, 3)).isZero();
        assertThat(SmallCells.single(1, 3)).isNull();
        assertThat(SmallCells.single(2, 3)).isNull();
        assertThat(SmallCells.single(3, 3)).isEqualTo(3);
    }

    @Test
    void a_lone_hidden_cell_takes_the_smallest_other_with_it_so_the_total_cannot_give_it_away() {
        assertThat(SmallCells.group(new int[] {2, 0, 5, 4}, 3)).containsExactly(null, 0, 5, null);
        assertThat(SmallCells.group(new int[] {1, 2, 6}, 3)).as("two hidden already").containsExactly(null, null, 6);
        assertThat(SmallCells.group(new int[] {3, 4, 0}, 3)).containsExactly(3, 4, 0);
    }

    @Test
    void a_group_of_fewer_than_three_people_is_hidden_whole() {
        assertThat(SmallCells.group(new int[] {2, 0, 0}, 3)).containsExactly(null, null, null);
        assertThat(SmallCells.group(new int[] {0, 0, 0}, 3)).containsExactly(null, null, null);
    }

    @Test
    void the_ladder_is_hidden_when_the_count_of_profiles_it_adds_up_to_is() {
        // 5 with a profile, 1 without: the "no" is hidden, so "yes" goes with it; the ladder would reveal it.
        List<Map<String, ProfileAnswer>> people = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(Map.of("LinkedIn", a("yes", 2, List.of(), List.of())));
        }
        people.add(Map.of("LinkedIn", a("no", null, List.of(), List.of())));
        ProfileSummary.NetworkRow row = ProfileSummary.of(List.of("LinkedIn"), people).networks().get(0);
        assertThat(row.answered()).isEqualTo(6);
        assertThat(row.presence()).containsExactly(null, null, 0);
        assertThat(row.ladder()).containsOnlyNulls();
    }

    @Test
    void obstacles_count_people_not_networks_and_small_ones_go_last_hidden() {
        List<Map<String, ProfileAnswer>> people = List.of(
                Map.of("LinkedIn", a("yes", 1, List.of("time"), List.of("training")),
                        "Instagram", a("yes", 1, List.of("time"), List.of("training"))),
                Map.of("LinkedIn", a("no", null, List.of("time", "privacy"), List.of("training"))),
                Map.of("LinkedIn", a("no", null, List.of("time"), List.of("training"))));
        ProfileSummary s = ProfileSummary.of(List.of("LinkedIn", "Instagram"), people);
        assertThat(s.respondents()).isEqualTo(3);
        assertThat(s.obstacles().get(0)).isEqualTo(new ProfileSummary.Count("time", 3));
        assertThat(s.obstacles()).contains(new ProfileSummary.Count("privacy", null));
        assertThat(s.obstacles().get(s.obstacles().size() - 1).count()).isNull();
        assertThat(s.cross().cells()[1][1]).as("time with training, once per person").isEqualTo(3);
        assertThat(s.cross().cells()[0][1]).as("privacy with training: one person").isNull();
    }

    @Test
    void only_volunteers_are_named_and_only_for_their_network() {
        ProfileAnswer vera = new ProfileAnswer("TikTok", "yes", 4, List.of(), null, List.of(), null, "Vera", 1);
        ProfileSummary s = ProfileSummary.of(List.of("LinkedIn", "TikTok"),
                List.of(Map.of("TikTok", vera), Map.of("LinkedIn", a("yes", 0, List.of(), List.of()))));
        assertThat(s.ambassadors()).containsExactly(Map.entry("TikTok", List.of("Vera")));
    }
}
