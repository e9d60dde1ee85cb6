package org.tallersocial.bench;

import java.util.List;
import java.util.Locale;

/** The prose under the suite's table: what this run's figures say, what each one means, and what it leaves out. */
final class Reading {

    private Reading() {
    }

    static String of(List<PerformanceReport.Run> runs) {
        StringBuilder r = new StringBuilder();
        r.append(PerformanceReport.exitStatus(runs) == 0 ? "Every target was met in this run.\n\n"
                : "Not every target was met in this run; see the ✘ marks above.\n\n");
        for (PerformanceReport.Run run : runs) {
            r.append("- ").append(figures(run)).append('\n');
        }
        for (PerformanceReport.Run run : runs) {
            double others = run.get("others_pct");
            if (others > PerformanceReport.BUSY_PCT) {
                r.append(String.format(Locale.ROOT, "- *%s* was taken on a busy machine: other processes used %.0f%%"
                        + " of it while phones joined and answered, so its times are pessimistic.%n", run.name(),
                        others));
            }
        }
        r.append("\n### What the figures mean\n\n").append(MEANING);
        return r.toString();
    }

    private static String figures(PerformanceReport.Run run) {
        if (!run.figures().containsKey("phones")) {
            return String.format(Locale.ROOT, "*%s* did not run to its end (exit %d); its log says why.", run.name(),
                    run.status());
        }
        if (run.connectOnly()) {
            return String.format(Locale.ROOT, "*%s*: %,.0f phones connected; the server held %.0f MB of heap after"
                    + " a full GC, against a limit of %s MB.", run.name(), run.get("phones"), run.get("heap_mb"),
                    limit(run, "heap_mb"));
        }
        String text;
        if (run.exercise() != null) {
            text = String.format(Locale.ROOT, "*%s*: %,.0f of %,.0f inputs acknowledged, %,.0f lost%s; ack p99 %.0f ms"
                            + " against %s%s; the %s counted every acked input %.0f ms after the last ack, against %s.",
                    run.name(), run.get("answered"), run.get("messages"), run.get("lost"),
                    run.get("refused") > 0 ? String.format(Locale.ROOT, ", %,.0f refused", run.get("refused")) : "",
                    run.get("ack_p99_ms"), limit(run, "ack_p99_ms"),
                    run.get("workshops") > 1 ? " in the slowest room" : "", run.exactScreen(),
                    run.get("projector_exact_ms"), limit(run, "projector_exact_ms"));
        } else {
            text = String.format(Locale.ROOT, "*%s*: %,.0f of %,d answers acknowledged, %,.0f lost; ack p99 %.0f ms"
                            + " against %s%s; the projector counted every answer %.0f ms after the last ack%s.",
                    run.name(), run.get("answered"), run.expectedPhones(), run.get("lost"), run.get("ack_p99_ms"),
                    limit(run, "ack_p99_ms"), run.get("workshops") > 1 ? " in the slowest room" : "",
                    run.get("projector_exact_ms"), Double.isNaN(run.target("projector_exact_ms")) ? ""
                            : ", against " + limit(run, "projector_exact_ms"));
        }
        if (run.figures().containsKey("phone_kb_p99")) {
            text += String.format(Locale.ROOT, " Each phone received %.1f KB meanwhile (p99 %.1f KB%s), %.1f MB for"
                            + " the whole room.", run.get("phone_kb_p50"), run.get("phone_kb_p99"),
                    Double.isNaN(run.target("phone_kb_p99")) ? "" : ", against " + limit(run, "phone_kb_p99"),
                    run.get("phones_mb"));
        }
        if (run.compared()) {
            text += String.format(Locale.ROOT, " Our hub took %.0f ms at the median to get a broadcast from the first"
                            + " phone to the last, bare Jetty %.0f ms: %.2fx (goal: at most %.1fx); at p99 %.0f against"
                            + " %.0f ms.", run.get("hub_fanout_p50_ms"), run.get("bare_fanout_p50_ms"),
                    run.get("fanout_ratio"), PerformanceReport.RATIO, run.get("hub_fanout_p99_ms"),
                    run.get("bare_fanout_p99_ms"));
        }
        return text;
    }

    /** The run's limit for a figure, as written in the table ("–" when it has none). */
    private static String limit(PerformanceReport.Run run, String figure) {
        double t = run.target(figure);
        return Double.isNaN(t) ? "–" : String.format(Locale.ROOT, "%.0f", t);
    }

    private static final String MEANING = """
            - **Acknowledgement** (ack) is the time from a phone sending its answer to the server's `ack`,
              which the server sends only after the answer is committed to the H2 file. **Lost** counts
              answers sent but not in the database, read from the file after a clean stop. **Projector
              exact** is how long after the last ack the projector's socket received results counting every
              answer. With several rooms, the ack and projector figures are the worst room's, each room taken
              on its own. The measured burst is the server's first, as in a real room.
            - **Heap** is what the server's JVM holds after a full GC (`jcmd GC.run`, then `jstat -gc`) with
              every socket still open; the idle scenario runs the server with `-Xmx1g`, the others with
              `-Xmx512m`.
            - **Exercises.** The facilitator's console moves the room to the exercise's step of
              `social-business/en` (questions: the first step; questions work on every step; RACI: the
              console also opens every activity to the phones), and each phone sends what a person does
              there, every room's inputs spread evenly over the 10 s: *profiles*, one complete answer per
              network of the step; *RACI*, one proposal (an accountable role, one or two responsible) per
              activity, picked from the phone's number so the room is split; *ideas*, one idea each, then
              upvotes for up to three ideas the phone has seen in the pictures it received by its turn;
              *questions*, one anonymous question each, then up to three upvotes of questions it has seen.
              *Reactions* (on the first step, within 2 s): one tap each, the default set in turn.
              Every message carries an `id`, a `seq` growing per phone and the `step`. There, *answered*
              and *lost* count inputs (every message): ack p50/p95/p99 are over all of them, timed from
              the first send (a `busy` or `not_saved` reply is resent, as phones do, and the wait counts);
              any other error reply is a refusal and fails the run. Lost inputs are acked ones missing
              from the file after a clean stop: one `profile_answer` row per phone and network, one
              `raci_proposal` per phone and activity, `idea` and `question` rows by the message's id, and
              as many `idea_upvote` / `question_upvote` rows as distinct voter and target pairs acked.
              Reactions are stored as counts without names: none is lost when every reaction's count holds
              every acked one.
              **Exact** waits for a message that counts everything acked: for profiles, the projector's
              picture with every phone as a respondent and every network's answered count; for RACI, its
              respondents and every activity's proposers; for ideas, its list holding every idea with
              votes adding up to the upvotes acked; for questions the **console's** list, since phones and
              the projector get at most 50 questions, holding every question with the upvotes acked.
              For reactions, the **console's** counts of the step (the projector gets each burst once, as it
              comes, and shows it rising).
            - **Received a phone** is what the server sent each phone's socket from the burst's first send
              until the screen was exact and 0.6 s more (time for the phones' last twice-a-second update):
              the UTF-8 text of every message, before any compression, the ack of its own inputs included.
              It is what the venue's Wi-Fi carries for one phone; the snapshot a phone gets on joining or on
              a new step is not in it.
            - **Durable commits.** *The same instant, with durable commits* is the burst above with the
              server started with `--durable-commits on`: the writer forces the database file to the disk
              (`CHECKPOINT SYNC`, an fsync) after each batch it commits and before the batch's acks leave.
              The difference between the two rows is what that costs here; it grows with the time the
              disk takes to honour an fsync, which on this machine's virtual disk is short (what it buys:
              `docs/security.md`, "What the database promises").
            - **Joining** is the wall time for every phone to fetch the join page, post the form, open its
              socket and receive its first snapshot, 32 at a time. It is not a target; it is most of the
              suite's time.
            - **Our hub against bare Jetty.** After the measured burst of the first scenario, the facilitator
              moves on to two more polls, each revealed to the phones, and the 5,000 phones answer each at the
              same pace, so that each results update our hub coalesces (twice a second for phones) goes to
              every phone socket while answers arrive. The first of the two warms the server up; during the
              second the phones note when each update reached them. Then, in the same run and once our server
              has stopped, the same phones open as many sockets to a bare Jetty 12 WebSocket server
              (`BareJettyServer`: no Javalin and none of our code, its own JVM with the server's flags). They
              send the same answers at the same pace; it echoes each one back as an ack at once, with no
              parsing and no database, and broadcasts the exact texts our hub sent, at the moments our hub
              sent them, with one plain `sendText` per socket. It does this twice and only the second round
              counts, so that both servers are measured warm. The ratio compares the **fan-out
              time** of each broadcast, taken the same way for both on the phones: from the first phone
              receiving it to the last (the bare server's own clock shows the first phone gets it a fraction
              of a millisecond after its send loop starts). It leaves out what our hub does before the first
              send (computing the results once per kind of screen). Our hub fans out while it also checks,
              commits and acks the answers of that moment, and bare Jetty does next to nothing else, so the
              ratio is the cost of the whole live server beside the cheapest possible broadcast of the same
              bytes, not of a send loop alone. Server, bare server and phones share the same two cores, so a
              busier server also slows the phones that time it.
            - The suite is not part of `scripts/test`: it needs the whole machine for about ten minutes.
              Figures taken while other work runs only show regressions of several times.
            """;
}
