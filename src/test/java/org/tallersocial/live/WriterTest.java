package org.tallersocial.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopState;

/**
 * The writer's batching, against a real (in-memory) H2 and a feature of the test's own that keeps one
 * number per person: what goes in one commit, what is decided after what, and what a failing
 * database costs.
 */
class WriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private org.h2.jdbcx.JdbcConnectionPool pool;
    private DSLContext dsl;
    private Writer writer;
    private final Numbers numbers = new Numbers();
    private final List<ObjectNode> replies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void database() {
        pool = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:mem:writer" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        dsl = DSL.using(pool, SQLDialect.H2);
        dsl.execute("CREATE TABLE number (person BIGINT PRIMARY KEY, n INT NOT NULL, CHECK (n <> 13))");
        writer = new Writer(dsl, null, new Replies(new Texts()));
    }

    @AfterEach
    void stop() {
        writer.close();
        pool.dispose();
    }

    @Test
    void messages_that_arrive_together_are_committed_together_and_acknowledged_after_the_commit() {
        Room room = room(PollState.OPEN);
        List<Delivery<?>> burst = new ArrayList<>();
        for (int p = 1; p <= 100; p++) {
            burst.add(delivery(room, p, 1, 1000 + p));
        }
        process(burst);
        assertThat(numbers.commits).as("one write for the whole burst").containsExactly(100);
        assertThat(replies).hasSize(100).allMatch(r -> r.path("type").asText().equals("ack"));
        assertThat(dsl.fetchCount(DSL.table("number"))).isEqualTo(100);
    }

    @Test
    void a_second_message_for_a_slot_is_decided_after_the_first_is_committed() {
        Room room = room(PollState.OPEN);
        process(List.of(delivery(room, 1, 5, 50), delivery(room, 2, 1, 7), delivery(room, 1, 4, 40),
                delivery(room, 1, 6, 60)));
        assertThat(numbers.commits).as("the batch splits where person 1 comes again").containsExactly(2, 1);
        assertThat(replies).extracting(r -> r.path("duplicate").asBoolean())
                .as("the older seq 4, decided after seq 5 was stored, is a duplicate").containsExactly(false, false, true, false);
        assertThat(dsl.fetchValue("SELECT n FROM number WHERE person = 1")).isEqualTo(60);
        assertThat(replies.get(2).path("n").asInt()).as("the duplicate says what is stored").isEqualTo(50);
    }

    @Test
    void a_message_the_database_refuses_does_not_hold_up_the_others_of_its_batch() {
        Room room = room(PollState.OPEN);
        process(List.of(delivery(room, 1, 1, 11), delivery(room, 2, 1, 13), delivery(room, 3, 1, 12)));
        assertThat(replies).extracting(r -> r.path("type").asText() + ":" + r.path("code").asText(""))
                .containsExactly("ack:", "error:not_saved", "ack:");
        assertThat(numbers.memory).containsOnlyKeys(1L, 3L);
    }

    @Test
    void a_retry_of_what_is_stored_is_a_duplicate_after_the_step_closed_and_a_new_message_is_refused() {
        Room open = room(PollState.OPEN);
        process(List.of(delivery(open, 1, 3, 30)));
        Room closed = room(PollState.CLOSED);
        process(List.of(delivery(closed, 1, 3, 30), delivery(closed, 2, 1, 20)));
        assertThat(replies.get(1).path("duplicate").asBoolean()).isTrue();
        assertThat(replies.get(2).path("code").asText()).isEqualTo("poll_closed");
    }

    /** The replies go out after each batch on the writer's sending thread: one for every message. */
    private void process(List<Delivery<?>> deliveries) {
        int expected = replies.size() + deliveries.size();
        writer.process(deliveries);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (replies.size() < expected && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    /** Every room of a test is the same workshop: the feature's memory is kept by the test's feature. */
    private Room room(PollState state) {
        Workshop w = new Workshop(1, "ABCDEF", "t", "c", "x", "en", WorkshopState.LIVE, 0, false, 1,
                OffsetDateTime.now(), OffsetDateTime.now(), null, OffsetDateTime.now(), false, "key", null, null);
        StepSpec spec = new StepSpec("s", StepKind.SINGLE, "s", null, null, 60, null);
        Room room = new Room(w, List.of(new Step(7, 1, 0, spec, state, false, null, null)), 0, id -> Optional.empty(),
                new Room.Publisher() {
                    @Override
                    public void publishState(Room r) {
                    }

                    @Override
                    public void tell(Room r, long participantId, ObjectNode message) {
                    }
                });
        return room;
    }

    private Delivery<Integer> delivery(Room room, long person, long seq, int n) {
        Message m = new Message("number", "m" + person + "-" + seq, seq, 7, JSON.createObjectNode().put("n", n));
        return new Delivery<>(numbers, new Sent<>(room, room.current(), person, m, n), null, Locale.ENGLISH,
                replies::add, java.time.Clock.systemUTC());
    }

    /** A feature of the test's own: one number per person, the highest seq wins. */
    private final class Numbers implements Feature<Integer> {
        final List<Integer> commits = new ArrayList<>();
        final Map<Long, long[]> memory = new ConcurrentHashMap<>();
        private final Store store = (tx, changes) -> {
            commits.add(changes.size());
            for (Change c : changes) {
                Written w = (Written) c;
                tx.execute("MERGE INTO number (person, n) KEY (person) VALUES (?, ?)", w.person, w.n);
            }
        };

        private record Written(Store store, long person, long seq, int n, Map<Long, long[]> memory) implements Change {
            @Override
            public ObjectNode apply() {
                memory.put(person, new long[] {seq, n});
                return JsonNodeFactory.instance.objectNode().put("n", n);
            }
        }

        @Override
        public Set<String> messageTypes() {
            return Set.of("number");
        }

        @Override
        public Set<StepKind> stepKinds() {
            return Set.of(StepKind.SINGLE);
        }

        @Override
        public Refusals refusals() {
            return new Refusals("not_allowed", "not_a_poll", "not_a_poll", "poll_not_open_yet", "poll_closed");
        }

        @Override
        public Integer read(Room room, Step step, long participantId, Message message) {
            return message.body().path("n").asInt();
        }

        @Override
        public String slot(Sent<Integer> sent) {
            return "n:" + sent.participantId();
        }

        @Override
        public ObjectNode stored(Sent<Integer> sent) {
            long[] held = memory.get(sent.participantId());
            return held != null && held[0] >= sent.seq()
                    ? JsonNodeFactory.instance.objectNode().put("n", (int) held[1]) : null;
        }

        @Override
        public Change decide(Sent<Integer> sent) {
            return new Written(store, sent.participantId(), sent.seq(), sent.input(), memory);
        }

        @Override
        public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        }

        @Override
        public ObjectNode update(Room room, Viewer viewer) {
            return null;
        }
    }
}
