package org.tallersocial.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import org.tallersocial.auth.AuthModule;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Origins;
import org.tallersocial.workshop.ParticipantRepository;

/**
 * Every live connection: the three WebSockets, and the phone's fallback for
 * networks where a WebSocket can't be had. Both admit the same way and take
 * messages through the same {@link LiveMessages}.
 */
public final class LiveRoutes implements AutoCloseable {

    private final LiveSockets sockets;
    private final PhoneFallback fallback;
    private final EventStreams streams;

    public LiveRoutes(Hub hub, Rooms rooms, CodeLookup codes, ParticipantRepository participants, AuthModule auth,
                      Writer writer, Replies replies, ObjectMapper json, Features features, Origins origins,
                      Limits limits, java.time.Clock clock) {
        Admission admission = new Admission(rooms, codes, participants, auth, origins, limits);
        LiveMessages messages = new LiveMessages(hub, writer, replies, json, features, limits, clock);
        this.streams = new EventStreams();
        this.sockets = new LiveSockets(hub, admission, messages, limits);
        this.fallback = new PhoneFallback(hub, admission, messages, streams);
    }

    public void register(RoutesConfig routes) {
        sockets.register(routes);
        fallback.register(routes);
    }

    /**
     * Ends the event streams the hub has just closed, before the server stops: a stream
     * ended after Jetty let its response go would only leave warnings in the log.
     */
    @Override
    public void close() {
        streams.close();
    }
}
