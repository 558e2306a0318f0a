package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.seller.SellerProfiles;
import com.ordertracking.shared.application.seller.ShipFrom;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.seller.Warehouse;
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
    private final Clock clock;

    private final PackageService packages;

    /** {@code parked} is empty in functions that do not release parked events (only the ship functions do). */
    public FulfilmentService(OrderRepository orders, PackageRepository packages, Optional<ParkedTrackingEvents> parked,
            Clock clock) {
        this(orders, packages, parked, new ShipFrom(SellerProfiles.none()), clock);
    }

    /** {@code shipFrom}: the seller's warehouses, copied into the order when a package ships. */
    public FulfilmentService(OrderRepository orders, PackageRepository packages, Optional<ParkedTrackingEvents> parked,
            ShipFrom shipFrom, Clock clock) {
        this.orders = orders;
        this.access = new OrderAccess(orders);
        this.packages = new PackageService(orders, packages, parked, shipFrom, clock);
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
     * PROCESSED (or PARTIALLY_SHIPPED) → SHIPPED: one package with everything not yet packed (docs/order-lifecycle.md),
     * shipped from the named warehouse or the seller's default one (copied into the order),
     * its number registered to it in the same transaction; then events the carrier sent before registration are
     * released to the processor. Repeating a ship with the same carrier and number is a replay (200, same order),
     * which also retries the release if an earlier attempt was interrupted.
     */
    public Order ship(String sellerId, String orderId, ShipRequest request, OptionalLong expectedVersion) {
        return packages.ship(sellerId, orderId, new PackageService.PackageRequest(request.carrier(),
                request.trackingNumber(), null, request.estimatedDelivery(), request.warehouseId()), null, expectedVersion)
                .order();
    }

    /** The package use cases (create, correct, read). */
    public PackageService packages() {
        return packages;
    }

    /** The order's timeline: status changes and carrier checkpoints, oldest first. */
    public List<TimelineEntry> timeline(String sellerId, String orderId) {
        access.sellers(sellerId, orderId);
        return orders.timeline(orderId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
