package org.tallersocial.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A TCP relay that holds every chunk for a while in each direction: a phone on a bad network,
 * whose bytes all arrive, late. Order is kept; nothing is dropped.
 */
public final class DelayingProxy implements AutoCloseable {

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long delayNanos;

    private DelayingProxy(ServerSocket listener, InetSocketAddress target, long delayMillis) {
        this.listener = listener;
        this.target = target;
        this.delayNanos = delayMillis * 1_000_000;
    }

    /** A relay to the server behind {@code baseUrl}, delaying each direction by {@code oneWayMillis}. */
    public static DelayingProxy to(String baseUrl, long oneWayMillis) {
        URI uri = URI.create(baseUrl);
        try {
            ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            DelayingProxy proxy = new DelayingProxy(listener, new InetSocketAddress(uri.getHost(), uri.getPort()),
                    oneWayMillis);
            daemon("proxy-accept", proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to give clients instead of the server's: http://127.0.0.1:port */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5_000);
                relay(client, server);
                relay(server, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon("proxy-read", () -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException ignored) {
                // the side closed
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, null));
        });
        daemon("proxy-write", () -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes() == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // the other side closed, or the proxy is stopping
            }
        });
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
