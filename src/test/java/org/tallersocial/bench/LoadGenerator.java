package org.tallersocial.bench;

import static org.tallersocial.bench.Bench.log;
import static org.tallersocial.bench.Bench.num;
import static org.tallersocial.bench.Bench.percentile;
import static org.tallersocial.bench.Bench.require;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tallersocial.db.Database;
import org.tallersocial.testing.Browser;

/**
 * A benchmark, not a test: drives one real server (a separate JVM started by
 * {@code scripts/bench}) with phones over plain {@code java.net.http}
 * WebSockets, the way all-hands rooms would, and measures what people feel:
 * how fast phones get in, how long an answer waits for its acknowledgement,
 * how soon the projector shows everyone, and whether every acknowledged answer
 * is in the database afterwards. With {@code --workshops N} as many rooms are
 * live at once, each with its own projector, console and phones, and every
 * figure is taken per room. With {@code --compare-bare} it then measures the
 * same broadcasts from a bare Jetty server ({@link BareComparison}).
 *
 * <p>It only talks to the base URL it is given (localhost), and every wait has
 * a deadline. The last line it prints is machine-readable; with several rooms
 * the ack and projector figures are the worst room's:
 * {@code phones=N workshops=W answered=N lost=0 ack_p50_ms=.. ack_p95_ms=.. ack_p99_ms=.. projector_exact_ms=..
 * heap_mb=.. join_s=.. others_pct=..}, then the comparison's {@code hub_fanout_p50_ms=.. ..} when asked for.
 */
public final class LoadGenerator {

    private static final String PASSWORD = "correct horse battery";

    private final Options opt;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final List<HttpClient> httpClients = new ArrayList<>();
    private final List<HttpClient> wsClients = new ArrayList<>();
    private final ServerProbe server;
    private final List<BenchRoom> rooms = new ArrayList<>();
    /** CPU of the machine, the server and this process over the measured phases, to tell a shared machine. */
    private long measuredWallNanos;
    private long measuredOtherCpuMillis;
    /** What the phones received during the measured poll burst. */
    private Received pollReceived;

    private LoadGenerator(Options opt) {
        this.opt = opt;
        this.server = new ServerProbe(opt.serverPid());
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(opt.clientThreads(), r -> {
            Thread t = new Thread(r, "bench-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < opt.httpClients(); i++) {
            httpClients.add(newClient());
        }
        int wsCount = (opt.totalPhones() + opt.socketsPerClient() - 1) / opt.socketsPerClient();
        for (int i = 0; i < Math.max(1, wsCount); i++) {
            wsClients.add(newClient());
        }
    }

    private HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    public static void main(String[] args) {
        Options opt;
        try {
            opt = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (!opt.baseUrl().startsWith("http://localhost:") && !opt.baseUrl().startsWith("http://127.0.0.1:")) {
            System.err.println("error: the load generator only talks to localhost, not " + opt.baseUrl());
            System.exit(2);
        }
        int exit;
        try {
            exit = new LoadGenerator(opt).run().status();
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace(System.err);
            exit = 2;
        }
        System.out.flush();
        System.exit(exit);
    }

    /** How a run ended: main's exit status, the last line it printed, and every result line (one per exercise). */
    record Outcome(int status, String lastLine, List<String> lines) {
        Outcome(int status, String line) {
            this(status, line, List.of(line));
        }
    }

    /** A whole run, as main does it, without ending the JVM; for the bench's smoke test. */
    static Outcome runInProcess(String... args) throws Exception {
        return new LoadGenerator(Options.parse(args)).run();
    }

    // ------------------------------------------------------------------ the run

    private Outcome run() throws Exception {
        log("server pid %d at %s, data in %s; %d workshop(s) of %d phones%s", opt.serverPid(), opt.baseUrl(),
                opt.dataDir(), opt.workshops(), opt.phones(), opt.connectOnly() ? " (connect only)"
                        : opt.exercises().isEmpty() ? "" : " through " + String.join(", then ", opt.exercises()));

        // 1. The facilitator: first account through the setup link, then the live workshops on a poll step
        //    (or the first exercise's).
        Browser facilitator = new Browser(opt.baseUrl());
        facilitator.get(opt.setupPath());
        Browser.Response setup = facilitator.post(opt.setupPath(), "name", "Bench Facilitator",
                "email", "bench@example.org", "password", PASSWORD, "confirm", PASSWORD);
        require(setup.status() == 303, "setup link answered " + setup.status() + ": " + Bench.clip(setup.body()));
        BenchRoom.StepChoice first = opt.exercises().isEmpty() ? BenchRoom.choosePoll(opt.contentFile(), opt.stepKey())
                : ExerciseLoad.of(opt.exercises().get(0)).step(opt.contentFile());
        for (int w = 1; w <= opt.workshops(); w++) {
            BenchRoom room = BenchRoom.open(w, facilitator, opt, wsClients.get(0), first);
            rooms.add(room);
            if (w == 1 || opt.workshops() <= 3) {
                log("workshop %d (code %s) is live on step %d '%s' (%s)%s", room.workshopId, room.code,
                        first.position(), first.key(), first.kind(),
                        opt.reveal() ? "; results revealed to the phones" : "");
            }
        }
        if (opt.workshops() > 3) {
            log("... and %d more workshops like it, live at once", opt.workshops() - 1);
        }

        // 2. Phones join, spread over the rooms so that every room fills at once.
        List<Phone> phones = new ArrayList<>();
        for (int i = 0; i < opt.totalPhones(); i++) {
            BenchRoom room = rooms.get(i % rooms.size());
            Phone p = new Phone(i, room, scheduler);
            room.phones.add(p);
            phones.add(p);
        }
        double joinSeconds = Joining.joinAll(phones, opt, httpClients, wsClients, server, this::measured);
        List<Phone> joined = phones.stream().filter(p -> p.joinedAt > 0).toList();
        joined.stream().findFirst().ifPresent(p -> new PageWeight(httpClients.get(0), opt.baseUrl())
                .log(p.room.code, p.cookies));
        reportPresence();
        require(!joined.isEmpty(), "no phone could join");

        // 3. The bursts: every room's phones answer together (after optional warm-up rounds on another poll),
        //    or go through each exercise in turn.
        Fanout hubFanout = null;
        long hubStart = 0;
        List<ExerciseRound> exercises = new ArrayList<>();
        for (String kind : opt.exercises()) {
            ExerciseRound round = new ExerciseRound(ExerciseLoad.of(kind), opt, rooms, server, this::measured);
            round.run();
            exercises.add(round);
        }
        if (!opt.connectOnly() && exercises.isEmpty()) {
            warmUp();
            Received received = Received.from(joined);
            burst(opt.warmupRounds() + 1, true);
            reportRooms();
            pollReceived = received.settle();
            log("%s", pollReceived.describe());
            retryBurst(joined);
            if (opt.compareBare()) {
                // The hub's side of the comparison: two more polls, their live results shown on every phone,
                // the first to warm up (bare Jetty gets a warm-up round too), the second measured.
                BenchRoom room = rooms.get(0);
                long measuredStep = room.stepId;
                List<BenchRoom.StepChoice> polls = BenchRoom.otherPolls(opt.contentFile(), room.first.position(), 2);
                room.stepId = room.goToRevealed(polls.get(0));
                burst(opt.warmupRounds() + 2, false);
                log("comparison warm-up on '%s', revealed to the phones: %d acked, p99 %.1f ms", polls.get(0).key(),
                        room.lastBurst.acked.size(), room.lastBurst.p(99));
                room.stepId = room.goToRevealed(polls.get(1));
                hubFanout = new Fanout();
                Fanout f = hubFanout;
                joined.forEach(p -> p.fanout = f);
                hubStart = burst(opt.warmupRounds() + 3, false);
                joined.forEach(p -> p.fanout = null);
                log("comparison burst on '%s', revealed to the phones: %d acked, p50 %.1f ms, p99 %.1f ms",
                        polls.get(1).key(), room.lastBurst.acked.size(), room.lastBurst.p(50), room.lastBurst.p(99));
                room.stepId = measuredStep;
            }
        }

        // 4. The server's heap with every socket still open: used after a full GC.
        ServerProbe.Heap heap = server.heap();
        log("server heap: %.1f MB used before GC, %.1f MB used after a full GC (max %s); RSS %s MB; %s threads",
                heap.usedBeforeMb(), heap.usedAfterMb(), heap.maxMb(), server.status("VmRSS"), server.status("Threads"));
        log("load generator: %.1f s CPU, %d WebSocket clients for %d sockets",
                ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                        .getProcessCpuTime() / 1e9, wsClients.size(), joined.size() + 2 * rooms.size());

        // 5. Close everything, stop the server cleanly, then read the database file directly.
        closeAll(joined);
        server.stop(opt.stopTimeout());
        log("server stopped");
        long lost = 0;
        try (Connection db = openDatabase(opt.dataDir(), Duration.ofSeconds(20))) {
            if (exercises.isEmpty()) {
                lost = countStored(db);
            }
            for (ExerciseRound round : exercises) {
                lost += round.countStored(db);
            }
        }

        // 6. The same broadcasts from bare Jetty, now that our server is gone.
        BareComparison.Result bare = null;
        if (hubFanout != null) {
            List<Fanout.Broadcast> hub = hubFanout.reachingAll(joined.size());
            log("hub: %d results broadcasts reached all %d phones (%d broadcasts in all)", hub.size(), joined.size(),
                    hubFanout.broadcasts().size());
            bare = new BareComparison(opt, wsClients).run(hub, hubStart, joined, workDir());
            reportComparison(bare);
            closeAll(joined);
        }
        Shared shared = new Shared(joined.size(), heap.usedAfterMb(), joinSeconds,
                100 * Bench.othersShare(measuredOtherCpuMillis, measuredWallNanos));
        if (!exercises.isEmpty()) {
            return exerciseOutcome(exercises, shared);
        }
        String line = lastLine(shared, lost, bare);
        System.out.println(line);
        int refused = opt.connectOnly() ? 0 : rooms.stream().mapToInt(r -> r.burst.refused.size()).sum();
        boolean ok = joined.size() == opt.totalPhones() && lost == 0
                && (opt.connectOnly() || rooms.stream().allMatch(r -> r.burst.acked.size() == r.burst.sent));
        if (refused > 0) {
            log("FAILED: the server refused %d answers (see \"refused:\" above); a room's answers must be taken",
                    refused);
        }
        return new Outcome(refused > 0 ? 2 : ok ? 0 : 1, line);
    }

    /** The figures every last line of a run shares. */
    private record Shared(int phones, double heapMb, double joinSeconds, double othersPct) {
    }

    /**
     * One line per exercise, the last one last. A refusal fails the run (2): the bench must not pass
     * off a server that turns a room's inputs away as merely slow. Otherwise 1 when a target is missed.
     */
    private Outcome exerciseOutcome(List<ExerciseRound> exercises, Shared shared) {
        int status = 0;
        List<String> lines = new ArrayList<>();
        for (ExerciseRound round : exercises) {
            List<String> missed = new ArrayList<>(round.missed());
            if (shared.phones() < opt.totalPhones()) {
                missed.add(0, (opt.totalPhones() - shared.phones()) + " phones did not get in");
            }
            if (round.refused() > 0) {
                log("FAILED: %s: the server refused %d inputs (see above); the bench does not hide refusals",
                        round.load.kind(), round.refused());
                status = 2;
            } else if (!missed.isEmpty()) {
                log("%s: target missed: %s", round.load.kind(), String.join("; ", missed));
                status = Math.max(status, 1);
            } else {
                log("%s: every target met (0 lost, ack p99 < %.0f ms, %s exact < %.0f ms)", round.load.kind(),
                        ExerciseRound.ACK_P99_MS, round.load.onConsole() ? "console" : "projector",
                        ExerciseRound.EXACT_MS);
            }
        }
        for (ExerciseRound round : exercises) {
            String line = String.format(Locale.ROOT,
                    "phones=%d workshops=%d exercise=%s answered=%d messages=%d lost=%d ack_p50_ms=%s ack_p95_ms=%s"
                            + " ack_p99_ms=%s projector_exact_ms=%s heap_mb=%.1f join_s=%.1f others_pct=%.0f refused=%d",
                    shared.phones(), rooms.size(), round.load.kind(), round.acked(), round.sent(), round.lost(),
                    num(round.p(50)), num(round.p(95)), num(round.p(99)), num(round.exactMillis()), shared.heapMb(),
                    shared.joinSeconds(), shared.othersPct(), round.refused()) + round.received().figures();
            System.out.println(line);
            lines.add(line);
        }
        return new Outcome(status, lines.get(lines.size() - 1), lines);
    }

    /** Notes a measured phase's wall time and the CPU other processes took meanwhile. */
    private void measured(long wallNanos, long otherCpuMillis) {
        measuredWallNanos += wallNanos;
        measuredOtherCpuMillis += otherCpuMillis;
    }

    private void reportPresence() throws InterruptedException {
        for (BenchRoom room : rooms) {
            long at = Bench.waitFor(room.projector.connectedAt::get, Duration.ofSeconds(5));
            if (at == 0) {
                log("projector %d never showed %d phones connected (last seen %d)", room.number, opt.phones(),
                        room.projector.lastConnected);
            }
        }
        log("every projector showed its %d phones connected", opt.phones());
    }

    private void warmUp() throws Exception {
        if (opt.warmupRounds() == 0) {
            return;
        }
        BenchRoom.StepChoice warm = BenchRoom.otherPoll(opt.contentFile(), rooms.get(0).first.position());
        List<Long> measuredSteps = rooms.stream().map(r -> r.stepId).toList();
        for (BenchRoom room : rooms) {
            // Revealed when the measured poll will be, so that the phones' results path is warm too.
            room.stepId = opt.reveal() ? room.goToRevealed(warm) : room.goTo(warm);
        }
        for (int r = 1; r <= opt.warmupRounds(); r++) {
            burst(r, false);
            BenchRoom first = rooms.get(0);
            log("warm-up round %d on step '%s': %d acked, p50 %.1f ms, p99 %.1f ms, all within %.0f ms",
                    r, warm.key(), first.lastBurst.acked.size(), first.lastBurst.p(50), first.lastBurst.p(99),
                    first.lastBurst.window());
        }
        for (int i = 0; i < rooms.size(); i++) {
            BenchRoom room = rooms.get(i);
            room.stepId = room.goTo(room.first);
            require(room.stepId == measuredSteps.get(i), "the phones did not come back to step " + measuredSteps.get(i));
        }
    }

    /**
     * One round: every room's phones answer, evenly over --spread-ms or all at once, the rooms
     * side by side; waits (bounded) for every ack or refusal. Returns when the burst began.
     */
    private long burst(int round, boolean watched) throws InterruptedException {
        List<Phone> order = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (BenchRoom room : rooms) {
            List<Phone> in = room.joined();
            long[] due = Burst.evenly(in.size(), opt.spreadMillis());
            for (int i = 0; i < in.size(); i++) {
                in.get(i).prepareAnswer(room.stepId);
                order.add(in.get(i));
                offsets.add(due[i]);
            }
            if (watched) {
                room.projector.expectVoters(in.size());
                room.console.expectVoters(in.size());
            }
        }
        Integer[] byDue = new Integer[order.size()];
        for (int i = 0; i < byDue.length; i++) {
            byDue[i] = i;
        }
        java.util.Arrays.sort(byDue, Comparator.comparingLong(offsets::get));
        List<Phone> inOrder = java.util.Arrays.stream(byDue).map(order::get).toList();
        long[] sortedOffsets = java.util.Arrays.stream(byDue).mapToLong(offsets::get).toArray();

        CountDownLatch done = new CountDownLatch(inOrder.size());
        CpuWatch cpu = CpuWatch.start(server);
        String startedAt = java.time.LocalTime.now().toString();
        long start = Burst.fire(inOrder, sortedOffsets, done);
        long allSent = System.nanoTime();
        boolean all = done.await(opt.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        rooms.forEach(r -> {
            Burst b = Burst.ofAnswers(r.joined(), start);
            if (watched) {
                r.burst = b;
            } else {
                r.lastBurst = b;
            }
        });
        cpu.stop();
        long otherCpu = cpu.otherMillis;
        Burst everyone = Burst.ofAnswers(inOrder, start);
        log("burst %d (at %s): %d answers sent in %.0f ms; %d acknowledged, the last %.0f ms after the first send%s;"
                        + " resends after busy or not_saved %d, refusals %d, lost connections %d; CPU during the"
                        + " burst: %s",
                round, startedAt, everyone.sent, (allSent - start) / 1e6, everyone.acked.size(), everyone.window(),
                all ? "" : " (gave up waiting after " + opt.answerTimeout().toSeconds() + " s)",
                everyone.resends, everyone.refused.size(), everyone.failed.size(), cpu.describe());
        everyone.refusals().stream().limit(5).forEach(r -> log("  refused: %s", Bench.clip(r)));
        long wall = allSent - start + (long) (everyone.window() * 1e6);
        Bench.warnIfShared(otherCpu, wall);
        if (watched) {
            measured(System.nanoTime() - start, otherCpu);
            for (BenchRoom room : rooms) {
                room.projectorAt = Bench.waitFor(room.projector.votersAt::get, opt.projectorTimeout());
            }
        }
        return start;
    }

    private void reportRooms() throws InterruptedException {
        for (BenchRoom room : rooms) {
            Burst b = room.burst;
            String prefix = rooms.size() == 1 ? "" : "workshop " + room.number + ": ";
            if (rooms.size() == 1 || b.acked.size() < b.sent || room.projectorAt == 0) {
                log("%sack latency (send -> ack): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                        prefix, b.p(50), b.p(95), b.p(99), b.p(100));
                log("%sacks arrived in waves (ms after the first send: count): %s", prefix, b.waves());
            } else {
                log("%s%d acked, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; projector exact %.0f ms after its last ack",
                        prefix, b.acked.size(), b.p(50), b.p(95), b.p(99), projectorExact(room));
                continue;
            }
            long consoleAt = Bench.waitFor(room.console.votersAt::get, Duration.ofSeconds(2));
            log("%sprojector showed voters=%d %s; console %s; result messages seen: projector %d, console %d", prefix,
                    b.acked.size(), room.projectorAt > 0
                            ? String.format(Locale.ROOT, "%.0f ms after the last ack", projectorExact(room))
                            : "never (last " + room.projector.lastVoters + ")",
                    consoleAt > 0 ? String.format(Locale.ROOT, "%.0f ms after the last ack",
                            Math.max(0, (consoleAt - b.lastAck) / 1e6)) : "never (last " + room.console.lastVoters + ")",
                    room.projector.resultMessages.get(), room.console.resultMessages.get());
        }
    }

    private static double projectorExact(BenchRoom room) {
        return room.projectorAt > 0 ? Math.max(0, (room.projectorAt - room.burst.lastAck) / 1e6) : Double.NaN;
    }

    /**
     * The same burst again as retries: the server answers them from memory, without a write,
     * which shows what everything but the database costs.
     */
    private void retryBurst(List<Phone> joined) throws InterruptedException {
        CountDownLatch again = new CountDownLatch(joined.size());
        long retryStart = System.nanoTime();
        for (Phone p : joined) {
            p.resend(again);
        }
        again.await(opt.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Burst retry = Burst.ofAnswers(joined, retryStart);
        log("retry burst (same answers again: acknowledged as duplicates, nothing written): %d acked,"
                + " p50 %.1f ms, p99 %.1f ms, all within %.0f ms", retry.acked.size(), retry.p(50), retry.p(99),
                retry.window());
    }

    /** Counts what the database holds per room; returns the answers lost over all rooms. */
    private long countStored(Connection db) throws SQLException {
        long lost = 0;
        for (BenchRoom room : rooms) {
            long stored = count(db, "SELECT COUNT(*) FROM ANSWER WHERE STEP_ID = ?", room.stepId);
            long participants = count(db, "SELECT COUNT(*) FROM PARTICIPANT WHERE WORKSHOP_ID = ?",
                    room.workshopId);
            int sent = room.burst == null ? 0 : room.burst.sent;
            int acked = room.burst == null ? 0 : room.burst.acked.size();
            lost += sent - stored;
            if (rooms.size() == 1 || sent != stored) {
                log("database%s: %d participants, %d answers stored for step %d; lost %d (acknowledged but"
                        + " missing: %d)", rooms.size() == 1 ? "" : " (workshop " + room.number + ")",
                        participants, stored, room.stepId, sent - stored, Math.max(0, acked - stored));
            }
        }
        if (rooms.size() > 1) {
            log("database: every workshop checked; %d answers lost in all", lost);
        }
        return lost;
    }

    private void reportComparison(BareComparison.Result r) {
        log("fan-out, first phone to last, over the %d broadcasts both servers got to all %d phones:", r.broadcasts(),
                r.sockets());
        log("  our hub:   p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(r.hubSpreads(), 50),
                percentile(r.hubSpreads(), 99), percentile(r.hubSpreads(), 100));
        log("  bare Jetty: p50 %.1f ms, p99 %.1f ms, max %.1f ms (from its sendText loop's start: to the first"
                        + " phone p50 %.1f ms, to the last p50 %.1f ms, p99 %.1f ms)",
                percentile(r.bareSpreads(), 50), percentile(r.bareSpreads(), 99), percentile(r.bareSpreads(), 100),
                percentile(r.bareSendToFirst(), 50), percentile(r.bareSendToLast(), 50),
                percentile(r.bareSendToLast(), 99));
        log("  hub / bare Jetty: %.2fx at the median, %.2fx at p99; acks meanwhile: our hub p50 %.1f ms, p99 %.1f ms;"
                        + " bare Jetty p50 %.1f ms, p99 %.1f ms", r.ratio(50), r.ratio(99), rooms.get(0).lastBurst.p(50),
                rooms.get(0).lastBurst.p(99), r.bareBurst().p(50), r.bareBurst().p(99));
    }

    private String lastLine(Shared shared, long lost, BareComparison.Result bare) {
        int answered = 0;
        int refused = 0;
        double p50 = Double.NaN;
        double p95 = Double.NaN;
        double p99 = Double.NaN;
        double exact = Double.NaN;
        if (!opt.connectOnly()) {
            answered = rooms.stream().mapToInt(r -> r.burst.acked.size()).sum();
            refused = rooms.stream().mapToInt(r -> r.burst.refused.size()).sum();
            p50 = rooms.stream().mapToDouble(r -> r.burst.p(50)).max().orElse(Double.NaN);
            p95 = rooms.stream().mapToDouble(r -> r.burst.p(95)).max().orElse(Double.NaN);
            p99 = rooms.stream().mapToDouble(r -> r.burst.p(99)).max().orElse(Double.NaN);
            exact = rooms.stream().anyMatch(r -> r.projectorAt == 0) ? Double.NaN
                    : rooms.stream().mapToDouble(LoadGenerator::projectorExact).max().orElse(Double.NaN);
        }
        String line = String.format(Locale.ROOT,
                "phones=%d workshops=%d answered=%d lost=%d ack_p50_ms=%s ack_p95_ms=%s ack_p99_ms=%s"
                        + " projector_exact_ms=%s heap_mb=%.1f join_s=%.1f others_pct=%.0f refused=%d",
                shared.phones(), rooms.size(), answered, lost, num(p50), num(p95), num(p99), num(exact),
                shared.heapMb(), shared.joinSeconds(), shared.othersPct(), refused);
        if (pollReceived != null) {
            line += pollReceived.figures();
        }
        if (bare != null) {
            line += String.format(Locale.ROOT, " broadcasts=%d hub_fanout_p50_ms=%s hub_fanout_p99_ms=%s"
                            + " bare_fanout_p50_ms=%s bare_fanout_p99_ms=%s fanout_ratio=%.2f fanout_ratio_p99=%.2f"
                            + " hub_ack_p99_ms=%s bare_ack_p99_ms=%s",
                    bare.broadcasts(), num(percentile(bare.hubSpreads(), 50)), num(percentile(bare.hubSpreads(), 99)),
                    num(percentile(bare.bareSpreads(), 50)), num(percentile(bare.bareSpreads(), 99)), bare.ratio(50),
                    bare.ratio(99), num(rooms.get(0).lastBurst.p(99)), num(bare.bareBurst().p(99)));
        }
        return line;
    }

    private Path workDir() {
        return opt.dataDir().toAbsolutePath().getParent();
    }

    // ------------------------------------------------------------------ helpers

    private void closeAll(List<Phone> phones) {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (Phone p : phones) {
            if (p.ws != null && !p.ws.isOutputClosed()) {
                closing.add(p.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null));
            }
        }
        rooms.forEach(r -> {
            r.projector.close();
            r.console.close();
        });
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("not every socket closed politely within 10 s; aborting the rest");
        }
        phones.forEach(p -> {
            if (p.ws != null) {
                p.ws.abort();
            }
        });
        rooms.forEach(r -> {
            if (r.projector.ws != null) {
                r.projector.ws.abort();
            }
            if (r.console.ws != null) {
                r.console.ws.abort();
            }
        });
    }

    static Connection openDatabase(Path dataDir, Duration timeout) throws SQLException, InterruptedException {
        String url = Database.url(dataDir) + ";IFEXISTS=TRUE";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(url, "kit", "");
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200); // the file lock may outlive the process by a moment
            }
        }
    }

    private static long count(Connection db, String sql, long id) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
