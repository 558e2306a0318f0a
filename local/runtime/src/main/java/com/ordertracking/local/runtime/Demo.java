package com.ordertracking.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.json.Json;
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
            out.println("\n=== Demo: a day in the life ===");
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
            delayedParcel();
            out.println("\n=== Demo done. The system keeps running; try the curl commands above. ===\n");
        } catch (Exception e) {
            out.println("Demo stopped: " + e.getMessage());
        }
    }

    /** Issue 7: a parcel misses its estimate, the monitor flags it once, the seller sends a goodwill coupon. */
    private void delayedParcel() throws Exception {
        String seller = token("seller", "demo-seller");
        step("A parcel is shipped with an estimated delivery three hours ago");
        JsonNode order = send("POST", "/orders", seller, order("LAMP-01", "Desk lamp", 1, "34.00"), Map.of());
        String orderId = order.path("orderId").asText();
        send("POST", "/orders/" + orderId + "/process", seller, null, Map.of());
        String eta = java.time.Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        send("POST", "/orders/" + orderId + "/ship", seller, Json.write(Map.of("carrier", "ups",
                "trackingNumber", "1ZDEMO" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "estimatedDelivery", eta)), Map.of());
        step("The delay monitor runs (every 15 minutes; here on demand) and flags it");
        send("POST", "/_local/invoke/DelayMonitorFunction", null, null, Map.of(), false);
        JsonNode flagged = send("GET", "/orders/" + orderId, seller, null, Map.of(), false);
        out.println("    delay: " + flagged.path("delay"));
        step("The seller lists its delayed orders and sends Ana a goodwill coupon");
        JsonNode delayed = send("GET", "/orders?delayed=true", seller, null, Map.of(), false);
        out.println("    GET /orders?delayed=true -> " + delayed.path("items").size() + " delayed order(s)");
        JsonNode coupon = send("POST", "/orders/" + orderId + "/compensations", seller,
                "{\"type\":\"coupon\",\"percentOff\":15}", Map.of(), false);
        out.println("    POST /orders/" + orderId + "/compensations -> coupon " + coupon.path("code").asText()
                + " (" + coupon.path("percentOff").asText() + "% off, valid until " + coupon.path("validUntil").asText()
                + ", one use, Ana only)");
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
