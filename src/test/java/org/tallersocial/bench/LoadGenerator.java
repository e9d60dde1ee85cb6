package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallersocial.testing.Browser;

/**
 * A benchmark, not a test: drives one real server (a separate JVM started by
 * {@code scripts/bench}) with N phones over plain {@code java.net.http}
 * WebSockets, the way an all-hands room would, and measures what people feel:
 * how fast phones get in, how long an answer waits for its acknowledgement,
 * how soon the projector shows everyone, and whether every acknowledged answer
 * is in the database afterwards.
 *
 * <p>It only talks to the base URL it is given (localhost), and every wait has
 * a deadline. The last line it prints is machine-readable:
 * {@code phones=N answered=N lost=0 ack_p50_ms=.. ack_p95_ms=.. ack_p99_ms=.. projector_exact_ms=.. heap_mb=..}
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("data-code=\"([A-Z0-9]{6})\"");
    private static final Pattern CSRF_COOKIE = Pattern.compile("^ts_csrf=([^;]*)");
    private static final String PASSWORD = "correct horse battery";

    private final Options opt;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final List<HttpClient> httpClients = new ArrayList<>();
    private final List<HttpClient> wsClients = new ArrayList<>();

    private LoadGenerator(Options opt) {
        this.opt = opt;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(opt.clientThreads, r -> {
            Thread t = new Thread(r, "bench-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < opt.httpClients; i++) {
            httpClients.add(newClient());
        }
        int wsCount = (opt.phones + opt.socketsPerClient - 1) / opt.socketsPerClient;
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
        if (!opt.baseUrl.startsWith("http://localhost:") && !opt.baseUrl.startsWith("http://127.0.0.1:")) {
            System.err.println("error: the load generator only talks to localhost, not " + opt.baseUrl);
            System.exit(2);
        }
        int exit;
        try {
            exit = new LoadGenerator(opt).run();
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace(System.err);
            exit = 2;
        }
        System.out.flush();
        System.exit(exit);
    }

    // ------------------------------------------------------------------ the run

    private int run() throws Exception {
        ServerProbe server = new ServerProbe(opt.serverPid);
        log("server pid %d at %s, data in %s; %d phones%s", opt.serverPid, opt.baseUrl, opt.dataDir, opt.phones,
                opt.connectOnly ? " (connect only)" : "");

        // 1. The facilitator: first account through the setup link, a live workshop, a poll step.
        Browser facilitator = new Browser(opt.baseUrl);
        facilitator.get(opt.setupPath);
        Browser.Response setup = facilitator.post(opt.setupPath, "name", "Bench Facilitator",
                "email", "bench@example.org", "password", PASSWORD, "confirm", PASSWORD);
        require(setup.status() == 303, "setup link answered " + setup.status() + ": " + clip(setup.body()));
        Browser.Response created = facilitator.post("/facilitate/workshops", "title", "Benchmark all-hands",
                "company", "Bench & Co", "template", opt.template);
        require(created.status() == 303, "workshop creation answered " + created.status() + ": " + clip(created.body()));
        long workshopId = Long.parseLong(created.location().orElseThrow().replaceAll(".*/facilitate/", ""));
        Matcher m = CODE.matcher(facilitator.get("/facilitate/" + workshopId).body());
        require(m.find(), "the console page shows no join code");
        String code = m.group(1);
        act(facilitator, workshopId, "/live");

        PollChoice poll = choosePoll(opt.contentFile, opt.stepKey);
        act(facilitator, workshopId, "/step", "to", String.valueOf(poll.position));
        log("workshop %d (code %s) is live on step %d '%s' (%s)", workshopId, code, poll.position, poll.key, poll.kind);

        // 2. Projector and console, up before the room fills, as in a real room.
        String wsBase = opt.baseUrl.replaceFirst("^http", "ws");
        Observer projector = new Observer("projector");
        Observer console = new Observer("console");
        projector.connect(wsClients.get(0), wsBase + "/ws/screen/" + code, null);
        console.connect(wsClients.get(0), wsBase + "/ws/console/" + workshopId, facilitator.cookieHeader());
        JsonNode screenState = projector.firstState.get(15, TimeUnit.SECONDS);
        console.firstState.get(15, TimeUnit.SECONDS);
        JsonNode step = screenState.path("step");
        require(step.path("key").asText().equals(poll.key), "the projector shows step " + step.path("key")
                + ", expected " + poll.key);
        require(step.path("pollState").asText().equals("open"), "the poll is " + step.path("pollState") + ", not open");
        long stepId = step.path("id").asLong();
        if (!step.path("resultsVisible").asBoolean()) {
            act(facilitator, workshopId, "/steps/" + stepId + "/poll", "action", "reveal");
            log("results of step %d were hidden; revealed them so the projector shows them", stepId);
        }
        projector.watch(stepId);
        console.watch(stepId);

        // 3. Phones join: the join page, the form post, then the socket and its first snapshot.
        Phone[] phones = new Phone[opt.phones];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = new Phone(i);
        }
        projector.expectConnected(opt.phones);
        long cpuBeforeJoin = server.cpuMillis();
        long clientBeforeJoin = clientCpuMillis();
        long machineBeforeJoin = machineBusyMillis();
        String joinStartedAt = java.time.LocalTime.now().toString();
        long joinStart = System.nanoTime();
        joinAll(phones, code, wsBase, workshopId);
        long joinEnd = System.nanoTime();
        long cpuAfterJoin = server.cpuMillis();
        long clientJoinCpu = clientCpuMillis() - clientBeforeJoin;
        long otherJoinCpu = Math.max(0, machineBusyMillis() - machineBeforeJoin - (cpuAfterJoin - cpuBeforeJoin)
                - clientJoinCpu);
        List<Phone> joined = Arrays.stream(phones).filter(p -> p.joinedAt > 0).toList();
        double joinSeconds = (joinEnd - joinStart) / 1e9;
        log("%d of %d phones joined and connected in %.1f s (from %s): %.0f joins/s; per phone (page+post+socket+snapshot)"
                        + " p50 %.0f ms, p99 %.0f ms; CPU: server %.1f s, load generator %.1f s, other processes %.1f s",
                joined.size(), opt.phones, joinSeconds, joinStartedAt, joined.size() / joinSeconds,
                percentile(joined.stream().mapToDouble(p -> (p.joinedAt - p.joinStartedAt) / 1e6).toArray(), 50),
                percentile(joined.stream().mapToDouble(p -> (p.joinedAt - p.joinStartedAt) / 1e6).toArray(), 99),
                (cpuAfterJoin - cpuBeforeJoin) / 1000.0, clientJoinCpu / 1000.0, otherJoinCpu / 1000.0);
        reportJoinFailures(phones);
        warnIfShared(otherJoinCpu, joinEnd - joinStart);
        joined.stream().findFirst().ifPresent(p -> pageWeight(code, p.cookies));
        long presenceAt = projector.connectedAt.get() > 0 ? projector.connectedAt.get()
                : waitFor(() -> projector.connectedAt.get(), Duration.ofSeconds(5));
        if (presenceAt > 0) {
            log("projector showed %d phones connected %.0f ms after the last join", opt.phones,
                    Math.max(0, (presenceAt - joinEnd) / 1e6));
        } else {
            log("projector never showed %d phones connected (last seen %d)", opt.phones, projector.lastConnected);
        }
        require(!joined.isEmpty(), "no phone could join");

        // 4. One burst: every phone answers at once (after optional warm-up rounds on another poll).
        int answered = 0;
        int sent = 0;
        double p50 = Double.NaN;
        double p95 = Double.NaN;
        double p99 = Double.NaN;
        double projectorExact = Double.NaN;
        if (!opt.connectOnly) {
            if (opt.warmupRounds > 0) {
                PollChoice warm = otherPoll(opt.contentFile, poll.position);
                act(facilitator, workshopId, "/step", "to", String.valueOf(warm.position));
                long warmStep = awaitStep(joined, warm.key);
                for (int r = 1; r <= opt.warmupRounds; r++) {
                    Burst b = burst(joined, warmStep, warm.kind, r, server, null, null);
                    log("warm-up round %d on step '%s': %d acked, p50 %.1f ms, p99 %.1f ms, all within %.0f ms",
                            r, warm.key, b.acked.size(), b.p(50), b.p(99), b.window());
                }
                act(facilitator, workshopId, "/step", "to", String.valueOf(poll.position));
                require(awaitStep(joined, poll.key) == stepId, "the phones did not come back to step " + stepId);
            }
            Burst b = burst(joined, stepId, poll.kind, opt.warmupRounds + 1, server, projector, console);
            sent = b.sent;
            answered = b.acked.size();
            p50 = b.p(50);
            p95 = b.p(95);
            p99 = b.p(99);
            log("ack latency (send -> ack): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                    p50, p95, p99, b.p(100));
            log("acks arrived in waves (ms after the first send: count): %s", b.waves());
            long projectorAt = waitFor(() -> projector.votersAt.get(), opt.projectorTimeout);
            long consoleAt = waitFor(() -> console.votersAt.get(), Duration.ofSeconds(2));
            if (projectorAt > 0) {
                projectorExact = Math.max(0, (projectorAt - b.lastAck) / 1e6);
            }
            log("projector showed voters=%d %s; console %s; result messages seen: projector %d, console %d",
                    answered, projectorAt > 0 ? String.format(Locale.ROOT, "%.0f ms after the last ack", projectorExact)
                            : "never (last " + projector.lastVoters + ")",
                    consoleAt > 0 ? String.format(Locale.ROOT, "%.0f ms after the last ack",
                            Math.max(0, (consoleAt - b.lastAck) / 1e6)) : "never (last " + console.lastVoters + ")",
                    projector.resultMessages.get(), console.resultMessages.get());

            // The same burst again as retries: the server answers them from memory, without a write,
            // which shows what everything but the database costs.
            CountDownLatch again = new CountDownLatch(joined.size());
            long retryStart = System.nanoTime();
            for (Phone p : joined) {
                p.resend(again);
            }
            again.await(opt.answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            Burst retry = new Burst(joined.size(), retryStart, joined.stream().filter(p -> p.ackAt > 0).toList());
            log("retry burst (same answers again: acknowledged as duplicates, nothing written): %d acked,"
                    + " p50 %.1f ms, p99 %.1f ms, all within %.0f ms", retry.acked.size(), retry.p(50), retry.p(99),
                    retry.window());
        }

        // 5. The server's heap with every socket still open: used after a full GC.
        ServerProbe.Heap heap = server.heap();
        log("server heap: %.1f MB used before GC, %.1f MB used after a full GC (max %s); RSS %s MB; %s threads",
                heap.usedBeforeMb(), heap.usedAfterMb(), heap.maxMb(), server.status("VmRSS"), server.status("Threads"));
        log("load generator: %.1f s CPU, %d WebSocket clients for %d sockets",
                ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                        .getProcessCpuTime() / 1e9, wsClients.size(), joined.size() + 2);

        // 6. Close everything, stop the server cleanly, then read the database file directly.
        closeAll(joined, projector, console);
        server.stop(opt.stopTimeout);
        log("server stopped");
        long stored = 0;
        long participants = 0;
        try (Connection db = openDatabase(opt.dataDir, Duration.ofSeconds(20))) {
            stored = count(db, "SELECT COUNT(*) FROM ANSWER WHERE STEP_ID = ?", stepId);
            participants = count(db, "SELECT COUNT(*) FROM PARTICIPANT WHERE WORKSHOP_ID = ?", workshopId);
        }
        long lost = sent - stored;
        long ackedButMissing = Math.max(0, answered - stored);
        log("database: %d participants, %d answers stored for step %d; lost %d (acknowledged but missing: %d)",
                participants, stored, stepId, lost, ackedButMissing);

        String line = String.format(Locale.ROOT,
                "phones=%d answered=%d lost=%d ack_p50_ms=%s ack_p95_ms=%s ack_p99_ms=%s projector_exact_ms=%s heap_mb=%.1f",
                joined.size(), answered, lost, num(p50), num(p95), num(p99), num(projectorExact), heap.usedAfterMb());
        System.out.println(line);
        boolean ok = joined.size() == opt.phones && lost == 0 && (opt.connectOnly || answered == sent);
        return ok ? 0 : 1;
    }

    // ------------------------------------------------------------------ answering

    /** One round: every phone sends its answer at once; waits (bounded) for every ack or refusal. */
    private Burst burst(List<Phone> phones, long stepId, String kind, int round, ServerProbe server,
                        Observer projector, Observer console) throws InterruptedException {
        for (Phone p : phones) {
            p.prepareAnswer(round, stepId, kind, optionCount(p.state), maxPicks(p.state));
        }
        CountDownLatch done = new CountDownLatch(phones.size());
        if (projector != null) {
            projector.expectVoters(phones.size());
        }
        if (console != null) {
            console.expectVoters(phones.size());
        }
        long cpuBefore = server.cpuMillis();
        long clientCpuBefore = clientCpuMillis();
        long machineBefore = machineBusyMillis();
        String startedAt = java.time.LocalTime.now().toString();
        long start = System.nanoTime();
        for (int i = 0; i < phones.size(); i++) {
            if (opt.spreadMillis > 0) {
                long due = start + (long) i * opt.spreadMillis * 1_000_000L / phones.size();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            phones.get(i).sendAnswer(done);
        }
        long allSent = System.nanoTime();
        boolean all = done.await(opt.answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Burst b = new Burst(phones.size(), start, phones.stream().filter(p -> p.ackAt > 0).toList());
        long serverCpu = server.cpuMillis() - cpuBefore;
        long clientCpu = clientCpuMillis() - clientCpuBefore;
        long otherCpu = Math.max(0, machineBusyMillis() - machineBefore - serverCpu - clientCpu);
        log("burst %d (at %s): %d answers sent in %.0f ms; %d acknowledged, the last %.0f ms after the first send%s;"
                        + " retries %d, refusals %d; CPU during the burst: server %.2f s, load generator %.2f s,"
                        + " other processes %.2f s",
                round, startedAt, b.sent, (allSent - start) / 1e6, b.acked.size(), b.window(),
                all ? "" : " (gave up waiting after " + opt.answerTimeout.toSeconds() + " s)",
                phones.stream().mapToInt(p -> p.retries.get()).sum(),
                phones.stream().filter(p -> p.refusal != null).count(),
                serverCpu / 1000.0, clientCpu / 1000.0, otherCpu / 1000.0);
        phones.stream().filter(p -> p.refusal != null).limit(5)
                .forEach(p -> log("  refused: phone %d: %s", p.index, p.refusal));
        warnIfShared(otherCpu, allSent - start + (long) (b.window() * 1e6));
        return b;
    }

    /** What one burst measured: acknowledgement latencies and when the acks came. */
    static final class Burst {
        final int sent;
        final long start;
        final List<Phone> acked;
        final double[] latencies;
        final long lastAck;

        Burst(int sent, long start, List<Phone> acked) {
            this.sent = sent;
            this.start = start;
            this.acked = acked;
            this.latencies = acked.stream().mapToDouble(p -> (p.ackAt - p.sentAt) / 1e6).sorted().toArray();
            this.lastAck = acked.stream().mapToLong(p -> p.ackAt).max().orElse(start);
        }

        double p(double percent) {
            return percentile(latencies, percent);
        }

        double window() {
            return (lastAck - start) / 1e6;
        }

        /** Acks grouped where more than 20 ms pass without one: each group is roughly one commit. */
        String waves() {
            long[] times = acked.stream().mapToLong(p -> p.ackAt).sorted().toArray();
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < times.length) {
                int j = i;
                while (j + 1 < times.length && times[j + 1] - times[j] < 20_000_000L) {
                    j++;
                }
                out.add(String.format(Locale.ROOT, "%.0f-%.0f: %d", (times[i] - start) / 1e6,
                        (times[j] - start) / 1e6, j - i + 1));
                i = j + 1;
            }
            return out.size() <= 15 ? String.join(", ", out)
                    : String.join(", ", out.subList(0, 15)) + ", ... (" + out.size() + " waves)";
        }
    }

    /** Waits until every phone's latest snapshot shows the step with this key; returns its id. */
    private long awaitStep(List<Phone> phones, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long behind = phones.stream().filter(p -> !key.equals(p.state.path("step").path("key").asText())).count();
            if (behind == 0) {
                return phones.get(0).state.path("step").path("id").asLong();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not every phone reached step '" + key + "' within 30 s");
    }

    /** Server and load share the machine; anything else running (a build, a test run) skews the figures. */
    private static void warnIfShared(long otherCpuMillis, long wallNanos) {
        double share = otherCpuMillis / (wallNanos / 1e6 * Runtime.getRuntime().availableProcessors());
        if (share > 0.15) {
            log("WARNING: other processes used %.0f%% of the machine meanwhile; these figures are pessimistic",
                    share * 100);
        }
    }

    /** CPU time the whole machine spent busy (all processes, all cores), from /proc/stat. */
    static long machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long clientCpuMillis() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1_000_000;
    }

    // ------------------------------------------------------------------ joining

    private void joinAll(Phone[] phones, String code, String wsBase, long workshopId) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(phones.length);
        AtomicInteger progress = new AtomicInteger();
        for (int w = 0; w < Math.min(opt.joinConcurrency, phones.length); w++) {
            joinNext(phones, next, done, progress, code, wsBase, workshopId);
        }
        long deadline = System.nanoTime() + opt.joinTimeout.toNanos();
        while (!done.await(5, TimeUnit.SECONDS)) {
            log("  ... %d of %d phones connected", progress.get(), phones.length);
            if (System.nanoTime() > deadline) {
                log("gave up waiting for joins after %d s", opt.joinTimeout.toSeconds());
                break;
            }
        }
    }

    private void joinNext(Phone[] phones, AtomicInteger next, CountDownLatch done, AtomicInteger progress,
                          String code, String wsBase, long workshopId) {
        int i = next.getAndIncrement();
        if (i >= phones.length) {
            return;
        }
        Phone p = phones[i];
        p.join(httpClients.get(i % httpClients.size()), wsClients.get(i / opt.socketsPerClient), code, wsBase,
                        workshopId)
                .orTimeout(60, TimeUnit.SECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        p.joinFailure = rootCause(failure).toString();
                    } else {
                        p.joinedAt = System.nanoTime();
                        progress.incrementAndGet();
                    }
                    done.countDown();
                    joinNext(phones, next, done, progress, code, wsBase, workshopId);
                });
    }

    private static void reportJoinFailures(Phone[] phones) {
        List<Phone> failed = Arrays.stream(phones).filter(p -> p.joinedAt == 0).toList();
        if (!failed.isEmpty()) {
            log("%d phones did not get in; the first reasons:", failed.size());
            failed.stream().limit(5).forEach(p -> log("  phone %d: %s", p.index,
                    p.joinFailure == null ? "still joining at the deadline" : p.joinFailure));
        }
    }

    /** One participant: its cookies, its socket, its answer and when the ack came. */
    final class Phone implements WebSocket.Listener {
        final int index;
        volatile long joinStartedAt;
        volatile long joinedAt;
        volatile String joinFailure;
        volatile JsonNode state;
        final CompletableFuture<JsonNode> firstState = new CompletableFuture<>();
        volatile WebSocket ws;
        volatile String cookies;
        private final StringBuilder partial = new StringBuilder();

        private String answerText;
        private String messageId;
        volatile long sentAt;
        volatile long ackAt;
        volatile String refusal;
        final AtomicInteger retries = new AtomicInteger();
        private volatile CountDownLatch done;
        private volatile CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

        Phone(int index) {
            this.index = index;
        }

        CompletableFuture<JsonNode> join(HttpClient http, HttpClient wsClient, String code, String wsBase,
                                         long workshopId) {
            joinStartedAt = System.nanoTime();
            URI page = URI.create(opt.baseUrl + "/j/" + code);
            HttpRequest get = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).GET().build();
            return http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).thenCompose(form -> {
                expect(form, 200, "join page");
                String csrf = form.headers().allValues("Set-Cookie").stream()
                        .map(CSRF_COOKIE::matcher).filter(Matcher::find).map(x -> x.group(1)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the join page set no ts_csrf cookie"));
                String body = "name=" + URLEncoder.encode("Phone " + index, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
                HttpRequest post = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "ts_csrf=" + csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                return http.sendAsync(post, HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> participantCookie(r, workshopId) + "; ts_csrf=" + csrf);
            }).thenCompose(cookies -> {
                this.cookies = cookies;
                return wsClient.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .header("Cookie", cookies)
                    .buildAsync(URI.create(wsBase + "/ws/phone/" + code), this);
            }).thenCompose(socket -> {
                ws = socket;
                return firstState;
            });
        }

        private String participantCookie(HttpResponse<String> r, long workshopId) {
            expect(r, 303, "join post");
            String prefix = "ts_p" + workshopId + "=";
            return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix))
                    .map(c -> c.split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("joining set no " + prefix + " cookie"));
        }

        void prepareAnswer(int round, long stepId, String kind, int options, int maxPicks) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            messageId = "r" + round + "p" + index;
            ackAt = 0;
            sentAt = 0;
            refusal = null;
            retries.set(0);
            ObjectNode msg = JSON.createObjectNode().put("type", "answer").put("id", messageId)
                    .put("step", stepId).put("seq", round);
            if (kind.equals("multiple")) {
                ArrayNode picks = msg.putArray("value");
                int want = 1 + random.nextInt(Math.max(1, Math.min(3, maxPicks)));
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < options; i++) {
                    all.add(i);
                }
                java.util.Collections.shuffle(all, random);
                all.subList(0, Math.min(want, options)).forEach(picks::add);
            } else {
                msg.put("value", random.nextInt(options));
            }
            answerText = msg.toString();
        }

        /** The same message again, as a phone that never saw its ack would send it. */
        void resend(CountDownLatch done) {
            ackAt = 0;
            refusal = null;
            retries.set(0);
            sendAnswer(done);
        }

        void sendAnswer(CountDownLatch done) {
            this.done = done;
            sentAt = System.nanoTime();
            send();
        }

        private void send() {
            lastSend = lastSend.handle((x, e) -> null).thenCompose(x -> ws.sendText(answerText, true));
            lastSend.whenComplete((x, failure) -> {
                if (failure != null) {
                    finish("send failed: " + rootCause(failure));
                }
            });
        }

        private void finish(String why) {
            CountDownLatch d = done;
            if (d != null && ackAt == 0 && refusal == null) {
                refusal = why;
                d.countDown();
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text) {
            // Presence goes to every phone ten times a second while the room fills; skip it cheaply.
            if (text.startsWith("{\"type\":\"presence\"") || text.startsWith("{\"type\":\"results\"")) {
                return;
            }
            JsonNode msg;
            try {
                msg = JSON.readTree(text);
            } catch (IOException e) {
                finish("server sent invalid JSON");
                return;
            }
            switch (msg.path("type").asText()) {
                case "state" -> {
                    state = msg;
                    firstState.complete(msg);
                }
                case "ack" -> {
                    if (msg.path("id").asText().equals(messageId) && ackAt == 0) {
                        ackAt = System.nanoTime();
                        CountDownLatch d = done;
                        if (refusal == null && d != null) {
                            d.countDown();
                        }
                    }
                }
                case "error" -> {
                    if (!msg.path("id").asText().equals(messageId)) {
                        return;
                    }
                    String code = msg.path("code").asText();
                    // What the phone's script does: a busy or unsaved answer is sent again, same id and seq.
                    if ((code.equals("busy") || code.equals("not_saved")) && retries.incrementAndGet() <= 5) {
                        scheduler.schedule(this::send, 200L * retries.get(), TimeUnit.MILLISECONDS);
                    } else {
                        finish(code + ": " + msg.path("message").asText());
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            firstState.completeExceptionally(new IllegalStateException("socket closed " + statusCode + " " + reason));
            finish("socket closed by the server: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            firstState.completeExceptionally(error);
            finish("socket error: " + error);
        }
    }

    // ------------------------------------------------------------------ projector and console

    /** A read-only screen: notes when it first shows everyone connected and everyone's vote. */
    static final class Observer implements WebSocket.Listener {
        final String name;
        final CompletableFuture<JsonNode> firstState = new CompletableFuture<>();
        final AtomicLong votersAt = new AtomicLong();
        final AtomicLong connectedAt = new AtomicLong();
        final AtomicInteger resultMessages = new AtomicInteger();
        volatile long stepId = -1;
        volatile int expectedVoters = Integer.MAX_VALUE;
        volatile int expectedConnected = Integer.MAX_VALUE;
        volatile int lastVoters;
        volatile int lastConnected;
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket ws;
        volatile boolean closing;

        Observer(String name) {
            this.name = name;
        }

        void connect(HttpClient client, String url, String cookies) {
            WebSocket.Builder b = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (cookies != null && !cookies.isEmpty()) {
                b.header("Cookie", cookies);
            }
            ws = b.buildAsync(URI.create(url), this).orTimeout(15, TimeUnit.SECONDS).join();
        }

        void watch(long step) {
            stepId = step;
        }

        void expectVoters(int n) {
            expectedVoters = n;
        }

        void expectConnected(int n) {
            expectedConnected = n;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    handle(JSON.readTree(partial.toString()), now);
                } catch (IOException e) {
                    log("%s got invalid JSON", name);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void handle(JsonNode msg, long now) {
            String type = msg.path("type").asText();
            if (type.equals("state")) {
                firstState.complete(msg);
            }
            JsonNode presence = msg.path("presence");
            if (presence.isObject()) {
                lastConnected = presence.path("connected").asInt();
                if (lastConnected >= expectedConnected) {
                    connectedAt.compareAndSet(0, now);
                }
            }
            JsonNode results = msg.path("results");
            boolean ours = type.equals("results") ? msg.path("step").asLong() == stepId
                    : msg.path("step").path("id").asLong() == stepId;
            if (results.isObject() && ours) {
                if (type.equals("results")) {
                    resultMessages.incrementAndGet();
                }
                lastVoters = results.path("voters").asInt();
                if (lastVoters >= expectedVoters) {
                    votersAt.compareAndSet(0, now);
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            firstState.completeExceptionally(new IllegalStateException(name + " closed " + statusCode));
            if (!closing) {
                log("%s socket closed by the server: %d %s", name, statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            firstState.completeExceptionally(error);
            log("%s socket error: %s", name, error);
        }
    }

    // ------------------------------------------------------------------ the server process

    /** The server JVM seen from outside: its CPU time, its heap (jcmd/jstat), a clean stop (SIGTERM). */
    static final class ServerProbe {
        record Heap(double usedBeforeMb, double usedAfterMb, String maxMb) {
        }

        private final long pid;

        ServerProbe(long pid) {
            this.pid = pid;
        }

        /** user + system CPU of the server process, from /proc (clock ticks of 10 ms). */
        long cpuMillis() {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        String status(String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(field + ":")) {
                        String v = line.substring(field.length() + 1).trim();
                        if (v.endsWith(" kB")) {
                            return String.format(Locale.ROOT, "%.0f", Long.parseLong(v.replace(" kB", "")) / 1024.0);
                        }
                        return v;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
            return "?";
        }

        Heap heap() throws IOException, InterruptedException {
            double before = usedKb() / 1024.0;
            run(Duration.ofSeconds(60), "jcmd", String.valueOf(pid), "GC.run");
            double after = usedKb() / 1024.0;
            String max = "?";
            Matcher m = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)")
                    .matcher(run(Duration.ofSeconds(30), "jcmd", String.valueOf(pid), "VM.flags", "-all"));
            if (m.find()) {
                max = String.format(Locale.ROOT, "%.0f MB", Long.parseLong(m.group(1)) / 1048576.0);
            }
            return new Heap(before, after, max);
        }

        /** Survivor + eden + old used, in KB, from jstat -gc (works for every collector). */
        private double usedKb() throws IOException, InterruptedException {
            String[] lines = run(Duration.ofSeconds(30), "jstat", "-gc", String.valueOf(pid)).trim().split("\n");
            require(lines.length >= 2, "jstat -gc printed nothing useful");
            List<String> names = List.of(lines[0].trim().split("\\s+"));
            String[] values = lines[lines.length - 1].trim().split("\\s+");
            double used = 0;
            for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(values[names.indexOf(col)]);
            }
            return used;
        }

        void stop(Duration timeout) throws InterruptedException {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || exited()) {
                throw new IllegalStateException("the server (pid " + pid + ") is already gone");
            }
            handle.get().destroy(); // SIGTERM: the shutdown hook stops Jetty, drains the writer, closes H2
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!exited()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the server did not stop within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        }

        /** Gone, or a zombie waiting for scripts/bench to reap it: either way its files are closed. */
        private boolean exited() {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException e) {
                return true;
            }
        }

        private static String run(Duration timeout, String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
            }
            try {
                return out.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                return "";
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void closeAll(List<Phone> phones, Observer... observers) {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (Phone p : phones) {
            if (p.ws != null && !p.ws.isOutputClosed()) {
                closing.add(p.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null));
            }
        }
        for (Observer o : observers) {
            o.closing = true;
            if (o.ws != null && !o.ws.isOutputClosed()) {
                closing.add(o.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null));
            }
        }
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
        for (Observer o : observers) {
            if (o.ws != null) {
                o.ws.abort();
            }
        }
    }

    private static void act(Browser facilitator, long workshopId, String path, String... fields) {
        Browser.Response r = facilitator.post("/facilitate/" + workshopId + path, fields);
        require(r.status() == 303, "console action " + path + " answered " + r.status() + ": " + clip(r.body()));
    }

    record PollChoice(int position, String key, String kind) {
    }

    /** The first single- or multiple-choice step whose results the projector shows, or the one named. */
    static PollChoice choosePoll(Path contentFile, String stepKey) throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(contentFile.toFile());
        JsonNode steps = template.path("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            String kind = s.path("kind").asText();
            boolean choice = kind.equals("single") || kind.equals("multiple");
            boolean named = stepKey != null && stepKey.equals(s.path("id").asText());
            if (named || (stepKey == null && choice && !s.path("hideResults").asBoolean(false))) {
                require(choice, "step " + stepKey + " is a " + kind + " step, not single or multiple choice");
                return new PollChoice(i, s.path("id").asText(), kind);
            }
        }
        throw new IllegalStateException("no suitable poll step in " + contentFile);
    }

    /** A single- or multiple-choice step other than the measured one, for warming up. */
    static PollChoice otherPoll(Path contentFile, int not) throws IOException {
        JsonNode steps = new ObjectMapper(new YAMLFactory()).readTree(contentFile.toFile()).path("steps");
        for (int i = 0; i < steps.size(); i++) {
            String kind = steps.get(i).path("kind").asText();
            if (i != not && (kind.equals("single") || kind.equals("multiple"))) {
                return new PollChoice(i, steps.get(i).path("id").asText(), kind);
            }
        }
        throw new IllegalStateException("no second choice poll in " + contentFile + " to warm up on");
    }

    private static int optionCount(JsonNode state) {
        return Math.max(1, state.path("step").path("options").size());
    }

    private static int maxPicks(JsonNode state) {
        JsonNode max = state.path("step").path("maxPicks");
        return max.isNumber() ? max.asInt() : optionCount(state);
    }

    private static Connection openDatabase(Path dataDir, Duration timeout) throws SQLException, InterruptedException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("workshops") + ";IFEXISTS=TRUE";
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

    private static long waitFor(java.util.function.LongSupplier value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (value.getAsLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return value.getAsLong();
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + clip(r.body()));
        }
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "na" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String clip(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"");

    /** What a joined phone downloads: the live page and every file it loads, as sent (gzip) and unpacked. */
    private void pageWeight(String code, String cookies) {
        try {
            HttpClient http = httpClients.get(0);
            String page = "/j/" + code;
            HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(opt.baseUrl + page))
                    .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            List<String> files = new ArrayList<>(List.of(page));
            Matcher m = ASSET.matcher(html.body());
            while (m.find()) {
                files.add(m.group(1));
            }
            long sent = 0;
            long unpacked = 0;
            for (String f : files) {
                HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create(opt.baseUrl + f))
                        .header("Cookie", cookies).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                sent += gz.body().length;
                HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(opt.baseUrl + f))
                        .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
                unpacked += plain.body().length;
            }
            log("phone page: %.1f KB as sent (gzip), %.1f KB unpacked, %d files, all from this server",
                    sent / 1024.0, unpacked / 1024.0, files.size());
        } catch (java.io.IOException e) {
            log("phone page: could not weigh it: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }

    // ------------------------------------------------------------------ options

    record Options(String baseUrl, String setupPath, Path dataDir, long serverPid, int phones, boolean connectOnly,
                   int socketsPerClient, int httpClients, int clientThreads, int joinConcurrency, Path contentFile,
                   String template, String stepKey, Duration joinTimeout, Duration answerTimeout,
                   Duration projectorTimeout, Duration stopTimeout, int warmupRounds, int spreadMillis) {

        static final String USAGE = """
                Usage: LoadGenerator --base-url http://localhost:PORT --setup-path /setup/TOKEN
                                     --data-dir DIR --server-pid PID [options]
                  --phones N               phones to join and answer (default 1000)
                  --connect-only           join and connect, but do not answer
                  --sockets-per-client N   WebSockets per java.net.http client (default 200)
                  --join-concurrency N     joins in flight at once (default 32)
                  --client-threads N       the shared executor's threads (default 4)
                  --content FILE           template YAML (default workshop-content/social-business/en.yaml)
                  --step KEY               poll step to use (default: first visible single/multiple choice)
                  --join-timeout-s N       give up joining after N s (default 600)
                  --answer-timeout-s N     give up waiting for acks after N s (default 60)
                  --warmup-rounds N        answer another poll N times first, unmeasured (default 0:
                                           the measured burst is the server's first, as in a real room)
                  --spread-ms N            the phones answer evenly over N ms instead of all at once, as a room
                                           does in the seconds after a poll opens (default 0: all at once)
                """;

        static Options parse(String[] args) {
            String baseUrl = null;
            String setupPath = null;
            String dataDir = null;
            long pid = -1;
            int phones = 1000;
            boolean connectOnly = false;
            int perClient = 200;
            int concurrency = 32;
            int threads = 4;
            String content = "workshop-content/social-business/en.yaml";
            String step = null;
            int joinTimeout = 600;
            int answerTimeout = 60;
            int warmup = 0;
            int spread = 0;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--connect-only")) {
                    connectOnly = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--base-url" -> baseUrl = v;
                    case "--setup-path" -> setupPath = v;
                    case "--data-dir" -> dataDir = v;
                    case "--server-pid" -> pid = Long.parseLong(v);
                    case "--phones" -> phones = Integer.parseInt(v);
                    case "--sockets-per-client" -> perClient = Integer.parseInt(v);
                    case "--join-concurrency" -> concurrency = Integer.parseInt(v);
                    case "--client-threads" -> threads = Integer.parseInt(v);
                    case "--content" -> content = v;
                    case "--step" -> step = v;
                    case "--join-timeout-s" -> joinTimeout = Integer.parseInt(v);
                    case "--answer-timeout-s" -> answerTimeout = Integer.parseInt(v);
                    case "--warmup-rounds" -> warmup = Integer.parseInt(v);
                    case "--spread-ms" -> spread = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (baseUrl == null || setupPath == null || dataDir == null || pid <= 0) {
                throw new IllegalArgumentException("--base-url, --setup-path, --data-dir and --server-pid are required");
            }
            if (phones < 1 || perClient < 1 || concurrency < 1 || threads < 1) {
                throw new IllegalArgumentException("counts must be at least 1");
            }
            return new Options(baseUrl.replaceAll("/$", ""), setupPath, Path.of(dataDir), pid, phones, connectOnly,
                    perClient, Math.max(1, Math.min(8, concurrency / 8)), threads, concurrency, Path.of(content),
                    "social-business/en", step, Duration.ofSeconds(joinTimeout), Duration.ofSeconds(answerTimeout),
                    Duration.ofSeconds(10), Duration.ofSeconds(60), Math.max(0, Math.min(20, warmup)),
                    Math.max(0, Math.min(60_000, spread)));
        }
    }
}
