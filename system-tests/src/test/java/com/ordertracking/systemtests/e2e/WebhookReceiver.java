package com.ordertracking.systemtests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seller's receiver on an ephemeral loopback port: records every request and answers 200, or first fails a
 * number of times (503), or answers 410, or hangs until released. Verification uses the Standard Webhooks
 * reference library, as a seller would.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }

        JsonNode json() {
            try {
                return Json.parse(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        String type() {
            return json().get("type").asText();
        }

        String orderId() {
            return json().path("data").path("orderId").asText();
        }

        /** True when the Standard Webhooks library accepts the request for {@code secret}. */
        boolean verifiesWith(String secret) {
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft;
    private final int failureStatus;
    private final CountDownLatch hang;

    private WebhookReceiver(int failures, int failureStatus, boolean hangs) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.failureStatus = failureStatus;
        this.hang = hangs ? new CountDownLatch(1) : null;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    static WebhookReceiver healthy() {
        return create(0, 200, false);
    }

    static WebhookReceiver failingFirst(int times) {
        return create(times, 503, false);
    }

    static WebhookReceiver gone() {
        return create(Integer.MAX_VALUE, 410, false);
    }

    static WebhookReceiver hanging() {
        return create(0, 200, true);
    }

    private static WebhookReceiver create(int failures, int status, boolean hangs) {
        try {
            return new WebhookReceiver(failures, status, hangs);
        } catch (IOException e) {
            throw new AssertionError("Cannot start a receiver on loopback", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests about one order, of one type. */
    List<Received> received(String orderId, String type) {
        return received.stream().filter(r -> r.orderId().equals(orderId) && r.type().equals(type)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        received.add(new Received(headers, body));
        try {
            if (hang != null) {
                hang.await(60, TimeUnit.SECONDS); // held until the test releases it (or the sender gives up)
            }
            int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 200;
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The sender hung up (its timeout): nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        if (hang != null) {
            hang.countDown();
        }
        server.stop(0);
    }
}
