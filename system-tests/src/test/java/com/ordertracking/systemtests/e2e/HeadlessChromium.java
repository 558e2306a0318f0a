package com.ordertracking.systemtests.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol on a WebSocket, with
 * nothing but the JDK's HTTP client: start it, open a page at a given viewport, evaluate JavaScript in it,
 * take full-page screenshots. One browser per instance, on a fresh profile in a temporary directory.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The browser binary: {@code $CHROMIUM}, else Debian's and other usual locations. */
    static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM");
        Stream<String> paths = configured == null || configured.isBlank() ? CANDIDATES.stream()
                : Stream.concat(Stream.of(configured), CANDIDATES.stream());
        return paths.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static HeadlessChromium start(Path binary, Path logFile) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                    "--mute-audio", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            // Chromium writes the port it picked and the browser's WebSocket path into the profile.
            Path activePort = profile.resolve("DevToolsActivePort");
            await().atMost(TIMEOUT).until(() -> !process.isAlive() || (Files.exists(activePort)
                    && Files.readAllLines(activePort).size() >= 2));
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + "; see " + logFile);
            }
            List<String> lines = Files.readAllLines(activePort);
            URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
            return new HeadlessChromium(process, profile, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HeadlessChromium(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(endpoint, new Listener()).join();
    }

    /** A new tab with the given viewport (CSS pixels) and device pixel ratio; {@code mobile} as on a phone. */
    Tab open(int width, int height, double scale, boolean mobile) {
        String targetId = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").asText();
        Tab tab = new Tab(session, width, height, scale, mobile);
        call(session, "Page.enable", Map.of());
        tab.viewport(height);
        return tab;
    }

    /** One tab, addressed through its flattened DevTools session. */
    final class Tab {
        private final String session;
        private final int width;
        private final int height;
        private final double scale;
        private final boolean mobile;

        private Tab(String session, int width, int height, double scale, boolean mobile) {
            this.session = session;
            this.width = width;
            this.height = height;
            this.scale = scale;
            this.mobile = mobile;
        }

        private void viewport(int viewportHeight) {
            call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", viewportHeight,
                    "deviceScaleFactor", scale, "mobile", mobile));
        }

        /** Loads {@code url} and waits until the document (and its styles) finished loading. */
        void navigate(URI url) {
            JsonNode result = call(session, "Page.navigate", Map.of("url", url.toString()));
            if (result.hasNonNull("errorText")) {
                throw new AssertionError("Navigation to " + url + " failed: " + result.get("errorText").asText());
            }
            await().atMost(TIMEOUT).until(() -> "complete".equals(evaluate("document.readyState").asText()));
        }

        /** The value of a JavaScript expression (returned by value, so objects arrive as JSON). */
        JsonNode evaluate(String expression) {
            JsonNode result = call(session, "Runtime.evaluate", Map.of("expression", expression,
                    "returnByValue", true, "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new AssertionError("JavaScript failed: " + result.get("exceptionDetails"));
            }
            JsonNode value = result.path("result").path("value");
            return value.isMissingNode() ? Json.MAPPER.nullNode() : value;
        }

        /** A PNG of the whole page (not only the viewport) written to {@code file}. */
        void screenshot(Path file) {
            int fullHeight = Math.max(height, evaluate("document.documentElement.scrollHeight").asInt());
            viewport(fullHeight);
            try {
                String data = call(session, "Page.captureScreenshot", Map.of("format", "png",
                        "captureBeyondViewport", false)).get("data").asText();
                Files.createDirectories(file.getParent());
                Files.write(file, Base64.getDecoder().decode(data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                viewport(height);
            }
        }
    }

    private JsonNode call(String session, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", Json.MAPPER.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(Json.write(message), true).join();
        }
        try {
            JsonNode response = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new AssertionError(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(method + " got no answer from Chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    /** Collects (possibly fragmented) text frames; answers complete their call, events are ignored. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                String text = frame.toString();
                frame.setLength(0);
                try {
                    JsonNode message = Json.parse(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = pending.get(message.get("id").asLong());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(reply -> reply.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(reply -> reply.completeExceptionally(error));
        }
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", Map.of());
        } catch (AssertionError ignored) {
            // already gone: the process is stopped below either way
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
