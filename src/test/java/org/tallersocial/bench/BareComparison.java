package org.tallersocial.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The hub against bare Jetty, in the same run: the phones that answered our
 * server reconnect, as many sockets, to {@link BareJettyServer} (its own JVM,
 * the server's flags), send the same answers at the same pace and get an ack
 * each, while it broadcasts the exact results texts our hub sent them, at the
 * moments the hub sent them. Both sides are timed the same way, on the phones:
 * from the first phone receiving a broadcast to the last.
 */
final class BareComparison {

    /** What the comparison found; spreads are per broadcast, first phone to last, in ms. */
    record Result(int sockets, int broadcasts, double[] hubSpreads, double[] bareSpreads, double[] bareSendToFirst,
                  double[] bareSendToLast, Burst bareBurst) {
        double ratio(double percentile) {
            return Bench.percentile(hubSpreads, percentile) / Bench.percentile(bareSpreads, percentile);
        }
    }

    private final Options opt;
    private final List<HttpClient> wsClients;

    BareComparison(Options opt, List<HttpClient> wsClients) {
        this.opt = opt;
        this.wsClients = wsClients;
    }

    /**
     * @param hub        what the phones received from our hub during the burst that began at hubStart
     * @param phones     the phones that answered; their sockets to our server must be closed by now
     */
    Result run(List<Fanout.Broadcast> hub, long hubStart, List<Phone> phones, Path workDir) throws Exception {
        Path schedule = workDir.resolve("bare-schedule.txt");
        StringBuilder lines = new StringBuilder();
        for (Fanout.Broadcast b : hub) {
            lines.append(Math.max(0, b.first() - hubStart)).append('\t').append(b.text()).append('\n');
        }
        Files.writeString(schedule, lines, StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(opt.serverJvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareJettyServer.class.getName()));
        Bench.log("bare Jetty: starting %s", String.join(" ", command).replaceAll("-cp \\S+", "-cp (test classpath)"));
        Process process = new ProcessBuilder(command).redirectError(workDir.resolve("bare.log").toFile()).start();
        LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process, out), "bare-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String first = out.poll(30, TimeUnit.SECONDS);
            while (first != null && !first.startsWith("port ")) { // the JVM's own notes, e.g. of a JFR recording
                first = out.poll(30, TimeUnit.SECONDS);
            }
            Bench.require(first != null, "the bare Jetty server did not start; see bare.log");
            String base = "ws://127.0.0.1:" + first.substring(5);
            return measure(hub, phones, base, schedule, out);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Result measure(List<Fanout.Broadcast> hub, List<Phone> phones, String base, Path schedule,
                           LinkedBlockingQueue<String> out) throws Exception {
        Control control = new Control();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(base + "/control"), control)
                .get(10, TimeUnit.SECONDS);
        long connectStart = System.nanoTime();
        connectAll(phones, URI.create(base + "/phone"));
        String count = "";
        for (int i = 0; i < 100 && !count.equals("sockets " + phones.size()); i++) {
            control.ws.sendText("count", true).join();
            count = String.valueOf(control.replies.poll(10, TimeUnit.SECONDS));
            Thread.sleep(20);
        }
        Bench.require(count.equals("sockets " + phones.size()), "the bare server has " + count + ", expected "
                + phones.size());
        Bench.log("bare Jetty: %d phones connected in %.1f s; replaying %d broadcasts twice as the phones answer again",
                phones.size(), (System.nanoTime() - connectStart) / 1e9, hub.size());

        Replay warmUp = replay(control, out, schedule, hub, phones);
        Bench.log("bare Jetty: warm-up replay, unmeasured: %d acked, p99 %.1f ms", warmUp.burst.acked.size(),
                warmUp.burst.p(99));
        Replay measured = replay(control, out, schedule, hub, phones);
        Fanout fanout = measured.fanout;
        Map<Integer, long[]> sent = measured.sent;
        Burst burst = measured.burst;
        control.ws.sendText("quit", true);
        return result(hub, fanout, sent, phones.size(), burst);
    }

    private record Replay(Fanout fanout, Map<Integer, long[]> sent, Burst burst) {
    }

    /**
     * One round on bare Jetty: the phones answer again at the hub burst's pace while the server
     * replays the schedule; waits for the acks, the end of the replay and every broadcast's arrival.
     */
    private Replay replay(Control control, LinkedBlockingQueue<String> out, Path schedule,
                          List<Fanout.Broadcast> hub, List<Phone> phones) throws Exception {
        Fanout fanout = new Fanout();
        phones.forEach(p -> p.fanout = fanout);
        CountDownLatch acks = new CountDownLatch(phones.size());
        control.ws.sendText("go " + schedule.toAbsolutePath(), true).join();
        long start = Burst.fire(phones, Burst.evenly(phones.size(), opt.spreadMillis()), acks);
        acks.await(opt.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Burst burst = Burst.ofAnswers(phones, start);
        long lastOffset = hub.isEmpty() ? 0 : hub.get(hub.size() - 1).first() - hub.get(0).first();
        String done = control.replies.poll(lastOffset / 1_000_000 + 30_000, TimeUnit.MILLISECONDS);
        Bench.require("done".equals(done), "the bare server did not finish its broadcasts: " + done);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fanout.reachingAll(phones.size()).size() < hub.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        phones.forEach(p -> p.fanout = null);
        Map<Integer, long[]> sent = new HashMap<>();
        while (sent.size() < hub.size()) { // printed before "done": already here, or about to be
            String line = out.poll(5, TimeUnit.SECONDS);
            if (line == null) {
                break;
            }
            sent.putAll(sendTimes(List.of(line)));
        }
        return new Replay(fanout, sent, burst);
    }

    private static Result result(List<Fanout.Broadcast> hub, Fanout bare, Map<Integer, long[]> sent, int sockets,
                                 Burst burst) {
        Map<String, Fanout.Broadcast> bareByText = new HashMap<>();
        bare.reachingAll(sockets).forEach(b -> bareByText.put(b.text(), b));
        List<Double> hubSpreads = new ArrayList<>();
        List<Double> bareSpreads = new ArrayList<>();
        List<Double> toFirst = new ArrayList<>();
        List<Double> toLast = new ArrayList<>();
        for (int i = 0; i < hub.size(); i++) {
            Fanout.Broadcast b = bareByText.get(hub.get(i).text());
            if (b == null) {
                continue; // not every phone got the bare copy: it has no time to all
            }
            hubSpreads.add(hub.get(i).spreadMillis());
            bareSpreads.add(b.spreadMillis());
            long[] t = sent.get(i);
            if (t != null) {
                toFirst.add((b.first() - t[0]) / 1e6);
                toLast.add((b.last() - t[0]) / 1e6);
            }
        }
        return new Result(sockets, hubSpreads.size(), array(hubSpreads), array(bareSpreads), array(toFirst),
                array(toLast), burst);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void connectAll(List<Phone> phones, URI uri) throws InterruptedException {
        Semaphore inFlight = new Semaphore(opt.joinConcurrency());
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            inFlight.acquire();
            all.add(phones.get(i).connect(wsClients.get(i / opt.socketsPerClient()), uri, null)
                    .whenComplete((ws, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
    }

    private static void readLines(Process process, LinkedBlockingQueue<String> out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
        } catch (IOException e) {
            out.add("gone " + e);
        }
    }

    /** The control socket: its replies, one text each. */
    private static final class Control implements WebSocket.Listener {
        final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket ws;

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                replies.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    static Map<Integer, long[]> sendTimes(List<String> lines) {
        Map<Integer, long[]> out = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length == 4 && f[0].equals("sent")) {
                out.put(Integer.parseInt(f[1]), new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
            }
        }
        return out;
    }
}
