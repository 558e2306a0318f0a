package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.domain.CancellationRequest;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The seller's fulfilment use cases: process, ship (registering the tracking number), and the timeline. */
public final class FulfilmentService {
    private final OrderRepository orders;
    private final OrderAccess access;
    private final Optional<ParkedTrackingEvents> parked;
    private final Clock clock;

    /** {@code parked} is empty in functions that do not release parked events (only the ship function does). */
    public FulfilmentService(OrderRepository orders, Optional<ParkedTrackingEvents> parked, Clock clock) {
        this.orders = orders;
        this.access = new OrderAccess(orders);
        this.parked = parked;
        this.clock = clock;
    }

    /** PENDING → PROCESSED. */
    public Order process(String sellerId, String orderId, OptionalLong expectedVersion) {
        Order order = access.sellers(sellerId, orderId);
        OrderAccess.requireVersion(order, expectedVersion);
        Instant now = now();
        Order processed = order.withStatus(OrderStatus.PROCESSED, now);
        access.update(processed, expectedVersion, List.of(TimelineEntry.statusChanged("processed", now,
                OrderStatus.PROCESSED, "Order processed; ready to ship", "seller")));
        return processed;
    }

    /**
     * PROCESSED → SHIPPED with the carrier's tracking number, registered to this order in the same
     * transaction; then events the carrier sent before registration are released to the processor.
     * Repeating a ship with the same carrier and number is a replay (200, same order), which also
     * retries the release if an earlier attempt was interrupted.
     */
    public Order ship(String sellerId, String orderId, ShipRequest request, OptionalLong expectedVersion) {
        Order order = access.sellers(sellerId, orderId);
        Shipment current = order.shipment();
        if (current != null && current.carrier().equals(request.carrier())
                && current.trackingNumber().equals(request.trackingNumber()) && order.status().isShippedOrLater()) {
            release(request);
            return order;
        }
        if (order.status().isShippedOrLater()) {
            throw new ConflictException("order-already-shipped", "Order " + orderId + " already shipped with "
                    + (current == null ? "another carrier" : current.carrier() + " " + current.trackingNumber())
                    + "; a shipment's tracking number cannot be replaced");
        }
        OrderAccess.requireVersion(order, expectedVersion);
        Instant now = now();
        Shipment shipment = Shipment.registered(request.carrier(), request.trackingNumber(), request.estimatedDelivery(), now);
        // Shipping answers a buyer's pending cancellation request: rejected, in this same conditional write.
        Order shipped = CancellationRequest.rejectedByShipping(order, now).withShipmentAndStatus(shipment, OrderStatus.SHIPPED, now);
        List<TimelineEntry> entries = List.of(TimelineEntry.statusChanged("shipped", now, OrderStatus.SHIPPED,
                "Shipped with " + request.carrier() + ", tracking number " + request.trackingNumber(), "seller"));
        try {
            OrderAccess.write(orderId, expectedVersion, () -> orders.ship(shipped, entries));
        } catch (TrackingNumberInUseException e) {
            throw new ConflictException("tracking-number-in-use", "Tracking number "
                    + request.trackingNumber() + " of " + request.carrier() + " already belongs to another order");
        }
        release(request);
        return shipped;
    }

    /** The order's timeline: status changes and carrier checkpoints, oldest first. */
    public List<TimelineEntry> timeline(String sellerId, String orderId) {
        access.sellers(sellerId, orderId);
        return orders.timeline(orderId);
    }

    private void release(ShipRequest request) {
        parked.ifPresent(events -> events.release(request.carrier(), request.trackingNumber()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
