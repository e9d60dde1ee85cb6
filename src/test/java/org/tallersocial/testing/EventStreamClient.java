package org.tallersocial.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A phone's server-sent event stream read as a browser's EventSource reads it,
 * over plain HTTP with the phone's cookies: each event's data is one message.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<InputStream> response;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private volatile boolean ended;

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; the answer's status and headers are there at once, the events as they come. */
    public static EventStreamClient open(Browser browser, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<InputStream> response = browser.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new EventStreamClient(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
                } else if (line.isEmpty() && data.length() > 0) {
                    transcript.add(data.toString());
                    inbox.add(JSON.readTree(data.toString()));
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    transcript.add(line);
                }
            }
        } catch (IOException closed) {
            // the stream ended, or this end closed it
        } finally {
            ended = true;
        }
    }

    /** Waits for the next message that matches, skipping (but remembering) the others. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            for (JsonNode m : seen) {
                if (match.test(m)) {
                    seen.remove(m);
                    return m;
                }
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within " + timeout + "; unmatched: " + seen);
            }
            JsonNode m;
            try {
                m = inbox.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (m == null) {
                continue;
            }
            if (match.test(m)) {
                return m;
            }
            synchronized (seen) {
                seen.add(m);
            }
        }
    }

    public JsonNode await(String type) {
        return await(m -> type.equals(m.path("type").asText()), Duration.ofSeconds(10));
    }

    public JsonNode awaitStep(int index) {
        return await(m -> "state".equals(m.path("type").asText()) && m.path("step").path("index").asInt() == index,
                Duration.ofSeconds(10));
    }

    /** Waits until the server has sent this many comment lines (its keep-alives). */
    public void awaitComments(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (comments() < count) {
            if (ended || System.nanoTime() > deadline) {
                throw new AssertionError(count + " comments expected within " + timeout + (ended ? ", but the stream ended" : "")
                        + "; got: " + transcript());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long comments() {
        synchronized (transcript) {
            return transcript.stream().filter(line -> line.startsWith(":")).count();
        }
    }

    /** Every event's data and every comment line so far, in order. */
    public String transcript() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    /** Waits until the server ends the stream (or cuts it off). */
    public void awaitEnd(Duration timeout) {
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!ended) {
            throw new AssertionError("the stream was still open after " + timeout);
        }
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
