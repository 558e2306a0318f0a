package com.ordertracking.bench;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.runtime.LocalRuntime;
import com.ordertracking.shared.domain.webhook.WebhookSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency of the hot paths through the local runtime, over HTTP: order creation, signed carrier
 * webhook intake (the carrier-facing answer must be fast), and webhook → order applied (queue +
 * tracking processor). Prints percentiles; asserts nothing.
 *
 * <p>{@code ./mvnw -q -pl bench -am package -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.args="500 8"} (requests per scenario, client concurrency).
 */
public final class LatencyBenchmark {
    private static final String SECRET = "local-webhook-secret";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private LatencyBenchmark(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(LocalCloud.findTemplate(), 0, null))) {
            new LatencyBenchmark(runtime.baseUri()).run(requests, concurrency);
        }
        System.exit(0);
    }

    private void run(int requests, int concurrency) throws Exception {
        String token = token();
        // Warm-up: first calls pay class loading and client initialisation (a Lambda cold start analogue).
        long coldStart = System.nanoTime();
        String warmOrder = createOrder(token);
        System.out.printf("first POST /orders (cold): %.1f ms%n", (System.nanoTime() - coldStart) / 1e6);
        for (int i = 0; i < 50; i++) {
            createOrder(token);
            postWebhook(event("warm-" + i, "WARM" + i, "IN_TRANSIT"));
        }

        report("POST /orders", measure(requests, concurrency, i -> createOrder(token)));
        report("POST /webhooks/carriers/ups (202)", measure(requests, concurrency,
                i -> postWebhook(event(UUID.randomUUID().toString(), "NOSUCH" + i, "IN_TRANSIT"))));

        // Webhook accepted → order reads IN_TRANSIT: the asynchronous path a buyer experiences.
        int shipments = Math.max(20, requests / 10);
        List<String[]> shipped = new ArrayList<>();
        for (int i = 0; i < shipments; i++) {
            String orderId = createOrder(token);
            String number = "1ZB" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
            send("POST", "/orders/" + orderId + "/process", token, null, Map.of());
            send("POST", "/orders/" + orderId + "/ship", token, "{\"carrier\":\"ups\",\"trackingNumber\":\"" + number + "\"}", Map.of());
            shipped.add(new String[] {orderId, number});
        }
        List<Double> applied = new ArrayList<>();
        for (String[] shipment : shipped) {
            long start = System.nanoTime();
            postWebhook(event(UUID.randomUUID().toString(), shipment[1], "IN_TRANSIT"));
            while (!send("GET", "/orders/" + shipment[0], token, null, Map.of()).body().contains("\"IN_TRANSIT\"")) {
                Thread.onSpinWait();
            }
            applied.add((System.nanoTime() - start) / 1e6);
        }
        report("webhook → order IN_TRANSIT (queue + processor)", applied);
        if (warmOrder == null) {
            throw new IllegalStateException("no order");
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run(int i) throws Exception;
    }

    private List<Double> measure(int requests, int concurrency, Call call) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    call.run(n);
                    millis.add((System.nanoTime() - start) / 1e6);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return millis;
    }

    private static void report(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-48s n=%4d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", name, sorted.size(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast());
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private String token() throws Exception {
        String body = send("POST", "/_local/tokens", null, "{\"role\":\"seller\",\"sub\":\"bench-seller\"}", Map.of()).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private String createOrder(String token) throws Exception {
        HttpResponse<String> response = send("POST", "/orders", token, """
                {"buyer":{"id":"bench-buyer","name":"Bench Buyer"},"currency":"USD",
                 "items":[{"sku":"MUG-01","name":"Mug","quantity":2,"unitPrice":"12.50"}],
                 "shippingAddress":{"name":"B","line1":"1 Main St","city":"Springfield","postalCode":"62701","country":"US"}}""",
                Map.of());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
        }
        return response.body().replaceAll("^\\{\"orderId\":\"([^\"]+)\".*", "$1");
    }

    private Object postWebhook(String body) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignatures.signGeneric(SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send("POST", "/webhooks/carriers/ups", null, body,
                Map.of("X-Webhook-Timestamp", Long.toString(timestamp), "X-Webhook-Signature", signature));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("webhook failed: " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static String event(String id, String number, String status) {
        return "{\"eventId\":\"" + id + "\",\"trackingNumber\":\"" + number + "\",\"status\":\"" + status
                + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
    }

    private HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
