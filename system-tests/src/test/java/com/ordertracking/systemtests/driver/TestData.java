package com.ordertracking.systemtests.driver;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data every system test shares: the sample events of events/ (on the test classpath), ids of this run
 * (so no test depends on another's data), tracking numbers and phone numbers.
 */
public final class TestData {
    private TestData() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A UPS-style tracking number unique to this run. */
    public static String trackingNumber() {
        return "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    /** A random E.164 US phone number, so outbox messages of different tests never mix. */
    public static String phone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "+1" + random.nextInt(2, 10) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A sample API event of events/, e.g. {@code events/orders/create-order.json}. */
    public static APIGatewayV2HTTPEvent sampleEvent(String path) {
        return EventLoader.loadApiGatewayHttpEvent(path);
    }

    /** The body of a sample API event, as an object to edit. */
    public static ObjectNode sampleBody(String path) {
        return (ObjectNode) Json.read(sampleEvent(path).getBody(), JsonNode.class);
    }

    /** The headers of a sample API event the sender sets itself (not host), with {@code name} set to {@code value}. */
    public static Map<String, String> sampleHeaders(String path, String name, String value) {
        Map<String, String> headers = new HashMap<>(sampleEvent(path).getHeaders());
        headers.remove("host");
        headers.put(name, value);
        return headers;
    }

    /** A UPS scan as the webhook intake puts it on the tracking queue; {@code eta} may be null. */
    public static String trackingEvent(String trackingNumber, ShipmentStatus status, Instant occurredAt, Instant eta) {
        return Json.write(new TrackingEvent("ups", UUID.randomUUID().toString(), "ups", trackingNumber, status,
                status.name(), null, occurredAt, "Louisville, KY, US", status + " scan", eta));
    }

    /** A small valid order body for {@code buyerId}: one line item, a San Francisco address. */
    public static String orderBody(String buyerId) {
        return orderBody(Map.of("id", buyerId, "name", "Ana Souza", "email", "ana@example.com"));
    }

    /** The same order for a buyer reachable at {@code phone} and at {@code buyerId@example.com}. */
    public static String orderBody(String buyerId, String phone) {
        return orderBody(Map.of("id", buyerId, "name", "Ana Souza", "email", buyerId + "@example.com", "phone", phone));
    }

    private static String orderBody(Map<String, String> buyer) {
        return Json.write(Map.of(
                "buyer", buyer,
                "currency", "USD",
                "items", List.of(Map.of("sku", "MUG-01", "name", "Ceramic mug", "quantity", 2, "unitPrice", "12.50")),
                "shippingAddress", Map.of("name", "Ana Souza", "line1", "500 Market St", "city", "San Francisco",
                        "region", "CA", "postalCode", "94105", "country", "US")));
    }
}
