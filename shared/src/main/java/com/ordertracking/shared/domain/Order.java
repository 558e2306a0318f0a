package com.ordertracking.shared.domain;

import java.time.Instant;
import java.util.List;

/**
 * An order as sellers and buyers see it. {@code version} increases by one with every stored change
 * and guards every write (optimistic locking); the API exposes it as the {@code ETag}.
 */
public record Order(
        String orderId,
        String sellerId,
        Buyer buyer,
        List<LineItem> items,
        Address shippingAddress,
        String currency,
        Discount discount,
        Totals totals,
        OrderStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Shipment shipment) {

    public Order {
        items = List.copyOf(items);
    }

    /** The same order in a new status, one version later. */
    public Order withStatus(OrderStatus next, Instant at) {
        OrderStateMachine.transition(status, next);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                next, version + 1, createdAt, at, shipment);
    }

    /**
     * The same order with a new shipment and, when {@code next} differs from the current status, a new
     * status (checked by {@link OrderStateMachine}), all in one version step: a tracking update or a
     * shipping is one stored change.
     */
    public Order withShipmentAndStatus(Shipment newShipment, OrderStatus next, Instant at) {
        if (next != status) {
            OrderStateMachine.transition(status, next);
        }
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                next, version + 1, createdAt, at, newShipment);
    }

    /** The same order with a new shipment, one version later (the status is unchanged). */
    public Order withShipment(Shipment newShipment, Instant at) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version + 1, createdAt, at, newShipment);
    }
}
