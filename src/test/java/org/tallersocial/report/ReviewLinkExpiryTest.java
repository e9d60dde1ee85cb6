package org.tallersocial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tallersocial.db.Database;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;

/** A link with an expiry opens the report until that day and not after, on a real H2 file. */
class ReviewLinkExpiryTest {

    @Test
    void a_link_opens_until_it_expires_then_says_so() throws Exception {
        Path data;
        long workshop;
        long facilitator;
        try (TestServer server = TestServer.start()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            workshop = room.id;
            facilitator = 1;
            data = server.dataDir();
            room.close();
        }
        assertThat(Files.exists(data)).isTrue();
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        try (Database db = Database.open(data)) {
            ReviewLinks links = new ReviewLinks(db.dsl(), clock);
            ReviewLinks.Created made = links.create(workshop, "Owner", "7", facilitator);
            assertThat(links.open(made.token()).link()).isPresent();

            clock.advance(Duration.ofDays(7).minusMinutes(1));
            assertThat(links.open(made.token()).link()).as("the last minute of the seventh day").isPresent();
            clock.advance(Duration.ofMinutes(1));
            ReviewLinks.Opened late = links.open(made.token());
            assertThat(late.link()).isEmpty();
            assertThat(late.refusal()).isEqualTo("expired");
            assertThat(links.forWorkshop(workshop)).singleElement()
                    .satisfies(l -> assertThat(l.expiredAt(clock.instant().atOffset(java.time.ZoneOffset.UTC))).isTrue());
        }
    }
}
