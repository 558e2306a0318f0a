package com.ordertracking.systemtests.driver;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.persistence.DynamoOrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The orders table seen directly: reads the stored order and its timeline, and puts an order into states
 * the API cannot reach in a test's time (delivered a month ago, a parcel mid-journey) by writing it
 * through legal transitions.
 */
public final class StoredOrders {
    private final DynamoOrderRepository repository;

    public StoredOrders(LocalCloud cloud) {
        this.repository = new DynamoOrderRepository(cloud.dynamoDb(), cloud.physicalName("OrdersTable"),
                Clock.systemUTC());
    }

    public DynamoOrderRepository repository() {
        return repository;
    }

    public Order find(String orderId) {
        return repository.find(orderId).orElseThrow();
    }

    /** Moves the stored order through each status in turn (each a legal transition), with timeline entries. */
    public Order advance(String orderId, OrderStatus... path) {
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
    public Order ship(String orderId) {
        advance(orderId, OrderStatus.PROCESSED, OrderStatus.SHIPPED);
        Order order = find(orderId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Order shipped = order.withShipment(new Shipment("ups", "1Z" + UUID.randomUUID().toString().substring(0, 8),
                ShipmentStatus.INFO_RECEIVED, now.plus(3, ChronoUnit.DAYS), now, null, null, null, null, null), now);
        repository.update(shipped, List.of());
        return shipped;
    }

    /** Ships and delivers the order; the carrier reports delivery at {@code deliveredAt}. */
    public Order deliver(String orderId, Instant deliveredAt) {
        ship(orderId);
        advance(orderId, OrderStatus.DELIVERED);
        Order order = find(orderId);
        Shipment shipment = order.shipment();
        Order delivered = order.withShipment(new Shipment(shipment.carrier(), shipment.trackingNumber(),
                ShipmentStatus.DELIVERED, shipment.estimatedDelivery(), shipment.shippedAt(), deliveredAt, deliveredAt,
                shipment.progress(), shipment.latest(), shipment.etaSource()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        repository.update(delivered, List.of());
        return delivered;
    }

    public List<TimelineEntry> timeline(String orderId) {
        return repository.timeline(orderId);
    }

    public List<TimelineEntry> entries(String orderId, TimelineEntry.Kind kind) {
        return timeline(orderId).stream().filter(entry -> entry.kind() == kind).toList();
    }
}
