package org.tallersocial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: a burst, then the sustained pace, key by key. */
class RateLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimit limit = new RateLimit(3, 2, nanos::get);

    @Test
    void a_burst_goes_through_then_the_pace_refills_one_token_at_a_time() {
        assertThat(limit.allow("a")).isTrue();
        assertThat(limit.allow("a")).isTrue();
        assertThat(limit.allow("a")).isTrue();
        assertThat(limit.allow("a")).as("the burst is spent").isFalse();
        assertThat(limit.exhausted("a")).isTrue();
        assertThat(limit.allow("b")).as("another key has its own bucket").isTrue();

        nanos.addAndGet(500_000_000L);
        assertThat(limit.allow("a")).as("half a second at 2 a second is one token").isTrue();
        assertThat(limit.allow("a")).isFalse();
        nanos.addAndGet(10_000_000_000L);
        assertThat(limit.exhausted("a")).isFalse();
    }

    @Test
    void forgetting_quiet_keys_keeps_the_ones_still_spent() {
        for (int i = 0; i < 3; i++) {
            limit.allow("busy");
        }
        for (int k = 0; k < 10_001; k++) {
            limit.allow("k" + k);
        }
        nanos.addAndGet(20_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.allow("busy")).as("refilled after 20 s").isTrue();
        }
        assertThat(limit.allow("new")).isTrue();
        assertThat(limit.allow("busy")).as("the purge kept the spent bucket").isFalse();
    }
}
