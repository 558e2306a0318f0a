package com.ordertracking.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code --demo}: a short, scripted day in the life played against the running system over HTTP
 * only, printing each step — so a newcomer sees the flows work in one command.
 */
final class Demo {
    private final URI base;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Demo(URI base, PrintStream out) {
        this.base = base;
        this.out = out;
    }

    void run() {
        try {
            out.println("\n=== A day in the life: a seller, a buyer called Ana, UPS and the delay monitor ===");
            String seller = token("seller", "demo-seller");
            step("A seller creates two orders for buyer Ana");
            JsonNode mug = send("POST", "/orders", seller, order("MUG-01", "Ceramic mug", 2, "12.50"),
                    Map.of("Idempotency-Key", "demo-order-1"));
            JsonNode tee = send("POST", "/orders", seller, order("TEE-M", "T-shirt (M)", 1, "19.99"), Map.of());
            step("The seller's app retries the first create (same Idempotency-Key): same order, no duplicate");
            send("POST", "/orders", seller, order("MUG-01", "Ceramic mug", 2, "12.50"),
                    Map.of("Idempotency-Key", "demo-order-1"));
            step("The seller reads the order back");
            send("GET", "/orders/" + mug.path("orderId").asText(), seller, null, Map.of());
            step("Another seller cannot see it (404)");
            send("GET", "/orders/" + tee.path("orderId").asText(), token("seller", "someone-else"), null, Map.of());
            step("A mistake in the order is named field by field (400 problem+json)");
            send("POST", "/orders", seller, "{\"currency\":\"usd\",\"items\":[]}", Map.of());
            notifications(seller);
            String delayedOrder = delayedParcel();
            tryNext(seller, delayedOrder);
        } catch (Exception e) {
            out.println("Demo stopped: " + e.getMessage());
        }
    }

    /** Issue 7: a parcel misses its estimate, the monitor flags it once, the seller sends a goodwill coupon. */
    private String delayedParcel() throws Exception {
        String seller = token("seller", "demo-seller");
        java.util.Set<String> seen = new java.util.HashSet<>();
        outbox(seen, "", 0, Duration.ZERO); // Ana's earlier messages are not this story's
        step("A parcel is shipped with an estimated delivery three hours ago");
        JsonNode order = send("POST", "/orders", seller, order("LAMP-01", "Desk lamp", 1, "34.00"), Map.of());
        String orderId = order.path("orderId").asText();
        send("POST", "/orders/" + orderId + "/process", seller, null, Map.of());
        String eta = java.time.Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        String trackingNumber = "1ZDEMO" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        send("POST", "/orders/" + orderId + "/ship", seller, Json.write(Map.of("carrier", "ups",
                "trackingNumber", trackingNumber, "estimatedDelivery", eta)), Map.of());
        // Let the shipped messages arrive first, so the delay messages below print on their own.
        outbox(seen, trackingNumber, 2, Duration.ofSeconds(20));
        step("The delay monitor runs (every 15 minutes; here on demand) and flags it");
        send("POST", "/_local/invoke/DelayMonitorFunction", null, null, Map.of(), false);
        JsonNode flagged = send("GET", "/orders/" + orderId, seller, null, Map.of(), false);
        out.println("    delay: " + flagged.path("delay"));
        step("Ana hears about the delay (SMS and email, once however often the monitor runs)");
        outbox(seen, "running late", 2, Duration.ofSeconds(20));
        step("The seller lists its delayed orders and sends Ana a goodwill coupon");
        JsonNode delayed = send("GET", "/orders?delayed=true", seller, null, Map.of(), false);
        out.println("    GET /orders?delayed=true -> " + delayed.path("items").size() + " delayed order(s)");
        JsonNode coupon = send("POST", "/orders/" + orderId + "/compensations", seller,
                "{\"type\":\"coupon\",\"percentOff\":15}", Map.of(), false);
        out.println("    POST /orders/" + orderId + "/compensations -> coupon " + coupon.path("code").asText()
                + " (" + coupon.path("percentOff").asText() + "% off, valid until " + coupon.path("validUntil").asText()
                + ", one use, Ana only)");
        step("Ana gets the coupon code (stream → CompensationOffered → notifier)");
        String code = coupon.path("code").asText();
        outbox(seen, code.isEmpty() ? "coupon" : code, 2, Duration.ofSeconds(20));
        return orderId;
    }

    /** The end of the story: what to look at next, ready to paste. */
    private void tryNext(String seller, String orderId) throws Exception {
        String page = send("GET", "/orders/" + orderId, seller, null, Map.of(), false).path("trackingPageUrl").asText();
        String b = base.toString();
        out.printf("""

                === That was the demo. The system keeps running; try next, in another terminal: ===
                  TOKEN=%2$s
                  curl -s '%1$s/orders?delayed=true' -H "Authorization: Bearer $TOKEN"      # the seller's delayed orders
                  curl -s %1$s/orders/%3$s/events -H "Authorization: Bearer $TOKEN"   # one order's timeline
                  curl -s %1$s/_local/outbox                                     # every SMS and email sent
                  %4$s
                      (Ana's tracking page: open it in a browser)
                  README.md "Try it" walks the same story by hand.

                """, b, seller, orderId, page);
    }

    private static final String ANA_PHONE = "+14155550123";
    private static final String ANA_EMAIL = "ana@example.com";

    /** Buyer preferences → ship → signed carrier webhooks, printing Ana's SMS and email as they arrive. */
    private void notifications(String seller) throws Exception {
        step("Buyer Ana chooses SMS and email for order updates");
        String ana = token("buyer", "ana");
        send("PUT", "/me/notification-preferences", ana, Json.write(Map.of("email", ANA_EMAIL, "phone", ANA_PHONE,
                "channels", Map.of("sms", true, "email", true))), Map.of());
        java.util.Set<String> seen = new java.util.HashSet<>();
        outbox(seen, "", 0, Duration.ZERO); // what was already there (e.g. the subscription confirmation)
        step("The seller creates, processes and ships an order for Ana");
        JsonNode order = send("POST", "/orders", seller, order("CAP-01", "Baseball cap", 1, "15.00"), Map.of());
        String orderId = order.path("orderId").asText();
        send("POST", "/orders/" + orderId + "/process", seller, null, Map.of());
        String trackingNumber = "1ZDEMO" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        send("POST", "/orders/" + orderId + "/ship", seller, Json.write(Map.of("carrier", "ups",
                "trackingNumber", trackingNumber, "estimatedDelivery",
                java.time.Instant.now().plus(Duration.ofDays(3)).toString())), Map.of());
        step("Ana's phone and inbox (stream → outbox publisher → order-events → notifier → SNS)");
        outbox(seen, trackingNumber, 2, Duration.ofSeconds(20)); // shipped, by SMS and email
        step("UPS posts signed IN_TRANSIT and DELIVERED webhooks (the DELIVERED one twice: a retry)");
        webhook(trackingNumber, "IN_TRANSIT", "demo-" + trackingNumber + "-1");
        String delivered = "demo-" + trackingNumber + "-2";
        webhook(trackingNumber, "DELIVERED", delivered);
        webhook(trackingNumber, "DELIVERED", delivered);
        step("Ana hears about the delivery once (IN_TRANSIT is not worth a message)");
        outbox(seen, "delivered", 2, Duration.ofSeconds(20));
    }

    private void webhook(String trackingNumber, String status, String eventId) throws Exception {
        String body = Json.write(Map.of("eventId", eventId, "trackingNumber", trackingNumber, "status", status,
                "occurredAt", java.time.Instant.now().toString()));
        long timestamp = java.time.Instant.now().getEpochSecond();
        send("POST", "/webhooks/carriers/ups", null, body, Map.of("X-Webhook-Timestamp", Long.toString(timestamp),
                "X-Webhook-Signature", com.ordertracking.shared.domain.webhook.WebhookSignatures.signGeneric(
                        "local-webhook-secret", timestamp, body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /**
     * Prints Ana's new outbox messages until {@code expected} new ones mentioning {@code marker} arrived
     * or {@code timeout} passed (the pipeline is asynchronous).
     */
    private void outbox(java.util.Set<String> seen, String marker, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int fresh = 0;
        do {
            for (JsonNode m : send("GET", "/_local/outbox", null, null, Map.of(), false).path("messages")) {
                String endpoint = m.path("endpoint").asText();
                if ((endpoint.equals(ANA_PHONE) || endpoint.equals(ANA_EMAIL)) && seen.add(m.path("messageId").asText())) {
                    if (timeout.isZero()) {
                        continue;
                    }
                    String text = m.path("message").asText();
                    fresh += text.contains(marker) ? 1 : 0;
                    out.printf("    [%s %s] %s%n", m.path("protocol").asText(), endpoint,
                            m.path("protocol").asText().equals("email")
                                    ? m.path("subject").asText() + " | " + text.replace("\n", " / ") : text);
                }
            }
            if (fresh >= expected) {
                return;
            }
            Thread.sleep(250); // polling the outbox; a demo, not a test
        } while (System.nanoTime() < deadline);
        out.println("    (only " + fresh + " of " + expected + " messages arrived in " + timeout.toSeconds() + " s)");
    }

    private void step(String text) {
        out.println("\n--> " + text);
    }

    private String token(String role, String sub) throws Exception {
        return send("POST", "/_local/tokens", null, Json.write(Map.of("role", role, "sub", sub)), Map.of(), false)
                .path("token").asText();
    }

    private JsonNode send(String method, String path, String token, String body, Map<String, String> headers)
            throws Exception {
        return send(method, path, token, body, headers, true);
    }

    private JsonNode send(String method, String path, String token, String body, Map<String, String> headers,
            boolean print) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(response.body());
        if (print) {
            out.printf("    %s %s -> %d %s%n", method, path, response.statusCode(), summary(json));
        }
        return json;
    }

    private static String summary(JsonNode json) {
        if (json.has("orderId")) {
            return json.path("orderId").asText() + " " + json.path("status").asText() + " total "
                    + json.at("/totals/total").asText() + " " + json.path("currency").asText();
        }
        if (json.has("errors")) {
            StringBuilder fields = new StringBuilder(json.path("detail").asText() + ":");
            json.path("errors").forEach(e -> fields.append(' ').append(e.path("field").asText()));
            return fields.toString();
        }
        return json.has("detail") ? json.path("detail").asText() : json.toString();
    }

    private static String order(String sku, String name, int quantity, String price) {
        return Json.write(Map.of(
                "buyer", Map.of("id", "ana", "name", "Ana Souza", "email", "ana@example.com", "phone", "+14155550123"),
                "currency", "USD",
                "items", java.util.List.of(Map.of("sku", sku, "name", name, "quantity", quantity, "unitPrice", price)),
                "shippingAddress", Map.of("name", "Ana Souza", "line1", "500 Market St", "city", "San Francisco",
                        "region", "CA", "postalCode", "94105", "country", "US")));
    }
}
