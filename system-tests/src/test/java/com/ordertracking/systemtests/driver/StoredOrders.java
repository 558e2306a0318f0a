package com.ordertracking.systemtests.driver;

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

/**
 * The orders table seen directly: the stored order and its timeline, and the one state the API cannot
 * reach in a test's time (delivered days or weeks ago), written through a legal transition.
 */
public final class StoredOrders {
    private final DynamoOrderRepository repository;

    public StoredOrders(LocalCloud cloud) {
        this.repository = new DynamoOrderRepository(cloud.dynamoDb(), cloud.physicalName("OrdersTable"),
                Clock.systemUTC(), DelayRules.DEFAULT);
    }

    public DynamoOrderRepository repository() {
        return repository;
    }

    public Order find(String orderId) {
        return repository.find(orderId).orElseThrow();
    }

    public List<TimelineEntry> timeline(String orderId) {
        return repository.timeline(orderId);
    }

    public List<TimelineEntry> entries(String orderId, TimelineEntry.Kind kind) {
        return timeline(orderId).stream().filter(entry -> entry.kind() == kind).toList();
    }

    /** A shipped order, delivered at {@code deliveredAt} (which may lie weeks back), with its status entry. */
    public Order deliver(String orderId, Instant deliveredAt) {
        Order order = find(orderId);
        Shipment shipment = order.shipment();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Order delivered = order.withShipmentAndStatus(new Shipment(shipment.carrier(), shipment.trackingNumber(),
                ShipmentStatus.DELIVERED, shipment.estimatedDelivery(), shipment.shippedAt(), deliveredAt, deliveredAt,
                shipment.progress(), shipment.latest(), shipment.etaSource()), OrderStatus.DELIVERED, now);
        repository.update(delivered, List.of(TimelineEntry.statusChanged("test-v" + delivered.version(), now,
                OrderStatus.DELIVERED, "Delivered at " + deliveredAt + " (set by the test)", "system")));
        return delivered;
    }
}
