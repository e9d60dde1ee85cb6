package org.tallersocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What `scripts/bench --suite` makes of the scenarios' last lines: the table, the verdicts, docs/performance.md. */
class PerformanceReportTest {

    private static final String ROOM = "one room\tscripts/bench --phones 5000 --spread-ms 10000 --compare-bare\t0\t"
            + "phones=5000 workshops=1 answered=5000 lost=0 ack_p50_ms=1.2 ack_p95_ms=20.6 ack_p99_ms=51.0"
            + " projector_exact_ms=76.8 heap_mb=122.4 join_s=56.3 others_pct=3 broadcasts=20 hub_fanout_p50_ms=100.0"
            + " hub_fanout_p99_ms=300.0 bare_fanout_p50_ms=80.0 bare_fanout_p99_ms=250.0 fanout_ratio=1.25"
            + " fanout_ratio_p99=1.20 hub_ack_p99_ms=60.0 bare_ack_p99_ms=20.0";
    private static final String ROOMS = "twenty rooms\tscripts/bench --workshops 20 --phones 200 --spread-ms 10000\t0\t"
            + "phones=4000 workshops=20 answered=4000 lost=0 ack_p50_ms=2.0 ack_p95_ms=30.0 ack_p99_ms=80.0"
            + " projector_exact_ms=90.0 heap_mb=150.0 join_s=46.3 others_pct=40";
    private static final String IDLE = "idle phones\tscripts/bench --phones 10000 --connect-only --server-heap 1g\t0\t"
            + "phones=10000 workshops=1 answered=0 lost=0 ack_p50_ms=na ack_p95_ms=na ack_p99_ms=na"
            + " projector_exact_ms=na heap_mb=197.0 join_s=82.2 others_pct=5";

    private static final String TEN_THOUSAND = "ten thousand\tscripts/bench --phones 10000 --spread-ms 10000"
            + " --server-heap 1g\t0\tphones=10000 workshops=1 answered=10000 lost=0 ack_p50_ms=5.0 ack_p95_ms=90.0"
            + " ack_p99_ms=240.0 projector_exact_ms=1500.0 heap_mb=210.0 join_s=80.0 others_pct=3 refused=0\tack_p99_ms<250";
    private static final String PROFILES = "profiles\tscripts/bench --phones 1000 --exercise profiles --spread-ms 10000"
            + "\t0\tphones=1000 workshops=1 exercise=profiles answered=8000 messages=8000 lost=0 ack_p50_ms=4.0"
            + " ack_p95_ms=40.0 ack_p99_ms=150.0 projector_exact_ms=80.0 heap_mb=60.0 join_s=9.0 others_pct=2 refused=0"
            + "\tack_p99_ms<200 projector_exact_ms<1000";
    private static final String QUESTIONS = "questions\tscripts/bench --phones 1000 --exercise questions"
            + "\t0\tphones=1000 workshops=1 exercise=questions answered=3990 messages=3990 lost=0 ack_p50_ms=3.0"
            + " ack_p95_ms=30.0 ack_p99_ms=90.0 projector_exact_ms=40.0 heap_mb=60.0 join_s=9.0 others_pct=2 refused=0"
            + "\tack_p99_ms<200 projector_exact_ms<1000";

    private static List<PerformanceReport.Run> runs(String... lines) {
        return java.util.Arrays.stream(lines).map(PerformanceReport::parse).toList();
    }

    @Test
    void a_run_that_meets_every_target_passes_and_the_page_says_how_it_was_taken() {
        List<PerformanceReport.Run> runs = runs(ROOM, ROOMS, IDLE);

        assertThat(PerformanceReport.exitStatus(runs)).isZero();
        String page = PerformanceReport.document(runs, "scripts/bench --suite", "300", "2 cores, 4 GiB RAM, JDK 17");
        assertThat(page).contains("`scripts/bench --suite` (300 s)", "2 cores, 4 GiB RAM, JDK 17",
                "`scripts/bench --workshops 20 --phones 200 --spread-ms 10000`", "Every target was met");
        assertThat(page).contains("| one room | 5000 | 5000 | 0 | 1.2 / 20.6 / 51.0 | 76.8 | – | 122.4 |");
        assertThat(page).contains("| fan-out, first phone to last, median (ms) | 100.0 | 80.0 | 1.25 |");
        assertThat(page).as("the figures taken while others used the machine are flagged")
                .contains("*twenty rooms* was taken on a busy machine").doesNotContain("*one room* was taken");
        assertThat(page).doesNotContain("MISSED");
    }

    @Test
    void one_lost_answer_in_one_room_misses_the_target_and_fails_the_suite() {
        List<PerformanceReport.Run> runs = runs(ROOM, ROOMS.replace("answered=4000 lost=0", "answered=3999 lost=1"),
                IDLE);

        assertThat(PerformanceReport.exitStatus(runs)).isEqualTo(1);
        assertThat(PerformanceReport.table(runs)).contains("0 lost ✘ MISSED");
    }

    @Test
    void a_slow_acknowledgement_a_late_projector_or_a_heavy_heap_each_miss_their_target() {
        assertThat(PerformanceReport.table(runs(ROOM.replace("ack_p99_ms=51.0", "ack_p99_ms=500.0"))))
                .contains("p99 < 500 ms ✘ MISSED");
        assertThat(PerformanceReport.table(runs(ROOM.replace("projector_exact_ms=76.8", "projector_exact_ms=na"))))
                .as("a projector that never showed everyone").contains("projector < 1 s ✘ MISSED");
        assertThat(PerformanceReport.table(runs(IDLE.replace("heap_mb=197.0", "heap_mb=1100.0"))))
                .contains("heap < 1024 MB ✘ MISSED");
        assertThat(PerformanceReport.table(runs(IDLE.replace("phones=10000", "phones=9990"))))
                .contains("all 10,000 phones in ✘ MISSED");
    }

    @Test
    void a_hub_slower_than_one_and_a_half_bare_jetty_misses_the_goal() {
        List<PerformanceReport.Run> runs = runs(ROOM.replace("fanout_ratio=1.25", "fanout_ratio=1.60"), ROOMS, IDLE);

        assertThat(PerformanceReport.exitStatus(runs)).isEqualTo(1);
        assertThat(PerformanceReport.comparison(runs.get(0))).contains("within 1.5x of bare Jetty (median) ✘ MISSED");
    }

    @Test
    void a_scenario_that_did_not_finish_is_a_failed_suite_not_a_missed_target() {
        List<PerformanceReport.Run> runs = runs(ROOM, "twenty rooms\tscripts/bench --workshops 20 --phones 200\t2\t"
                + "bench: kept /tmp/taller-bench.x (server.log, generator.out, data/)", IDLE);

        assertThat(PerformanceReport.exitStatus(runs)).isEqualTo(2);
        assertThat(PerformanceReport.document(runs, "scripts/bench --suite", "1", "m"))
                .contains("*twenty rooms* did not run to its end (exit 2)");
    }

    @Test
    void each_scenario_is_held_to_its_own_targets() {
        List<PerformanceReport.Run> runs = runs(TEN_THOUSAND, PROFILES);

        assertThat(PerformanceReport.exitStatus(runs)).as("the projector is no target at 10,000 phones").isZero();
        assertThat(PerformanceReport.table(runs)).contains("all 10,000 phones in ✔, 0 lost ✔, p99 < 250 ms ✔ |")
                .contains("| 8000 of 8000 inputs | 0 |", "0 lost ✔, p99 < 200 ms ✔, projector < 1 s ✔ |");
        assertThat(PerformanceReport.table(runs(TEN_THOUSAND.replace("ack_p99_ms=240.0", "ack_p99_ms=260.0"))))
                .contains("p99 < 250 ms ✘ MISSED");
    }

    @Test
    void an_exercise_counts_its_inputs_and_says_which_screen_was_exact() {
        assertThat(PerformanceReport.table(runs(PROFILES.replace("answered=8000", "answered=7999"))))
                .as("an input never acknowledged").contains("0 lost ✘ MISSED");
        assertThat(PerformanceReport.table(runs(PROFILES.replace("refused=0", "refused=3"))))
                .contains("no refusals (3 refused) ✘ MISSED");
        String page = PerformanceReport.document(runs(QUESTIONS), "scripts/bench --suite", "60", "m");
        assertThat(page).contains("| 40.0 (console) |", "console < 1 s ✔",
                "the console counted every acked input 40 ms after the last ack, against 1000");
    }
}
