package org.tallersocial.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The setup most live tests share: a fresh server on its own H2 file, a facilitator, and the
 * poll-kinds workshop taken live; all closed after each test. Register it with
 * {@code @RegisterExtension final LiveWorkshop live = new LiveWorkshop();}.
 */
public final class LiveWorkshop implements BeforeEachCallback, AfterEachCallback {

    public TestServer server;
    public LiveRoom room;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = TestServer.start();
        room = LiveRoom.live(server, Facilitators.first(server));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (room != null) {
            room.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
