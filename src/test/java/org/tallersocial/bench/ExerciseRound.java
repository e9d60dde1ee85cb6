package org.tallersocial.bench;

import static org.tallersocial.bench.Bench.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One exercise as the rooms do it: the facilitator moves each room to the exercise's step (and
 * prepares it), every phone sends its inputs, all the rooms' inputs spread evenly over
 * --spread-ms, each timed from its first send to its ack; then how soon the screen showed every
 * acked input counted, and, once the server has stopped, whether every acked input is in the file.
 */
final class ExerciseRound {

    /** What one room's phones sent, how it went, and when its screen showed it all counted (0: never). */
    static final class RoomPass {
        final BenchRoom room;
        final Queue<PhoneMessage> sent = new ConcurrentLinkedQueue<>();
        /** The exercise's step in this room: the room moves on to the next exercise before the database is read. */
        long stepId;
        Burst burst;
        long exactAt;
        long lost;

        RoomPass(BenchRoom room) {
            this.room = room;
        }

        double exactMillis() {
            return exactAt > 0 ? Math.max(0, (exactAt - burst.lastAck) / 1e6) : Double.NaN;
        }

        Screen screen(ExerciseLoad load) {
            return load.onConsole() ? room.console : room.projector;
        }
    }

    private record Send(long offset, Runnable send) {
    }

    final ExerciseLoad load;
    private final Options opt;
    private final ServerProbe server;
    private final Joining.Measured measured;
    final List<RoomPass> passes = new ArrayList<>();
    private Received received;

    ExerciseRound(ExerciseLoad load, Options opt, List<BenchRoom> rooms, ServerProbe server, Joining.Measured measured) {
        this.load = load;
        this.opt = opt;
        this.server = server;
        this.measured = measured;
        rooms.forEach(r -> passes.add(new RoomPass(r)));
    }

    void run() throws Exception {
        BenchRoom.StepChoice step = load.step(opt.contentFile());
        for (RoomPass pass : passes) {
            enter(pass, step);
        }
        List<Send> sends = new ArrayList<>();
        AtomicInteger waiting = new AtomicInteger();
        for (RoomPass pass : passes) {
            schedule(pass, sends, waiting);
        }
        sends.sort(Comparator.comparingLong(Send::offset));

        Received counted = Received.from(passes.stream().flatMap(p -> p.room.joined().stream()).toList());
        CpuWatch cpu = CpuWatch.start(server);
        String startedAt = java.time.LocalTime.now().toString();
        long start = Burst.fire(sends.stream().map(Send::send).toList(),
                sends.stream().mapToLong(Send::offset).toArray());
        long allSent = System.nanoTime();
        long deadline = allSent + opt.answerTimeout().toNanos();
        while (waiting.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean all = waiting.get() <= 0;
        cpu.stop();
        passes.forEach(p -> p.burst = new Burst(List.copyOf(p.sent), start));
        passes.forEach(p -> p.room.joined().forEach(phone -> phone.keepsLists = false));

        Burst everyone = new Burst(passes.stream().flatMap(p -> p.sent.stream()).toList(), start);
        log("%s (at %s): %d inputs sent in %.0f ms; %d acknowledged, the last %.0f ms after the first send%s;"
                        + " resends after busy or not_saved %d, refusals %d, lost connections %d; CPU meanwhile: %s",
                load.kind(), startedAt, everyone.sent, (allSent - start) / 1e6, everyone.acked.size(),
                everyone.window(), all ? "" : " (gave up waiting after " + opt.answerTimeout().toSeconds() + " s)",
                everyone.resends, everyone.refused.size(), everyone.failed.size(), cpu.describe());
        everyone.refusals().stream().limit(5).forEach(r -> log("  %s", Bench.clip(r)));
        Bench.warnIfShared(cpu.otherMillis, cpu.wallNanos);
        measured.add(cpu.wallNanos, cpu.otherMillis);

        for (RoomPass pass : passes) {
            Map<String, Long> expected = load.expected(pass.burst.acked);
            Screen screen = pass.screen(load);
            pass.exactAt = Bench.waitFor(() -> screen.firstShowing(expected), opt.projectorTimeout());
            report(pass, expected, screen);
        }
        received = counted.settle();
        log("%s: %s", load.kind(), received.describe());
    }

    Received received() {
        return received;
    }

    /** The room on the exercise's step, open to the phones, with the screen that will show it counted. */
    private void enter(RoomPass pass, BenchRoom.StepChoice step) throws InterruptedException {
        BenchRoom room = pass.room;
        List<Phone> phones = room.joined();
        boolean there = !phones.isEmpty() && phones.stream()
                .allMatch(p -> step.key().equals(p.state.path("step").path("key").asText()));
        room.stepId = there ? phones.get(0).state.path("step").path("id").asLong() : room.goTo(step);
        pass.stepId = room.stepId;
        var shown = phones.isEmpty() ? null : phones.get(0).state.path("step");
        // Steps that take answers open by themselves when reached; one that did not is opened, as on the console.
        if (shown != null && shown.path("takesAnswers").asBoolean() && shown.path("pollState").asText().equals("pending")) {
            room.act("/steps/" + room.stepId + "/poll", "action", "open");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!phones.stream().allMatch(p -> p.state.path("step").path("pollState").asText().equals("open"))) {
                Bench.require(System.nanoTime() < until, "the phones never saw step '" + step.key() + "' open");
                Thread.sleep(20);
            }
        }
        phones.forEach(p -> p.keepsLists = load.readsLists());
        load.prepare(room);
        Screen screen = pass.screen(load);
        long stepId = room.stepId;
        screen.count(msg -> load.counted(msg, stepId));
        if (pass == passes.get(0)) {
            log("%s: the room is on step %d '%s' (%s), %d inputs per phone at most; exact: %s", load.kind(),
                    step.position(), step.key(), step.kind(), phones.isEmpty() ? 0 : load.inputsPerPhone(phones.get(0)),
                    load.exactMeans());
        }
    }

    /**
     * Every phone's inputs, one after another at an even pace: phone i sends its j-th input at slot
     * i * k + j of the room's slots, so the room's inputs arrive evenly over the spread.
     */
    private void schedule(RoomPass pass, List<Send> sends, AtomicInteger waiting) {
        List<Phone> phones = pass.room.joined();
        int[] per = phones.stream().mapToInt(load::inputsPerPhone).toArray();
        int slots = java.util.Arrays.stream(per).sum();
        long[] offsets = Burst.evenly(slots, opt.spreadMillis());
        int slot = 0;
        for (int i = 0; i < phones.size(); i++) {
            Phone phone = phones.get(i);
            for (int n = 0; n < per[i]; n++) {
                int input = n;
                boolean last = n == per[i] - 1;
                sends.add(new Send(offsets[slot++], () -> {
                    var body = load.input(phone, input);
                    if (body != null) {
                        waiting.incrementAndGet();
                        pass.sent.add(phone.send(body, waiting::decrementAndGet));
                    }
                    if (last) {
                        phone.keepsLists = false; // it has chosen what to vote for
                    }
                }));
            }
        }
    }

    private void report(RoomPass pass, Map<String, Long> expected, Screen screen) {
        Burst b = pass.burst;
        String prefix = passes.size() == 1 ? "" : "workshop " + pass.room.number + ": ";
        log("%s%s ack latency (first send -> ack, over every input): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms", prefix, load.kind(), b.p(50), b.p(95), b.p(99), b.p(100));
        if (passes.size() == 1) {
            log("%sacks arrived in waves (ms after the first send: count): %s", prefix, b.waves());
        }
        if (pass.exactAt > 0) {
            log("%s%s showed everything counted %.0f ms after the last ack (%s)", prefix, screen.name,
                    pass.exactMillis(), brief(expected));
        } else {
            log("%s%s never showed everything counted within %d s: expected %s, last shown %s", prefix, screen.name,
                    opt.projectorTimeout().toSeconds(), brief(expected), brief(screen.lastCounted()));
        }
    }

    private static String brief(Map<String, Long> counts) {
        String s = counts.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…}" : s;
    }

    /** Acknowledged inputs missing from the database (read after the server's clean stop), over all rooms. */
    long countStored(Connection db) throws SQLException {
        long lost = 0;
        for (RoomPass pass : passes) {
            pass.lost = 0;
            for (ExerciseLoad.Ledger ledger : load.ledgers()) {
                if (ledger.counts()) {
                    pass.lost += uncounted(db, ledger, pass);
                    continue;
                }
                Set<String> acked = new HashSet<>();
                pass.burst.acked.forEach(m -> {
                    String about = ledger.about().apply(m);
                    if (about != null) {
                        acked.add(m.phone.index + "|" + about);
                    }
                });
                Set<String> stored = rows(db, ledger, ledger.perWorkshop() ? pass.room.workshopId : pass.stepId);
                long missing = acked.stream().filter(k -> !stored.contains(k)).count();
                pass.lost += missing;
                log("database%s: %d %s stored; %d acknowledged, %d of them missing", passes.size() == 1 ? ""
                        : " (workshop " + pass.room.number + ")", stored.size(), ledger.rows(), acked.size(), missing);
            }
            lost += pass.lost;
        }
        return lost;
    }

    /** Acknowledged inputs beyond what the database counts, per thing counted. */
    private long uncounted(Connection db, ExerciseLoad.Ledger ledger, RoomPass pass) throws SQLException {
        Map<String, Long> acked = new java.util.TreeMap<>();
        pass.burst.acked.forEach(m -> {
            String about = ledger.about().apply(m);
            if (about != null) {
                acked.merge(about, 1L, Long::sum);
            }
        });
        Map<String, Long> stored = new java.util.TreeMap<>();
        try (PreparedStatement st = db.prepareStatement(ledger.sql())) {
            st.setLong(1, ledger.perWorkshop() ? pass.room.workshopId : pass.stepId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        long missing = acked.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - stored.getOrDefault(e.getKey(), 0L))).sum();
        log("database%s: %s %s counted; %s acknowledged, %d of them missing", passes.size() == 1 ? ""
                : " (workshop " + pass.room.number + ")", stored, ledger.rows(), acked, missing);
        return missing;
    }

    /** The ledger's rows as "phone number|what it is about"; phones joined as "Phone N". */
    private static Set<String> rows(Connection db, ExerciseLoad.Ledger ledger, long id) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement st = db.prepareStatement(ledger.sql())) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = String.valueOf(rs.getString(1));
                    out.add(name.replaceFirst("^Phone ", "") + "|" + rs.getString(2));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the figures of the last line

    int sent() {
        return passes.stream().mapToInt(p -> p.burst.sent).sum();
    }

    int acked() {
        return passes.stream().mapToInt(p -> p.burst.acked.size()).sum();
    }

    int refused() {
        return passes.stream().mapToInt(p -> p.burst.refused.size()).sum();
    }

    long lost() {
        return passes.stream().mapToLong(p -> p.lost).sum();
    }

    /** The worst room's percentile. */
    double p(double percent) {
        return passes.stream().mapToDouble(p -> p.burst.p(percent)).max().orElse(Double.NaN);
    }

    /** The worst room's; not a number when a room's screen never showed everything. */
    double exactMillis() {
        return passes.stream().anyMatch(p -> p.exactAt == 0) ? Double.NaN
                : passes.stream().mapToDouble(RoomPass::exactMillis).max().orElse(Double.NaN);
    }

    static final double ACK_P99_MS = 200;
    static final double EXACT_MS = 1000;

    /** The exercise bench's targets: every input acked and stored, ack p99 under 200 ms, the screen exact under 1 s. */
    List<String> missed() {
        List<String> out = new ArrayList<>();
        if (acked() < sent()) {
            out.add(String.format(Locale.ROOT, "%d of %d inputs not acknowledged", sent() - acked(), sent()));
        }
        if (lost() > 0) {
            out.add(lost() + " acknowledged inputs not in the database");
        }
        if (!(p(99) < ACK_P99_MS)) {
            out.add(String.format(Locale.ROOT, "ack p99 %s ms, target under %.0f", Bench.num(p(99)), ACK_P99_MS));
        }
        if (!(exactMillis() < EXACT_MS)) {
            out.add(String.format(Locale.ROOT, "%s exact %s ms, target under %.0f",
                    load.onConsole() ? "console" : "projector", Bench.num(exactMillis()), EXACT_MS));
        }
        return out;
    }
}
