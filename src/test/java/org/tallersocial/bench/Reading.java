package org.tallersocial.bench;

import java.util.List;
import java.util.Locale;

/** The prose under the suite's table: what each figure says, and what it does not. */
final class Reading {

    private Reading() {
    }

    static String of(List<PerformanceReport.Run> runs) {
        StringBuilder r = new StringBuilder();
        boolean all = PerformanceReport.exitStatus(runs) == 0;
        r.append(all ? "Every target was met in this run.\n\n" : "Not every target was met in this run; see the"
                + " ✘ marks above.\n\n");
        for (PerformanceReport.Run run : runs) {
            double others = run.get("others_pct");
            if (others > PerformanceReport.BUSY_PCT) {
                r.append(String.format(Locale.ROOT, "- *%s* was taken on a busy machine: other processes used %.0f%%"
                        + " of it while phones joined and answered, so its times are pessimistic.%n", run.name(),
                        others));
            }
        }
        r.append("""

                - **Acknowledgement** (ack) is the time from a phone sending its answer to the server's `ack`,
                  which the server sends only after the answer is committed to the H2 file. **Lost** counts answers
                  sent but not in the database, read from the file after a clean stop. **Projector exact** is how
                  long after the last ack the projector's socket received results counting every answer. With
                  several rooms, the ack and projector figures are the worst room's, each room on its own.
                - **Heap** is what the server's JVM holds after a full GC (`jcmd GC.run`, then `jstat -gc`) with
                  every socket still open; the idle scenario runs the server with `-Xmx1g`, the others with
                  `-Xmx512m`.
                - **Joining** is the wall time for every phone to fetch the join page, post the form, open its
                  socket and receive its first snapshot, 32 at a time. It bounds how long the suite takes, not a
                  target.
                - **Our hub against bare Jetty.** During the first scenario the poll's results are revealed to the
                  phones, so each results update our hub coalesces goes to all 5,000 phone sockets while they
                  answer. The phones note when each update reached them. Then, in the same run and after our server
                  has stopped, the same phones open as many sockets to a bare Jetty 12 WebSocket server
                  (`BareJettyServer`, no Javalin and none of our code, its own JVM with the server's flags). They
                  send the same answers at the same pace, and it echoes each one as an ack at once, with no
                  parsing and no database. It broadcasts the exact texts our hub sent, at the moments our hub sent
                  them, with one plain `sendText` per socket. The ratio compares the **fan-out time** of each
                  broadcast, measured the same way for both on the phones: from the first phone receiving it to
                  the last. It leaves out what comes before the first send (computing the results, about a
                  millisecond), which bare Jetty does not do. The bare server's own send times show how near the
                  first phone is to the start of its send loop. Our hub does its fan-out while it also validates,
                  commits and acks the answers arriving at that moment, and bare Jetty does almost nothing else,
                  so the ratio is the whole cost of the live server next to the cheapest possible broadcast of
                  the same bytes, not of the fan-out loop alone. Server, bare server and phones share the cores,
                  so a slower server also slows the phones that time it.
                - The suite is not part of `scripts/test`: it needs the whole machine for about five minutes.
                  Figures taken while other work runs are only good for spotting a regression of several times.
                """);
        return r.toString();
    }
}
