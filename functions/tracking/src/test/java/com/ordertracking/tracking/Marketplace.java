package com.ordertracking.tracking;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.orders.CreateOrderHandler;
import com.ordertracking.orders.GetOrderEventsHandler;
import com.ordertracking.orders.GetOrderHandler;
import com.ordertracking.orders.ProcessOrderHandler;
import com.ordertracking.orders.ShipOrderHandler;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.webhook.WebhookSignatures;
import com.ordertracking.webhooks.ReceiveAfterShipWebhookHandler;
import com.ordertracking.webhooks.ReceiveCarrierWebhookHandler;
import com.ordertracking.webhooks.ReceiveEasyPostWebhookHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The actors of a tracking story, each driving the real handlers built as Lambda builds them: a
 * seller (create, process, ship, read), carriers and aggregators (signed webhooks), and the
 * processor fed from the real queue.
 */
final class Marketplace {
    static final String SECRET = "local-webhook-secret";

    final LocalCloud cloud;
    final String sellerId = "seller-" + UUID.randomUUID();
    final CreateOrderHandler create;
    final ProcessOrderHandler process;
    final ShipOrderHandler ship;
    final GetOrderHandler get;
    final GetOrderEventsHandler events;
    final ReceiveCarrierWebhookHandler carrierWebhook;
    final ReceiveAfterShipWebhookHandler afterShipWebhook;
    final ReceiveEasyPostWebhookHandler easyPostWebhook;
    final ProcessTrackingEventsHandler processor;
    final QueueDriver queue;

    Marketplace(LocalCloud cloud) {
        this.cloud = cloud;
        create = cloud.instantiate("CreateOrderFunction", CreateOrderHandler::new);
        process = cloud.instantiate("ProcessOrderFunction", ProcessOrderHandler::new);
        ship = cloud.instantiate("ShipOrderFunction", ShipOrderHandler::new);
        get = cloud.instantiate("GetOrderFunction", GetOrderHandler::new);
        events = cloud.instantiate("GetOrderEventsFunction", GetOrderEventsHandler::new);
        carrierWebhook = cloud.instantiate("ReceiveCarrierWebhookFunction", ReceiveCarrierWebhookHandler::new);
        afterShipWebhook = cloud.instantiate("ReceiveAfterShipWebhookFunction", ReceiveAfterShipWebhookHandler::new);
        easyPostWebhook = cloud.instantiate("ReceiveEasyPostWebhookFunction", ReceiveEasyPostWebhookHandler::new);
        processor = cloud.instantiate("ProcessTrackingEventsFunction", ProcessTrackingEventsHandler::new);
        queue = new QueueDriver(cloud.sqs(), cloud.physicalName("TrackingEventsQueue"));
    }

    static String trackingNumber() {
        return "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    // ------------------------------------------------------------------ seller

    String createOrder() {
        APIGatewayV2HTTPEvent event = asSeller(EventLoader.loadApiGatewayHttpEvent("events/orders/create-order.json"));
        event.getHeaders().remove("idempotency-key");
        return json(create.handleRequest(event, null)).get("orderId").asText();
    }

    APIGatewayV2HTTPResponse process(String orderId) {
        return process.handleRequest(forOrder("events/orders/process-order.json", orderId), null);
    }

    APIGatewayV2HTTPResponse ship(String orderId, String carrier, String trackingNumber) {
        APIGatewayV2HTTPEvent event = forOrder("events/orders/ship-order.json", orderId);
        event.setBody(Json.write(Map.of("carrier", carrier, "trackingNumber", trackingNumber,
                "estimatedDelivery", "2026-11-27T18:00:00Z")));
        return ship.handleRequest(event, null);
    }

    /** POSTs a ship fixture as is (e.g. the invalid one). */
    APIGatewayV2HTTPResponse shipFixture(String orderId, String fixture) {
        return ship.handleRequest(forOrder(fixture, orderId), null);
    }

    /** A processed and shipped order. */
    String shippedOrder(String carrier, String trackingNumber) {
        String orderId = createOrder();
        expectStatus(process(orderId), 200);
        expectStatus(ship(orderId, carrier, trackingNumber), 200);
        return orderId;
    }

    JsonNode order(String orderId) {
        return json(get.handleRequest(forOrder("events/orders/get-order.json", orderId), null));
    }

    /** The timeline items, oldest first. */
    List<JsonNode> timeline(String orderId) {
        APIGatewayV2HTTPResponse response = events.handleRequest(forOrder("events/orders/get-order-events.json", orderId), null);
        expectStatus(response, 200);
        List<JsonNode> items = new ArrayList<>();
        json(response).get("items").forEach(items::add);
        return items;
    }

    List<JsonNode> checkpoints(String orderId) {
        return timeline(orderId).stream().filter(e -> e.get("kind").asText().equals("CHECKPOINT")).toList();
    }

    // ------------------------------------------------------------------ carriers

    /** A generic-format carrier event body. */
    static Map<String, Object> carrierEvent(String eventId, String trackingNumber, String status, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("trackingNumber", trackingNumber);
        body.put("status", status);
        body.put("occurredAt", occurredAt);
        body.put("location", "Louisville, KY, US");
        body.put("description", status + " scan");
        return body;
    }

    APIGatewayV2HTTPResponse postCarrier(String carrier, Map<String, Object> body) {
        return postCarrier(carrier, Json.write(body), SECRET, Instant.now().getEpochSecond());
    }

    /** POSTs raw bytes to /webhooks/carriers/{carrier}, signed with {@code secret} at {@code timestamp}. */
    APIGatewayV2HTTPResponse postCarrier(String carrier, String rawBody, String secret, long timestamp) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/webhooks/carrier-in-transit.json");
        event.setRawPath("/webhooks/carriers/" + carrier);
        event.setPathParameters(Map.of("carrier", carrier));
        event.setBody(rawBody);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-webhook-timestamp", Long.toString(timestamp));
        headers.put("x-webhook-signature", WebhookSignatures.signGeneric(secret, timestamp,
                rawBody.getBytes(StandardCharsets.UTF_8)));
        event.setHeaders(headers);
        return carrierWebhook.handleRequest(event, null);
    }

    /** The documented AfterShip example with our tracking number, signed as AfterShip signs. */
    APIGatewayV2HTTPResponse postAfterShip(String trackingNumber, String eventId) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/webhooks/aftership-tracking-update.json");
        ObjectNode body = (ObjectNode) Json.read(event.getBody(), JsonNode.class);
        body.put("event_id", eventId);
        ((ObjectNode) body.get("msg")).put("tracking_number", trackingNumber);
        String raw = Json.write(body);
        event.setBody(raw);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("aftership-hmac-sha256", WebhookSignatures.signAfterShip(SECRET, raw.getBytes(StandardCharsets.UTF_8)));
        event.setHeaders(headers);
        return afterShipWebhook.handleRequest(event, null);
    }

    /** The documented EasyPost example with our tracking number, signed as EasyPost signs. */
    APIGatewayV2HTTPResponse postEasyPost(String trackingNumber, String eventId) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/webhooks/easypost-tracker-updated.json");
        ObjectNode body = (ObjectNode) Json.read(event.getBody(), JsonNode.class);
        body.put("id", eventId);
        ((ObjectNode) body.get("result")).put("tracking_code", trackingNumber);
        String raw = Json.write(body);
        event.setBody(raw);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-hmac-signature", WebhookSignatures.signEasyPost(SECRET, raw.getBytes(StandardCharsets.UTF_8)));
        event.setHeaders(headers);
        return easyPostWebhook.handleRequest(event, null);
    }

    /** Runs the processor on everything the queue holds. */
    List<String> runProcessor() {
        return queue.drain(processor);
    }

    // ------------------------------------------------------------------ plumbing

    private APIGatewayV2HTTPEvent forOrder(String fixture, String orderId) {
        APIGatewayV2HTTPEvent event = asSeller(EventLoader.loadApiGatewayHttpEvent(fixture));
        event.setRawPath(event.getRawPath().replace("ord_0000000000000000000a", orderId));
        event.setPathParameters(Map.of("orderId", orderId));
        return event;
    }

    private APIGatewayV2HTTPEvent asSeller(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", sellerId);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        event.setHeaders(new HashMap<>(event.getHeaders()));
        return event;
    }

    static void expectStatus(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.read(response.getBody(), JsonNode.class);
    }
}
