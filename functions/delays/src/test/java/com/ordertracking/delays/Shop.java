package com.ordertracking.delays;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.orders.CreateOrderHandler;
import com.ordertracking.orders.ListOrdersHandler;
import com.ordertracking.orders.ProcessOrderHandler;
import com.ordertracking.orders.ShipOrderHandler;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.persistence.DynamoOrderRepository;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.tracking.ProcessTrackingEventsHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Drives real orders through the handlers as Lambda would run them (template environment applied):
 * seller API, tracking processor, delay monitor, compensations.
 */
final class Shop {
    final LocalCloud cloud;
    final DynamoOrderRepository repository;
    private final CreateOrderHandler create;
    private final ProcessOrderHandler process;
    private final ShipOrderHandler ship;
    private final ListOrdersHandler list;
    private final ProcessTrackingEventsHandler tracking;
    private final DetectDelaysHandler monitor;
    private final CreateCompensationHandler compensate;

    Shop(LocalCloud cloud) {
        this.cloud = cloud;
        this.repository = new DynamoOrderRepository(cloud.dynamoDb(), cloud.physicalName("OrdersTable"), Clock.systemUTC(),
                DelayRules.DEFAULT);
        this.create = cloud.instantiate("CreateOrderFunction", CreateOrderHandler::new);
        this.process = cloud.instantiate("ProcessOrderFunction", ProcessOrderHandler::new);
        this.ship = cloud.instantiate("ShipOrderFunction", ShipOrderHandler::new);
        this.list = cloud.instantiate("ListOrdersFunction", ListOrdersHandler::new);
        this.tracking = cloud.instantiate("ProcessTrackingEventsFunction", ProcessTrackingEventsHandler::new);
        this.monitor = cloud.instantiate("DelayMonitorFunction", DetectDelaysHandler::new);
        this.compensate = cloud.instantiate("CreateCompensationFunction", CreateCompensationHandler::new);
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String trackingNumber() {
        return "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    /** A sample API event as {@code sellerId}, for {@code orderId} (may be null), with an edited body. */
    static APIGatewayV2HTTPEvent api(String fixture, String role, String sub, String orderId, Consumer<ObjectNode> body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", sub);
        claims.put("role", role);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        event.setHeaders(new HashMap<>(event.getHeaders()));
        event.getHeaders().remove("idempotency-key");
        if (orderId != null) {
            Map<String, String> path = new HashMap<>(event.getPathParameters());
            String old = path.put("orderId", orderId);
            event.setPathParameters(path);
            event.setRawPath(event.getRawPath().replace(old, orderId));
        }
        if (body != null) {
            ObjectNode json = (ObjectNode) Json.read(event.getBody(), JsonNode.class);
            body.accept(json);
            event.setBody(Json.write(json));
        }
        return event;
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.read(response.getBody(), JsonNode.class);
    }

    APIGatewayV2HTTPResponse placeOrder(String sellerId, String buyerId, String couponCode) {
        return create.handleRequest(api("events/orders/create-order.json", "seller", sellerId, null, body -> {
            ((ObjectNode) body.get("buyer")).put("id", buyerId);
            body.remove("discount");
            if (couponCode != null) {
                body.put("couponCode", couponCode);
            }
        }), null);
    }

    String place(String sellerId, String buyerId) {
        APIGatewayV2HTTPResponse response = placeOrder(sellerId, buyerId, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).get("orderId").asText();
    }

    /** Placed, processed and shipped with UPS {@code number}; {@code eta} may be null. */
    String shipped(String sellerId, String buyerId, String number, Instant eta) {
        String orderId = place(sellerId, buyerId);
        APIGatewayV2HTTPResponse processed = process.handleRequest(
                api("events/orders/process-order.json", "seller", sellerId, orderId, null), null);
        assertThat(processed.getStatusCode()).as(processed.getBody()).isEqualTo(200);
        APIGatewayV2HTTPResponse shippedResponse = ship.handleRequest(
                api("events/orders/ship-order.json", "seller", sellerId, orderId, body -> {
                    body.put("trackingNumber", number);
                    if (eta == null) {
                        body.remove("estimatedDelivery");
                    } else {
                        body.put("estimatedDelivery", eta.toString());
                    }
                }), null);
        assertThat(shippedResponse.getStatusCode()).as(shippedResponse.getBody()).isEqualTo(200);
        return orderId;
    }

    /** One carrier event through the real tracking processor (as its SQS event source would deliver it). */
    void track(String number, ShipmentStatus status, Instant occurredAt, Instant eta) {
        TrackingEvent event = new TrackingEvent("ups", UUID.randomUUID().toString(), "ups", number, status,
                status.name(), null, occurredAt, "Louisville, KY, US", status + " scan", eta);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(Json.write(event));
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(message));
        assertThat(tracking.handleRequest(batch, null).getBatchItemFailures()).isEmpty();
    }

    DelayMonitor.Summary runMonitor() {
        return monitor.handleRequest(EventLoader.loadScheduledEvent("events/delays/detect-delays.json"), null);
    }

    APIGatewayV2HTTPResponse compensate(String sellerId, String orderId, Consumer<ObjectNode> body) {
        return compensate.handleRequest(api("events/delays/create-compensation.json", "seller", sellerId, orderId,
                body), null);
    }

    APIGatewayV2HTTPResponse list(String sellerId, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = api("events/orders/list-orders.json", "seller", sellerId, null, null);
        event.setQueryStringParameters(new LinkedHashMap<>(query));
        return list.handleRequest(event, null);
    }

    Order order(String orderId) {
        return repository.find(orderId).orElseThrow();
    }

    List<TimelineEntry> timeline(String orderId) {
        return repository.timeline(orderId);
    }

    List<TimelineEntry> entries(String orderId, TimelineEntry.Kind kind) {
        return timeline(orderId).stream().filter(entry -> entry.kind() == kind).toList();
    }

}
