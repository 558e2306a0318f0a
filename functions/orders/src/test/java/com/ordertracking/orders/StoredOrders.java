package com.ordertracking.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.shared.adapters.persistence.DynamoOrderRepository;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Orders for this module's tests: created through the create route, then moved along the lifecycle by
 * writing the stored order through legal transitions, so a test of one route does not go through the others.
 */
final class StoredOrders {
    private final CreateOrderHandler create;
    private final DynamoOrderRepository repository;

    StoredOrders(LocalCloud cloud) {
        this.create = cloud.instantiate("CreateOrderFunction", CreateOrderHandler::new);
        this.repository = new DynamoOrderRepository(cloud.dynamoDb(), cloud.physicalName("OrdersTable"),
                Clock.systemUTC(), DelayRules.DEFAULT);
    }

    DynamoOrderRepository repository() {
        return repository;
    }

    /** A PENDING order of {@code sellerId} for {@code buyerId}, from the sample create event. */
    String place(String sellerId, String buyerId) {
        APIGatewayV2HTTPResponse response = create.handleRequest(ApiEvents.from("events/orders/create-order.json")
                .seller(sellerId)
                .header("idempotency-key", null)
                .editBody(body -> ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("buyer")).put("id", buyerId))
                .event(), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiEvents.json(response).get("orderId").asText();
    }

    Order find(String orderId) {
        return repository.find(orderId).orElseThrow();
    }

    /** Moves the stored order through each status in turn (each a legal transition), with timeline entries. */
    Order advance(String orderId, OrderStatus... path) {
        Order order = find(orderId);
        for (OrderStatus next : path) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            order = order.withStatus(next, now);
            repository.update(order, List.of(TimelineEntry.statusChanged("test-v" + order.version(), now, next,
                    "Moved to " + next + " by the test", "system")));
        }
        return order;
    }

    /** Ships the order with a carrier and tracking number (PENDING → PROCESSED → SHIPPED). */
    Order ship(String orderId) {
        advance(orderId, OrderStatus.PROCESSED, OrderStatus.SHIPPED);
        Order order = find(orderId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Order shipped = order.withShipment(new Shipment("ups", "1Z" + UUID.randomUUID().toString().substring(0, 8),
                ShipmentStatus.INFO_RECEIVED, now.plus(3, ChronoUnit.DAYS), now, null, null, null, null, null), now);
        repository.update(shipped, List.of());
        return shipped;
    }
}
