package org.tallersocial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The yardstick for the hub: the same Jetty 12 WebSocket stack with none of
 * our code. Phones connect to {@code /phone}; each text they send is echoed
 * back at once as an ack of the same shape as ours (no parsing, no database);
 * on {@code go FILE} from {@code /control} it broadcasts the messages of FILE
 * (lines of "offset-nanos TAB text", as our hub sent them) to every phone at
 * those offsets, with one plain {@code sendText} per socket, and prints when
 * each broadcast began and ended on {@link System#nanoTime()}, the clock every
 * JVM on this machine shares. A benchmark's part, run by {@link BareComparison}
 * as its own JVM with the server's flags.
 */
public final class BareJettyServer {

    private final Set<Session> phones = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        BareJettyServer bare = new BareJettyServer();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, ws -> {
            // As the kit configures its sockets.
            ws.setIdleTimeout(Duration.ofMinutes(2));
            ws.setMaxTextMessageSize(64 * 1024);
            ws.addMapping("/phone", (request, response, callback) -> bare.new PhoneSocket());
            ws.addMapping("/control", (request, response, callback) -> bare.new Control());
        }));
        server.start();
        System.out.println("port " + connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    public final class PhoneSocket extends Session.Listener.AbstractAutoDemanding {
        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            phones.add(session);
        }

        @Override
        public void onWebSocketText(String message) {
            // {"type":"answer","id":..,"step":..,"seq":..,"value":..} -> {"type":"ack",..same..,"duplicate":false}
            String ack = message.replaceFirst("^\\{\"type\":\"answer\"", "{\"type\":\"ack\"");
            getSession().sendText(ack.substring(0, ack.length() - 1) + ",\"duplicate\":false}", Callback.NOOP);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            phones.remove(getSession());
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            phones.remove(getSession());
        }
    }

    // Public, as Jetty looks its listeners up by reflection.
    public final class Control extends Session.Listener.AbstractAutoDemanding {
        @Override
        public void onWebSocketText(String message) {
            Session control = getSession();
            if (message.equals("count")) {
                control.sendText("sockets " + phones.size(), Callback.NOOP);
            } else if (message.startsWith("go ")) {
                Thread replay = new Thread(() -> replay(Path.of(message.substring(3)), control), "bare-replay");
                replay.setDaemon(true);
                replay.start();
            } else if (message.equals("quit")) {
                System.out.flush();
                System.exit(0);
            }
        }
    }

    private void replay(Path file, Session control) {
        List<String[]> schedule = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                schedule.add(line.split("\t", 2));
            }
        } catch (IOException e) {
            control.sendText("error " + e, Callback.NOOP);
            return;
        }
        long start = System.nanoTime();
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < schedule.size(); i++) {
            long due = start + Long.parseLong(schedule.get(i)[0]);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            String text = schedule.get(i)[1];
            long began = System.nanoTime();
            for (Session phone : phones) {
                phone.sendText(text, Callback.NOOP);
            }
            report.append("sent ").append(i).append(' ').append(began).append(' ').append(System.nanoTime())
                    .append('\n');
        }
        System.out.print(report);
        System.out.flush();
        control.sendText("done", Callback.NOOP);
    }
}
