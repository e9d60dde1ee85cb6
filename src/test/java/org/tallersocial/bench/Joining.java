package org.tallersocial.bench;

import static org.tallersocial.bench.Bench.log;
import static org.tallersocial.bench.Bench.percentile;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Phones joining, a bounded number at a time, as a room fills: page, form post, socket, first snapshot. */
final class Joining {

    /** Notes a measured phase: its wall time and the CPU other processes took meanwhile. */
    interface Measured {
        void add(long wallNanos, long otherCpuMillis);
    }

    private final List<Phone> phones;
    private final Options opt;
    private final List<HttpClient> httpClients;
    private final List<HttpClient> wsClients;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger progress = new AtomicInteger();
    private final CountDownLatch done;

    private Joining(List<Phone> phones, Options opt, List<HttpClient> httpClients, List<HttpClient> wsClients) {
        this.phones = phones;
        this.opt = opt;
        this.httpClients = httpClients;
        this.wsClients = wsClients;
        this.done = new CountDownLatch(phones.size());
    }

    /** Joins every phone (bounded by the join timeout), logs how it went; returns the seconds it took. */
    static double joinAll(List<Phone> phones, Options opt, List<HttpClient> httpClients, List<HttpClient> wsClients,
                          ServerProbe server, Measured measured) throws InterruptedException {
        CpuWatch cpu = CpuWatch.start(server);
        String startedAt = java.time.LocalTime.now().toString();
        long start = System.nanoTime();
        new Joining(phones, opt, httpClients, wsClients).run();
        long end = System.nanoTime();
        cpu.stop();
        long serverCpu = cpu.serverMillis;
        long clientCpu = cpu.clientMillis;
        long otherCpu = cpu.otherMillis;
        List<Phone> joined = phones.stream().filter(p -> p.joinedAt > 0).toList();
        double seconds = (end - start) / 1e9;
        double[] times = joined.stream().mapToDouble(p -> (p.joinedAt - p.joinStartedAt) / 1e6).toArray();
        log("%d of %d phones joined and connected in %.1f s (from %s): %.0f joins/s; per phone (page+post+socket+snapshot)"
                        + " p50 %.0f ms, p99 %.0f ms; CPU: server %.1f s, load generator %.1f s, other processes %.1f s",
                joined.size(), phones.size(), seconds, startedAt, joined.size() / seconds, percentile(times, 50),
                percentile(times, 99), serverCpu / 1000.0, clientCpu / 1000.0, otherCpu / 1000.0);
        List<Phone> failed = phones.stream().filter(p -> p.joinedAt == 0).toList();
        if (!failed.isEmpty()) {
            log("%d phones did not get in; the first reasons:", failed.size());
            failed.stream().limit(5).forEach(p -> log("  phone %d: %s", p.index,
                    p.joinFailure == null ? "still joining at the deadline" : p.joinFailure));
        }
        Bench.warnIfShared(otherCpu, end - start);
        measured.add(end - start, otherCpu);
        return seconds;
    }

    private void run() throws InterruptedException {
        for (int w = 0; w < Math.min(opt.joinConcurrency(), phones.size()); w++) {
            joinNext();
        }
        long deadline = System.nanoTime() + opt.joinTimeout().toNanos();
        while (!done.await(5, TimeUnit.SECONDS)) {
            log("  ... %d of %d phones connected", progress.get(), phones.size());
            if (System.nanoTime() > deadline) {
                log("gave up waiting for joins after %d s", opt.joinTimeout().toSeconds());
                break;
            }
        }
    }

    private void joinNext() {
        int i = next.getAndIncrement();
        if (i >= phones.size()) {
            return;
        }
        Phone p = phones.get(i);
        p.join(httpClients.get(i % httpClients.size()), wsClients.get(i / opt.socketsPerClient()), opt.baseUrl())
                .orTimeout(60, TimeUnit.SECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        p.joinFailure = Bench.rootCause(failure).toString();
                    } else {
                        p.joinedAt = System.nanoTime();
                        progress.incrementAndGet();
                    }
                    done.countDown();
                    joinNext();
                });
    }
}
