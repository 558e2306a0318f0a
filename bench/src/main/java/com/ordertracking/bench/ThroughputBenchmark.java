package com.ordertracking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The carrier-burst scenario of issue 14 against one build of the local runtime, in its own process:
 *
 * <ol>
 *   <li>idle CPU of the runtime at rest (CPU-seconds per 10 s from {@code /proc/<pid>/stat});</li>
 *   <li>setup: N orders created, processed and shipped (one buyer each, SMS on, so every buyer message lands in
 *       the outbox under a phone number of its own);</li>
 *   <li>the burst: per order IN_TRANSIT, OUT_FOR_DELIVERY and DELIVERED, each posted three times, all shuffled,
 *       from C concurrent clients → webhook {@code 202} latency, distinct events applied per second (read live from
 *       the tracking processor's log line), time until the last distinct event is applied;</li>
 *   <li>verification: every order DELIVERED with exactly three checkpoints, no webhook answered other than 202, no
 *       buyer message sent twice, exactly one "delivered" message per buyer;</li>
 *   <li>idle CPU again, after the burst.</li>
 * </ol>
 *
 * Writes one JSON result; {@link BenchReport} turns results into the Markdown + SVG report. Asserts nothing: the
 * verification is reported, and the exit code is 1 if it failed.
 *
 * <p>{@code java -cp local/target/order-tracking-local.jar:bench/target/classes
 * com.ordertracking.bench.ThroughputBenchmark --label after --jar local/target/order-tracking-local.jar --out bench/report/data}
 */
public final class ThroughputBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SECRET = "local-webhook-secret";
    private static final String[] STATUSES = {"IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"};
    private static final int DELIVERIES_PER_EVENT = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final int clients;

    private ThroughputBenchmark(URI base, int clients) {
        this.base = base;
        this.clients = clients;
    }

    record Shipment(String orderId, String trackingNumber, String phone) {
    }

    record Post(String body) {
    }

    record Sample(long startNanos, double millis, int status) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String label = options.getOrDefault("label", "run");
        Path jar = Path.of(options.getOrDefault("jar", "local/target/order-tracking-local.jar"));
        Path workDir = Path.of(options.getOrDefault("workdir", "."));
        Path out = Path.of(options.getOrDefault("out", "bench/report/data"));
        int orders = Integer.parseInt(options.getOrDefault("orders", "1000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        Duration idleWindow = Duration.ofSeconds(Long.parseLong(options.getOrDefault("idle-seconds", "30")));
        Duration settle = Duration.ofSeconds(Long.parseLong(options.getOrDefault("settle-seconds", "30")));
        List<String> jvmArgs = options.containsKey("jvm-args") ? List.of(options.get("jvm-args").split(" ")) : List.of();
        Files.createDirectories(out);
        Files.createDirectories(workDir);

        ObjectNode result = JSON.createObjectNode();
        result.put("label", label);
        result.put("jar", jar.toString());
        result.put("description", options.getOrDefault("description", label));
        result.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("jvmArgs", String.join(" ", jvmArgs));
        result.put("loadAverageAtStart", loadAverage());
        result.put("orders", orders);
        result.put("clients", clients);
        result.put("settleSeconds", settle.toSeconds());

        boolean ok;
        Path log = Path.of(options.getOrDefault("log", workDir.resolve(label + "-runtime.log").toString()));
        try (RuntimeProcess runtime = RuntimeProcess.start(jar, workDir, jvmArgs, log)) {
            var bench = new ThroughputBenchmark(runtime.base(), clients);
            Thread.sleep(settle); // let boot-time JIT and provisioning settle
            idle(runtime, idleWindow, result, "idle");
            log("%s: idle %.3f CPU-s per 10 s", label, result.get("idleCpuSecondsPer10s").asDouble());

            List<Shipment> shipments = bench.setUp(orders);
            bench.awaitOutbox(orders, m -> m.path("message").asText().startsWith("Shipped"), Duration.ofMinutes(5));
            log("%s: %d orders shipped, buyers notified", label, shipments.size());

            ok = bench.burst(runtime, shipments, result);
            Thread.sleep(settle);
            idle(runtime, idleWindow, result, "idleAfterBurst");
            result.put("loadAverageAtEnd", loadAverage());
            result.put("runtimeErrorLines", runtime.errorLines.get());
        }
        Path file = out.resolve(label + ".json");
        JSON.writeValue(file.toFile(), result);
        log("%s: wrote %s (verification %s)", label, file, ok ? "passed" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    private List<Shipment> setUp(int orders) throws Exception {
        String seller = token("seller", "bench-seller");
        List<Shipment> shipments = Collections.synchronizedList(new ArrayList<>());
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        parallel(orders, i -> () -> {
            String buyerId = "bench-buyer-" + i;
            String phone = "+1415%07d".formatted(i);
            String buyer = token("buyer", buyerId);
            expect(200, sendSetUp("PUT", "/me/notification-preferences", buyer,
                    "{\"phone\":\"" + phone + "\",\"channels\":{\"sms\":true,\"email\":false}}", Map.of()));
            HttpResponse<String> created = sendSetUp("POST", "/orders", seller, """
                    {"buyer":{"id":"%s","name":"Bench Buyer","phone":"%s"},"currency":"USD",
                     "items":[{"sku":"MUG-01","name":"Mug","quantity":2,"unitPrice":"12.50"}],
                     "shippingAddress":{"name":"B","line1":"1 Main St","city":"Springfield","region":"IL",
                                        "postalCode":"62701","country":"US"}}""".formatted(buyerId, phone),
                    Map.of("Idempotency-Key", "bench-" + run + "-" + i));
            expect(201, created);
            String orderId = JSON.readTree(created.body()).path("orderId").asText();
            expect(200, sendSetUp("POST", "/orders/" + orderId + "/process", seller, null, Map.of()));
            String number = "1ZBENCH" + run + "%06d".formatted(i);
            expect(200, sendSetUp("POST", "/orders/" + orderId + "/ship", seller,
                    "{\"carrier\":\"ups\",\"trackingNumber\":\"" + number + "\"}", Map.of()));
            shipments.add(new Shipment(orderId, number, phone));
            return null;
        });
        return shipments;
    }

    /** Posts every event three times, shuffled, from {@code clients} threads; then waits and verifies. */
    private boolean burst(RuntimeProcess runtime, List<Shipment> shipments, ObjectNode result) throws Exception {
        Instant carrierTime = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        List<Post> posts = new ArrayList<>();
        for (Shipment s : shipments) {
            for (int e = 0; e < STATUSES.length; e++) {
                String body = "{\"eventId\":\"" + s.trackingNumber() + "-" + e + "\",\"trackingNumber\":\""
                        + s.trackingNumber() + "\",\"status\":\"" + STATUSES[e] + "\",\"occurredAt\":\""
                        + carrierTime.plus(Duration.ofMinutes(10L * (e + 1))) + "\",\"location\":\"Springfield, IL\"}";
                for (int d = 0; d < DELIVERIES_PER_EVENT; d++) {
                    posts.add(new Post(body));
                }
            }
        }
        Collections.shuffle(posts, new Random(14));
        int distinct = shipments.size() * STATUSES.length;
        int appliedBefore = runtime.appliedAt.size();
        int duplicatesBefore = runtime.duplicateAt.size();

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        double cpuStart = runtime.cpuSeconds();
        var threadsStart = runtime.threadCpu();
        long start = System.nanoTime();
        parallel(posts.size(), i -> () -> {
            long t0 = System.nanoTime();
            HttpResponse<String> response = postWebhook(posts.get(i).body());
            samples.add(new Sample(t0 - start, (System.nanoTime() - t0) / 1e6, response.statusCode()));
            return null;
        });
        double postingSeconds = (System.nanoTime() - start) / 1e9;
        log("posted %d webhooks in %.1f s; waiting for %d distinct events", posts.size(), postingSeconds, distinct);

        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        // A processor invocation that timed out after its write never logs "applied" (its retry sees "already
        // applied"): stop waiting after a minute without any processor line; the verification below then
        // checks the orders themselves and the report shows how many distinct events were logged.
        int seen = -1;
        long lastProgress = System.nanoTime();
        while (runtime.appliedAt.size() - appliedBefore < distinct && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < Duration.ofMinutes(1).toNanos()) {
            int now = runtime.appliedAt.size() + runtime.duplicateAt.size();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
            Thread.sleep(100);
        }
        List<Long> applied = List.copyOf(runtime.appliedAt.subList(appliedBefore, runtime.appliedAt.size()));
        long lastApplied = applied.isEmpty() ? start : Collections.max(applied);
        double drainSeconds = (lastApplied - start) / 1e9;
        double cpuBurst = runtime.cpuSeconds() - cpuStart;
        Map<String, Double> componentsBurst = RuntimeProcess.cpuSecondsByComponent(threadsStart, runtime.threadCpu());
        // Every posted copy must also be consumed (as "already applied"), or it is stuck or lost.
        while (runtime.appliedAt.size() - appliedBefore + runtime.duplicateAt.size() - duplicatesBefore < posts.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> duplicates = List.copyOf(runtime.duplicateAt.subList(duplicatesBefore, runtime.duplicateAt.size()));
        long lastMessage = Math.max(lastApplied, duplicates.isEmpty() ? start : Collections.max(duplicates));
        double allMessagesSeconds = (lastMessage - start) / 1e9;

        List<Double> latencies = samples.stream().map(Sample::millis).sorted().toList();
        ObjectNode webhook = result.putObject("webhook202");
        webhook.put("n", latencies.size());
        webhook.put("non202", samples.stream().filter(s -> s.status() != 202).count());
        for (int p : new int[] {50, 95, 99}) {
            webhook.put("p" + p + "Ms", round(percentile(latencies, p), 1));
        }
        webhook.put("maxMs", round(latencies.getLast(), 1));
        result.put("posts", posts.size());
        result.put("distinctEvents", distinct);
        result.put("postingSeconds", round(postingSeconds, 2));
        result.put("drainSeconds", round(drainSeconds, 2));
        result.put("distinctEventsPerSecond", round(applied.size() / drainSeconds, 1));
        result.put("allMessagesSeconds", round(allMessagesSeconds, 2));
        result.put("messagesPerSecond", round((applied.size() + duplicates.size()) / allMessagesSeconds, 1));
        result.put("burstCpuSeconds", round(cpuBurst, 1));
        result.put("burstCpuCores", round(cpuBurst / drainSeconds, 2));
        ObjectNode components = result.putObject("burstCpuSecondsByComponent");
        componentsBurst.forEach((name, seconds) -> components.put(name, round(seconds, 1)));
        // DynamoDB Local runs every request's storage work on ONE thread: its CPU per event bounds throughput.
        double sqlite = componentsBurst.get("dynamodbLocalSqliteThread");
        result.put("sqliteThreadMsPerDistinctEvent", round(sqlite * 1000 / Math.max(1, applied.size()), 2));
        result.set("series", series(samples, applied, start, drainSeconds));
        log("drained %d/%d distinct events in %.1f s → %.1f/s; webhook p50 %.1f ms p99 %.1f ms",
                applied.size(), distinct, drainSeconds, applied.size() / drainSeconds,
                webhook.get("p50Ms").asDouble(), webhook.get("p99Ms").asDouble());

        return verify(runtime, shipments, result, applied.size() - distinct, duplicates.size(), posts.size());
    }

    private boolean verify(RuntimeProcess runtime, List<Shipment> shipments, ObjectNode result, int extraApplied,
                           int duplicateLines, int posts) throws Exception {
        ObjectNode check = result.putObject("verification");
        String seller = token("seller", "bench-seller");
        AtomicInteger wrong = new AtomicInteger();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        parallel(shipments.size(), i -> () -> {
            Shipment s = shipments.get(i);
            JsonNode order = JSON.readTree(send("GET", "/orders/" + s.orderId(), seller, null, Map.of()).body());
            JsonNode events = JSON.readTree(send("GET", "/orders/" + s.orderId() + "/events", seller, null, Map.of())
                    .body()).path("items");
            long checkpoints = 0;
            for (JsonNode entry : events) {
                checkpoints += entry.path("kind").asText().equals("CHECKPOINT") ? 1 : 0;
            }
            if (!order.path("status").asText().equals("DELIVERED") || checkpoints != STATUSES.length) {
                wrong.incrementAndGet();
                examples.add(s.orderId() + ": " + order.path("status").asText() + ", " + checkpoints + " checkpoints");
            }
            return null;
        });
        int expectedDelivered = shipments.size();
        JsonNode outbox = awaitOutbox(expectedDelivered,
                m -> m.path("message").asText().startsWith("Your order was delivered"), Duration.ofMinutes(5));
        Map<String, Integer> counts = new HashMap<>();
        int delivered = 0;
        for (JsonNode m : outbox) {
            counts.merge(m.path("protocol").asText() + " " + m.path("endpoint").asText() + " "
                    + m.path("message").asText(), 1, Integer::sum);
            delivered += m.path("message").asText().startsWith("Your order was delivered") ? 1 : 0;
        }
        long duplicateMessages = counts.values().stream().filter(c -> c > 1).count();
        check.put("ordersNotDeliveredWithThreeCheckpoints", wrong.get());
        check.set("examples", JSON.valueToTree(examples.stream().limit(5).toList()));
        check.put("processorAppliedMoreThanDistinct", extraApplied);
        check.put("processorDuplicateLines", duplicateLines);
        check.put("processorFailedLines", runtime.failedLines.get());
        check.put("processorParkedLines", runtime.parkedLines.get());
        check.put("outboxMessages", outbox.size());
        check.put("deliveredMessages", delivered);
        check.put("duplicateBuyerMessages", duplicateMessages);
        check.put("messagesConsumed", shipments.size() * STATUSES.length + extraApplied + duplicateLines);
        boolean ok = wrong.get() == 0 && extraApplied == 0 && duplicateMessages == 0 && delivered == expectedDelivered
                && shipments.size() * STATUSES.length + duplicateLines == posts
                && result.path("webhook202").path("non202").asLong() == 0;
        check.put("passed", ok);
        log("verification: %s", check);
        return ok;
    }

    /** CPU-seconds per 10 s at rest over {@code window}, in total and per thread group. */
    private static void idle(RuntimeProcess runtime, Duration window, ObjectNode result, String name)
            throws Exception {
        var threadsBefore = runtime.threadCpu();
        double total = runtime.cpuPer10Seconds(window);
        Map<String, Double> byComponent = RuntimeProcess.cpuSecondsByComponent(threadsBefore, runtime.threadCpu());
        result.put(name + "CpuSecondsPer10s", round(total, 3));
        ObjectNode components = result.putObject(name + "CpuSecondsPer10sByComponent");
        byComponent.forEach((component, seconds) -> components.put(component,
                round(seconds * 10 / window.toSeconds(), 3)));
    }

    /** Per-second buckets: distinct events applied, webhooks answered and their p50/p99 in that second. */
    private static ArrayNode series(ConcurrentLinkedQueue<Sample> samples, List<Long> applied, long start,
                                    double drainSeconds) {
        int seconds = (int) Math.ceil(Math.max(drainSeconds,
                samples.stream().mapToDouble(s -> s.startNanos() / 1e9).max().orElse(0))) + 1;
        int[] appliedPerSecond = new int[seconds];
        for (long t : applied) {
            appliedPerSecond[(int) Math.min(seconds - 1, Math.max(0, (t - start) / 1_000_000_000L))]++;
        }
        List<List<Double>> latencies = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            latencies.add(new ArrayList<>());
        }
        for (Sample s : samples) {
            latencies.get((int) Math.min(seconds - 1, s.startNanos() / 1_000_000_000L)).add(s.millis());
        }
        ArrayNode series = JSON.createArrayNode();
        for (int i = 0; i < seconds; i++) {
            List<Double> bucket = latencies.get(i).stream().sorted().toList();
            ObjectNode point = series.addObject();
            point.put("t", i);
            point.put("applied", appliedPerSecond[i]);
            point.put("webhooks", bucket.size());
            if (!bucket.isEmpty()) {
                point.put("p50Ms", round(percentile(bucket, 50), 1));
                point.put("p99Ms", round(percentile(bucket, 99), 1));
            }
        }
        return series;
    }

    /** Polls the outbox until {@code expected} messages match and the count is stable for 2 s. */
    private JsonNode awaitOutbox(int expected, java.util.function.Predicate<JsonNode> matching, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastTotal = -1;
        long stableSince = System.nanoTime();
        while (true) {
            JsonNode messages = JSON.readTree(send("GET", "/_local/outbox", null, null, Map.of()).body()).path("messages");
            int matched = 0;
            for (JsonNode m : messages) {
                matched += matching.test(m) ? 1 : 0;
            }
            if (messages.size() != lastTotal) {
                lastTotal = messages.size();
                stableSince = System.nanoTime();
            }
            boolean stable = System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos();
            if ((matched >= expected && stable) || System.nanoTime() > deadline) {
                return messages;
            }
            Thread.sleep(500);
        }
    }

    @FunctionalInterface
    private interface Task {
        Object call() throws Exception;
    }

    private void parallel(int count, IntFunction<Task> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Task t = task.apply(i);
                futures.add(pool.submit(t::call));
            }
            for (Future<Object> f : futures) {
                f.get();
            }
        }
    }

    private HttpResponse<String> postWebhook(String body) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v1=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return send("POST", "/webhooks/carriers/ups", null, body,
                Map.of("X-Webhook-Timestamp", timestamp, "X-Webhook-Signature", signature));
    }

    private String token(String role, String sub) throws Exception {
        var response = send("POST", "/_local/tokens", null, "{\"role\":\"" + role + "\",\"sub\":\"" + sub + "\"}",
                Map.of());
        return JSON.readTree(response.body()).path("token").asText();
    }

    private HttpResponse<String> send(String method, String path, String token, String body,
                                      Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Setup calls (all idempotent: the create carries an Idempotency-Key, ship and preferences are repeatable) are
     * retried on a 5xx, which an overloaded machine can cause through a function timeout; the burst is not retried.
     */
    private HttpResponse<String> sendSetUp(String method, String path, String token, String body,
                                           Map<String, String> headers) throws Exception {
        HttpResponse<String> response = send(method, path, token, body, headers);
        for (int attempt = 1; attempt < 5 && response.statusCode() >= 500; attempt++) {
            Thread.sleep(Duration.ofSeconds(attempt));
            response = send(method, path, token, body, headers);
        }
        return response;
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " → " + response.statusCode() + " " + response.body());
        }
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + format + "%n", args);
    }
}
