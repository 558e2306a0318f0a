package com.ordertracking.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One function per function module, each with a realistic sample event from {@code events/} and what a real
 * (successful) response looks like. Events are freshened per run where the real caller would send new values:
 * a new {@code Idempotency-Key} for order creation, a new carrier event id signed with the current timestamp.
 */
public final class ColdStartCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param logicalId function in template.yaml
     * @param module    directory under {@code functions/} holding its {@code function.jar}
     * @param event     sample event under {@code events/}
     * @param expected  what the response must show (e.g. the HTTP status)
     */
    public record Case(String logicalId, String module, String event, String expected, Predicate<JsonNode> accepts) {
        public Path jar(Path checkout) {
            return checkout.resolve("functions").resolve(module).resolve("target/function.jar");
        }
    }

    public static final List<Case> ALL = List.of(
            new Case("CreateOrderFunction", "orders", "orders/create-order.json", "HTTP 201", status(201)),
            new Case("ListMyOrdersFunction", "buyers", "buyers/list-my-orders.json", "HTTP 200", status(200)),
            new Case("ReceiveCarrierWebhookFunction", "webhooks", "webhooks/carrier-in-transit.json", "HTTP 202",
                    status(202)),
            new Case("ProcessTrackingEventsFunction", "tracking", "tracking/tracking-events.json",
                    "no batch item failures", noFailures()),
            new Case("PublishOrderEventsFunction", "events", "events/order-stream-shipped.json",
                    "no batch item failures", noFailures()),
            new Case("GetBuyerPreferencesFunction", "notifications", "notifications/get-buyer-preferences.json",
                    "HTTP 200", status(200)),
            new Case("DelayMonitorFunction", "delays", "delays/detect-delays.json", "returns normally", r -> true),
            new Case("GetTrackingPageFunction", "trackingpage", "trackingpage/get-tracking-page.json",
                    "HTML page (HTTP 200 or 404)", r -> r.path("statusCode").asInt() == 200
                            || r.path("statusCode").asInt() == 404 && r.path("body").asText().contains("<html")),
            new Case("ListWebhooksFunction", "sellerwebhooks", "sellerwebhooks/list-webhooks.json", "HTTP 200",
                    status(200)));

    private ColdStartCases() {
    }

    /** Writes the event for one run of {@code c} into {@code dir}, freshened as a real caller would send it. */
    public static Path prepareEvent(Case c, Path eventsDir, Map<String, String> environment, Path dir) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(eventsDir.resolve(c.event()).toFile());
            ObjectNode headers = event.has("headers") ? (ObjectNode) event.get("headers") : null;
            if (headers != null && headers.has("idempotency-key")) {
                headers.put("idempotency-key", UUID.randomUUID().toString());
            }
            if (headers != null && headers.has("x-webhook-signature")) {
                ObjectNode body = (ObjectNode) JSON.readTree(event.get("body").asText());
                body.put("eventId", "coldstart-" + UUID.randomUUID());
                String rawBody = JSON.writeValueAsString(body);
                String timestamp = Long.toString(Instant.now().getEpochSecond());
                event.put("body", rawBody);
                headers.put("x-webhook-timestamp", timestamp);
                headers.put("x-webhook-signature", "v1=" + hmacHex(environment.get("WEBHOOK_SECRET"),
                        timestamp + "." + rawBody));
            }
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, c.logicalId() + "-", ".json");
            JSON.writeValue(file.toFile(), event);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Predicate<JsonNode> status(int code) {
        return response -> response.path("statusCode").asInt() == code;
    }

    private static Predicate<JsonNode> noFailures() {
        return response -> response.path("batchItemFailures").isArray() && response.path("batchItemFailures").isEmpty();
    }

    private static String hmacHex(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response as JSON (a tree), for {@link Case#accepts()}. */
    public static JsonNode parse(String response) {
        try {
            return JSON.readTree(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
