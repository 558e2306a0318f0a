package com.ordertracking.systemtests.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A seller using the order API (create, process, ship, read, list, compensate) through any {@link Api}. */
public final class Seller {
    private final Api api;
    private final Caller caller;

    public Seller(Api api, String sellerId) {
        this.api = api;
        this.caller = Caller.seller(sellerId);
    }

    /** A seller with an id of this run. */
    public static Seller fresh(Api api) {
        return new Seller(api, TestData.id("seller"));
    }

    public String id() {
        return caller.id();
    }

    /** POST /orders with the sample create-order body, edited. */
    public ApiResponse create(Consumer<ObjectNode> edit) {
        ObjectNode body = TestData.sampleBody("events/orders/create-order.json");
        edit.accept(body);
        return api.post(caller, "/orders", Json.write(body));
    }

    /** A PENDING order from the sample create-order body, for {@code buyerId} (the sample's buyer when null). */
    public String createOrder(String buyerId) {
        return created(create(body -> {
            if (buyerId != null) {
                ((ObjectNode) body.get("buyer")).put("id", buyerId);
            }
        }));
    }

    /** The sample order for {@code buyerId} without its own discount, naming {@code couponCode} when not null. */
    public ApiResponse placeOrder(String buyerId, String couponCode) {
        return create(body -> {
            ((ObjectNode) body.get("buyer")).put("id", buyerId);
            body.remove("discount");
            if (couponCode != null) {
                body.put("couponCode", couponCode);
            }
        });
    }

    public ApiResponse process(String orderId) {
        return api.post(caller, "/orders/" + orderId + "/process", null);
    }

    /** Ships with the sample ship body's estimate. */
    public ApiResponse ship(String orderId, String carrier, String trackingNumber) {
        return ship(orderId, body -> body.put("carrier", carrier).put("trackingNumber", trackingNumber));
    }

    /** Ships with UPS {@code trackingNumber} and estimate {@code eta} (none when null). */
    public ApiResponse ship(String orderId, String trackingNumber, Instant eta) {
        return ship(orderId, body -> {
            body.put("trackingNumber", trackingNumber);
            if (eta == null) {
                body.remove("estimatedDelivery");
            } else {
                body.put("estimatedDelivery", eta.toString());
            }
        });
    }

    /** POST /orders/{id}/ship with the sample ship body, edited. */
    public ApiResponse ship(String orderId, Consumer<ObjectNode> edit) {
        ObjectNode body = TestData.sampleBody("events/orders/ship-order.json");
        edit.accept(body);
        return api.post(caller, "/orders/" + orderId + "/ship", Json.write(body));
    }

    /** POST /orders/{id}/ship with the body of another sample event as is (e.g. the invalid one). */
    public ApiResponse shipSample(String orderId, String sample) {
        return api.post(caller, "/orders/" + orderId + "/ship", TestData.sampleEvent(sample).getBody());
    }

    /** A processed and shipped order of the sample body. */
    public String shippedOrder(String carrier, String trackingNumber) {
        String orderId = createOrder(null);
        expect(process(orderId), 200);
        expect(ship(orderId, carrier, trackingNumber), 200);
        return orderId;
    }

    /** A processed order for {@code buyerId} (without discount), shipped with UPS {@code trackingNumber} due at {@code eta}. */
    public String shippedOrder(String buyerId, String trackingNumber, Instant eta) {
        return processAndShip(created(placeOrder(buyerId, null)), trackingNumber, eta);
    }

    /** An order of {@code orderBody}, processed and shipped with UPS {@code trackingNumber} due at {@code eta}. */
    public String shipNewOrder(String orderBody, String trackingNumber, Instant eta) {
        return processAndShip(created(api.post(caller, "/orders", orderBody)), trackingNumber, eta);
    }

    /** Processes the order and ships it with UPS {@code trackingNumber} due at {@code eta} (none when null). */
    public String processAndShip(String orderId, String trackingNumber, Instant eta) {
        expect(process(orderId), 200);
        expect(ship(orderId, trackingNumber, eta), 200);
        return orderId;
    }

    public JsonNode order(String orderId) {
        return api.get(caller, "/orders/" + orderId).json();
    }

    /** The timeline items, oldest first. */
    public List<JsonNode> timeline(String orderId) {
        ApiResponse response = api.get(caller, "/orders/" + orderId + "/events");
        expect(response, 200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    public List<JsonNode> checkpoints(String orderId) {
        return timeline(orderId).stream().filter(e -> e.get("kind").asText().equals("CHECKPOINT")).toList();
    }

    /** GET /orders with {@code query}. */
    public ApiResponse list(Map<String, String> query) {
        String parameters = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.get(caller, "/orders" + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    /** POST /orders/{id}/compensations with the sample compensation body, edited (as is when null). */
    public ApiResponse compensate(String orderId, Consumer<ObjectNode> edit) {
        ObjectNode body = TestData.sampleBody("events/delays/create-compensation.json");
        if (edit != null) {
            edit.accept(body);
        }
        return api.post(caller, "/orders/" + orderId + "/compensations", Json.write(body));
    }

    private static String created(ApiResponse response) {
        expect(response, 201);
        return response.json().get("orderId").asText();
    }

    /** Fails with the response body when the status is not {@code status}. */
    public static void expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }
}
