package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallersocial.testing.Browser;

/** One live workshop under load: its join code, the step it answers, its projector, console and phones. */
final class BenchRoom {

    private static final Pattern CODE = Pattern.compile("data-code=\"([A-Z0-9]{6})\"");

    /** A step of the template: where it is in the agenda, its id and its kind. */
    record StepChoice(int position, String key, String kind) {
        boolean isPoll() {
            return kind.equals("single") || kind.equals("multiple");
        }
    }

    final int number;
    final Browser facilitator;
    final long workshopId;
    final String code;
    /** The step the room opens on: the measured poll, or the first exercise's step. */
    final StepChoice first;
    long stepId;
    final Screen projector;
    final Screen console;
    final List<Phone> phones = new ArrayList<>();
    /** The measured burst and when the projector first showed every answer (0: never). */
    Burst burst;
    long projectorAt;
    /** The last unmeasured burst (a warm-up round, or the comparison's). */
    Burst lastBurst;

    private BenchRoom(int number, Browser facilitator, long workshopId, String code, StepChoice first) {
        this.number = number;
        this.facilitator = facilitator;
        this.workshopId = workshopId;
        this.code = code;
        this.first = first;
        this.projector = new Screen("projector " + number);
        this.console = new Screen("console " + number);
    }

    /**
     * A new workshop, live on the given step (a poll: open, its results on the projector, and revealed
     * to the phones if asked), with its projector and console up before the room fills.
     */
    static BenchRoom open(int number, Browser facilitator, Options opt, HttpClient wsClient, StepChoice first)
            throws Exception {
        Browser.Response created = facilitator.post("/facilitate/workshops", "title", "Benchmark all-hands " + number,
                "company", "Bench & Co", "template", opt.template());
        Bench.require(created.status() == 303, "workshop creation answered " + created.status() + ": "
                + Bench.clip(created.body()));
        long id = Long.parseLong(created.location().orElseThrow().replaceAll(".*/facilitate/", ""));
        Matcher m = CODE.matcher(facilitator.get("/facilitate/" + id).body());
        Bench.require(m.find(), "the console page shows no join code");
        BenchRoom room = new BenchRoom(number, facilitator, id, m.group(1), first);
        room.act("/live");
        room.act("/step", "to", String.valueOf(first.position));

        String wsBase = opt.baseUrl().replaceFirst("^http", "ws");
        room.projector.connect(wsClient, wsBase + "/ws/screen/" + room.code, null);
        room.console.connect(wsClient, wsBase + "/ws/console/" + id, facilitator.cookieHeader());
        JsonNode step = room.projector.firstState.get(15, TimeUnit.SECONDS).path("step");
        room.console.firstState.get(15, TimeUnit.SECONDS);
        Bench.require(step.path("key").asText().equals(first.key), "the projector shows step "
                + step.path("key") + ", expected " + first.key);
        room.stepId = step.path("id").asLong();
        if (first.isPoll()) {
            Bench.require(step.path("pollState").asText().equals("open"), "the poll is " + step.path("pollState"));
            if (opt.reveal() || !step.path("resultsVisible").asBoolean()) {
                room.act("/steps/" + room.stepId + "/poll", "action", "reveal");
            }
        }
        room.projector.watch(room.stepId);
        room.console.watch(room.stepId);
        room.projector.expectConnected(opt.phones());
        return room;
    }

    void act(String path, String... fields) {
        Browser.Response r = facilitator.post("/facilitate/" + workshopId + path, fields);
        Bench.require(r.status() == 303, "console action " + path + " answered " + r.status() + ": "
                + Bench.clip(r.body()));
    }

    List<Phone> joined() {
        return phones.stream().filter(p -> p.joinedAt > 0).toList();
    }

    /** Waits until every phone's latest snapshot shows the step with this key; returns its id. */
    long awaitStep(String key) throws InterruptedException {
        return awaitStep(key, false);
    }

    /** The same, and with the step's results revealed to the phones if asked. */
    long awaitStep(String key, boolean revealed) throws InterruptedException {
        List<Phone> in = joined();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (in.stream().allMatch(p -> key.equals(p.state.path("step").path("key").asText())
                    && (!revealed || p.state.path("step").path("revealed").asBoolean()))) {
                return in.get(0).state.path("step").path("id").asLong();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not every phone of workshop " + number + " reached step '" + key + "'");
    }

    /** Moves the room to a step; returns its id once every phone shows it. */
    long goTo(StepChoice step) throws InterruptedException {
        act("/step", "to", String.valueOf(step.position()));
        return awaitStep(step.key());
    }

    /** Moves the room to another poll and reveals it to the phones; returns its id once every phone shows it. */
    long goToRevealed(StepChoice other) throws InterruptedException {
        act("/step", "to", String.valueOf(other.position()));
        long id = awaitStep(other.key());
        act("/steps/" + id + "/poll", "action", "reveal");
        return awaitStep(other.key(), true);
    }

    /** The first single- or multiple-choice step whose results the projector shows, or the one named. */
    static StepChoice choosePoll(Path contentFile, String stepKey) throws IOException {
        JsonNode steps = steps(contentFile);
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            String kind = s.path("kind").asText();
            boolean choice = kind.equals("single") || kind.equals("multiple");
            boolean named = stepKey != null && stepKey.equals(s.path("id").asText());
            if (named || (stepKey == null && choice && !s.path("hideResults").asBoolean(false))) {
                Bench.require(choice, "step " + stepKey + " is a " + kind + " step, not single or multiple choice");
                return new StepChoice(i, s.path("id").asText(), kind);
            }
        }
        throw new IllegalStateException("no suitable poll step in " + contentFile);
    }

    /** The first step of this kind (an exercise's), or with a null kind the agenda's first step. */
    static StepChoice firstStep(Path contentFile, String kind) throws IOException {
        JsonNode steps = steps(contentFile);
        for (int i = 0; i < steps.size(); i++) {
            String k = steps.get(i).path("kind").asText();
            if (kind == null || kind.equals(k)) {
                return new StepChoice(i, steps.get(i).path("id").asText(), k);
            }
        }
        throw new IllegalStateException("no " + kind + " step in " + contentFile);
    }

    private static JsonNode steps(Path contentFile) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(contentFile.toFile()).path("steps");
    }

    /** A single- or multiple-choice step other than the measured one, for warming up. */
    static StepChoice otherPoll(Path contentFile, int not) throws IOException {
        return otherPolls(contentFile, not, 1).get(0);
    }

    /** The first {@code count} single- or multiple-choice steps other than the measured one. */
    static List<StepChoice> otherPolls(Path contentFile, int not, int count) throws IOException {
        JsonNode steps = steps(contentFile);
        List<StepChoice> out = new ArrayList<>();
        for (int i = 0; i < steps.size() && out.size() < count; i++) {
            String kind = steps.get(i).path("kind").asText();
            if (i != not && (kind.equals("single") || kind.equals("multiple"))) {
                out.add(new StepChoice(i, steps.get(i).path("id").asText(), kind));
            }
        }
        Bench.require(out.size() == count, "fewer than " + count + " other choice polls in " + contentFile);
        return out;
    }
}
