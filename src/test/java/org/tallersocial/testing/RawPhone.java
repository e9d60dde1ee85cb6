package org.tallersocial.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A phone on a plain TCP socket that speaks just enough WebSocket to misbehave as a real one
 * can: it may never read what it is sent (a tiny receive buffer makes that bite at once), or
 * stop in the middle of a frame. Only what a test asks for is read or written.
 */
public final class RawPhone implements AutoCloseable {

    /**
     * What the phone found when it finally read: the text messages, then the close code; 0 when
     * the socket was still open and went quiet, {@link #DROPPED} when the server ended the
     * connection without a close frame.
     */
    public record Received(List<String> texts, int closeCode) {
        public boolean cutOff() {
            return closeCode != 0;
        }
    }

    public static final int DROPPED = -1;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawPhone(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Opens the phone socket of a workshop with a participant's cookies; fails unless upgraded. */
    public static RawPhone connect(String baseUrl, String path, String cookieHeader, int receiveBufferBytes) {
        URI base = URI.create(baseUrl);
        try {
            Socket socket = new Socket();
            // Set before connecting, so the window the server sees is small from the first byte.
            socket.setReceiveBufferSize(receiveBufferBytes);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            RawPhone phone = new RawPhone(socket);
            phone.handshake(base, path, cookieHeader);
            return phone;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handshake(URI base, String path, String cookieHeader) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String host = base.getHost() + ":" + base.getPort();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nOrigin: " + base.getScheme() + "://" + host + "\r\n"
                + (cookieHeader == null ? "" : "Cookie: " + cookieHeader + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection during the handshake: " + head);
            }
            head.write(b);
        }
        if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
            throw new IOException("not upgraded: " + head);
        }
    }

    /** Sends whole text messages in one write, as a phone with a backlog of its own would. */
    public void send(String text, int times) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("short messages only");
        }
        byte[] mask = {5, 6, 7, 8};
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int n = 0; n < times; n++) {
            frames.write(0x81);
            frames.write(0x80 | payload.length);
            frames.writeBytes(mask);
            for (int i = 0; i < payload.length; i++) {
                frames.write(payload[i] ^ mask[i % 4]);
            }
        }
        try {
            out.write(frames.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a frame header announcing {@code announced} bytes, then only the first bytes of the text. */
    public void sendHalfAMessage(String text, int announced) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        try {
            out.write(0x81);
            out.write(0x80 | 126);
            out.write(announced >> 8);
            out.write(announced & 0xff);
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads everything already sent until the server's close frame, or until it goes quiet. */
    public Received readAll(int quietMillis) {
        List<String> texts = new ArrayList<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout(quietMillis);
            DataInputStream data = new DataInputStream(in);
            while (true) {
                int first = data.readUnsignedByte();
                int second = data.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = data.readUnsignedShort();
                } else if (length == 127) {
                    length = data.readLong();
                }
                byte[] payload = new byte[(int) length];
                data.readFully(payload);
                int opcode = first & 0x0f;
                if (opcode == 8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    return new Received(texts, code);
                }
                if (opcode == 1 || opcode == 0) {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        texts.add(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            return new Received(texts, 0);
        } catch (IOException e) {
            // An end of stream or a reset: the server gave up on flushing its close frame.
            return new Received(texts, DROPPED);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
