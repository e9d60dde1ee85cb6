package org.tallersocial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.tallersocial.db.Database;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** Deleting a closed workshop leaves no row of it in any table, and kills its review links. */
class DeleteWorkshopTest {

    /** Tables that belong to facilitators, not to workshops. */
    private static final List<String> NOT_A_WORKSHOPS = List.of("FACILITATOR", "LOGIN_SESSION", "INVITATION",
            "TRUSTED_DEVICE", "flyway_schema_history");

    @Test
    void a_deleted_workshop_leaves_nothing_behind() {
        Path data;
        try (TestServer server = TestServer.start(TestServer.REAL_CONTENT)) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = DefaultRun.closed(server, facilitator, "Panadería Ruiz");
            Browser.Response page = facilitator.post("/facilitate/" + room.id + "/review-links", "reader", "Owner",
                    "days", "");
            java.util.regex.Matcher link = DefaultRun.REVIEW_LINK.matcher(page.body());
            assertThat(link.find()).isTrue();
            String review = "/r/" + link.group(2);

            Browser.Response wrong = facilitator.post("/facilitate/" + room.id + "/delete", "confirm", "All hands");
            assertThat(wrong.status()).isEqualTo(409);
            assertThat(wrong.body()).contains("All hands Panadería Ruiz");
            assertThat(facilitator.get("/facilitate/" + room.id + "/report").status()).isEqualTo(200);

            Browser.Response deleted = facilitator.post("/facilitate/" + room.id + "/delete", "confirm",
                    "All hands Panadería Ruiz");
            assertThat(deleted.status()).isEqualTo(303);
            assertThat(facilitator.get("/facilitate/" + room.id).status()).isEqualTo(404);
            assertThat(server.browser().get(review).status()).as("its review link died with it").isEqualTo(404);
            assertThat(facilitator.get("/facilitate").body()).doesNotContain("All hands Panadería Ruiz");
            assertThat(server.app().rooms().holds(room.id))
                    .as("the room, and with it all that every feature kept of it, left the server's memory").isFalse();
            room.close();
            data = server.dataDir();
        }
        try (Database db = Database.open(data)) {
            List<String> left = new ArrayList<>();
            for (Table<?> table : db.dsl().meta().getSchemas("PUBLIC").get(0).getTables()) {
                if (NOT_A_WORKSHOPS.contains(table.getName())) {
                    continue;
                }
                int rows = db.dsl().fetchCount(table);
                if (rows > 0) {
                    left.add(table.getName() + ": " + rows);
                }
            }
            assertThat(left).as("rows left after deleting the only workshop").isEmpty();
        }
    }

    @Test
    void a_workshop_that_is_not_closed_cannot_be_deleted() {
        try (TestServer server = TestServer.start()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.live(server, facilitator);
            Browser.Response refused = facilitator.post("/facilitate/" + room.id + "/delete", "confirm",
                    "All hands on social");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("Close the workshop");
            assertThat(facilitator.get("/facilitate/" + room.id).status()).isEqualTo(200);
            room.close();
        }
    }
}
