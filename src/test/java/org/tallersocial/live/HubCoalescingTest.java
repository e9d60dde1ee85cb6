package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopState;

/**
 * The hub's coalescing, with sockets that only record what they are sent: a feature that changes
 * two hundred times in a second reaches the projector about ten times and the phone about twice,
 * and the last update each gets holds the last change.
 */
class HubCoalescingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_feature_changing_two_hundred_times_a_second_reaches_the_projector_ten_times_and_phones_twice()
            throws Exception {
        Counter counter = new Counter();
        try (Hub hub = new Hub(JSON, Clock.systemUTC(), new Features(List.of(counter)))) {
            Room room = room(hub);
            Recorded projector = new Recorded();
            Recorded phone = new Recorded();
            hub.attach(room, projector, Viewer.PROJECTOR, 0);
            hub.attach(room, phone, Viewer.PHONE, 1);
            for (int i = 0; i < 200; i++) {
                counter.value.incrementAndGet();
                room.changed(counter);
                Thread.sleep(5);
            }
            Thread.sleep(Hub.TICK_MILLIS * Hub.PHONE_EVERY_TICKS + 200);

            List<Integer> toProjector = projector.counts();
            List<Integer> toPhone = phone.counts();
            System.out.printf("200 changes: %d updates to the projector, %d to the phone%n", toProjector.size(),
                    toPhone.size());
            assertThat(toProjector.size()).as("about ten a second, whatever the rate of changes").isBetween(5, 16);
            assertThat(toPhone.size()).as("about twice a second").isBetween(1, 5);
            assertThat(toProjector.get(toProjector.size() - 1)).isEqualTo(200);
            assertThat(toPhone.get(toPhone.size() - 1)).isEqualTo(200);
            assertThat(toProjector).isSorted();
        }
    }

    /** A change that leaves what phones see as it was (a RACI proposal) reaches the projector, not the phones. */
    @Test
    void phones_are_not_sent_an_update_that_says_what_their_last_one_said() throws Exception {
        Counter counter = new Counter();
        try (Hub hub = new Hub(JSON, Clock.systemUTC(), new Features(List.of(counter)))) {
            Room room = room(hub);
            Recorded projector = new Recorded();
            Recorded phone = new Recorded();
            hub.attach(room, projector, Viewer.PROJECTOR, 0);
            hub.attach(room, phone, Viewer.PHONE, 1);
            counter.value.set(1);
            room.changed(counter);
            Thread.sleep(Hub.TICK_MILLIS * Hub.PHONE_EVERY_TICKS + 200);
            room.changed(counter);
            Thread.sleep(Hub.TICK_MILLIS * Hub.PHONE_EVERY_TICKS + 200);
            assertThat(phone.counts()).as("the same number twice goes to phones once").containsExactly(1);
            assertThat(projector.counts()).as("the projector is not held back").containsExactly(1, 1);

            // A snapshot in the room forgets what phones were sent: a phone that joins gets the next one.
            Recorded late = new Recorded();
            hub.attach(room, late, Viewer.PHONE, 2);
            room.changed(counter);
            Thread.sleep(Hub.TICK_MILLIS * Hub.PHONE_EVERY_TICKS + 200);
            assertThat(late.counts()).containsExactly(1);
        }
    }

    /**
     * A phone that connects while the facilitator moves the room: the snapshot made for it must not
     * reach it after the newer one the move sent, or the phone stays on the old step.
     */
    @Test
    void a_phone_connecting_while_the_room_changes_is_left_with_the_newest_state() throws Exception {
        Thread attaching = Thread.currentThread();
        // Slow to add its part to the connecting phone's snapshot, as a busy machine is, between reading
        // the room and sending the snapshot.
        Counter slow = new Counter() {
            @Override
            public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
                if (Thread.currentThread() == attaching) {
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                }
            }
        };
        try (Hub hub = new Hub(JSON, Clock.systemUTC(), new Features(List.of(slow)))) {
            Room room = room(hub);
            java.util.concurrent.atomic.AtomicBoolean moving = new java.util.concurrent.atomic.AtomicBoolean(true);
            AtomicInteger moves = new AtomicInteger();
            Thread mover = new Thread(() -> {
                while (moving.get()) {
                    String title = "t" + moves.incrementAndGet();
                    room.change(() -> room.replace(room.workshop().withNames(title, "c")));
                    java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                }
            });
            mover.start();
            List<Recorded> phones = new java.util.ArrayList<>();
            for (int p = 0; p < 300; p++) {
                Recorded phone = new Recorded();
                hub.attach(room, phone, Viewer.PHONE, p + 1);
                phones.add(phone);
            }
            moving.set(false);
            mover.join();
            String last = room.workshop().title();
            for (Recorded phone : phones) {
                assertThat(phone.lastTitle()).as("the last state a phone got").isEqualTo(last);
            }
        }
    }

    private static Room room(Hub hub) {
        Workshop w = new Workshop(1, "ABCDEF", "t", "c", "x", "en", WorkshopState.LIVE, 0, false, 1,
                OffsetDateTime.now(), OffsetDateTime.now(), null, OffsetDateTime.now(), false, "key", null, null);
        StepSpec spec = new StepSpec("s", StepKind.SLIDE, "s", null, null, 60, null);
        return new Room(w, List.of(new Step(7, 1, 0, spec, PollState.PENDING, false, null, null)), 0,
                id -> Optional.empty(), hub);
    }

    /** A socket that keeps what it is sent. */
    private static final class Recorded implements Outbound {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void send(Text message, Runnable done) {
            sent.add(message.string());
            done.run();
        }

        @Override
        public void close(int code, String reason) {
        }

        String lastTitle() throws Exception {
            String title = null;
            for (String s : sent) {
                var msg = JSON.readTree(s);
                if (msg.path("type").asText().equals("state")) {
                    title = msg.at("/workshop/title").asText();
                }
            }
            return title;
        }

        List<Integer> counts() throws Exception {
            List<Integer> out = new java.util.ArrayList<>();
            for (String s : sent) {
                var msg = JSON.readTree(s);
                if (msg.path("type").asText().equals("count")) {
                    out.add(msg.path("n").asInt());
                }
            }
            return out;
        }
    }

    /** A feature that shows one number to every screen and takes nothing. */
    private static class Counter implements Feature<Void> {
        final AtomicInteger value = new AtomicInteger();

        @Override
        public Set<String> messageTypes() {
            return Set.of();
        }

        @Override
        public Set<StepKind> stepKinds() {
            return Set.of();
        }

        @Override
        public Refusals refusals() {
            return null;
        }

        @Override
        public Void read(Room room, Step step, long participantId, Message message) {
            return null;
        }

        @Override
        public String slot(Sent<Void> sent) {
            return "";
        }

        @Override
        public ObjectNode stored(Sent<Void> sent) {
            return null;
        }

        @Override
        public Change decide(Sent<Void> sent) {
            return null;
        }

        @Override
        public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        }

        @Override
        public ObjectNode update(Room room, Viewer viewer) {
            return JsonNodeFactory.instance.objectNode().put("type", "count").put("n", value.get());
        }
    }
}
