package org.tallersocial.bench;

/**
 * The CPU the server, this load generator and everything else on the machine spent over one
 * measured phase: server and load share the machine, so what others took says how far to trust it.
 */
final class CpuWatch {

    private final ServerProbe server;
    private final long serverBefore;
    private final long clientBefore;
    private final long machineBefore;
    private final long startedAt = System.nanoTime();
    long serverMillis;
    long clientMillis;
    long otherMillis;
    long wallNanos;

    private CpuWatch(ServerProbe server) {
        this.server = server;
        this.serverBefore = server.cpuMillis();
        this.clientBefore = Bench.clientCpuMillis();
        this.machineBefore = Bench.machineBusyMillis();
    }

    static CpuWatch start(ServerProbe server) {
        return new CpuWatch(server);
    }

    /** Takes the readings up to now. */
    CpuWatch stop() {
        wallNanos = System.nanoTime() - startedAt;
        serverMillis = server.cpuMillis() - serverBefore;
        clientMillis = Bench.clientCpuMillis() - clientBefore;
        otherMillis = Math.max(0, Bench.machineBusyMillis() - machineBefore - serverMillis - clientMillis);
        return this;
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "server %.2f s, load generator %.2f s, other processes %.2f s",
                serverMillis / 1000.0, clientMillis / 1000.0, otherMillis / 1000.0);
    }
}
