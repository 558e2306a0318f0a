package com.ordertracking.shared.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the order item knows of one of its packages: the fields listings, events and notifications need. It
 * changes only when the package's status, estimate or delay flag does, so a checkpoint that moves nothing
 * writes the package item alone (the package item, {@link OrderPackage}, holds the rest).
 *
 * @param number  1-based, in shipping order ("Package 2 of 3")
 * @param status  the package's shipment status; null until the carrier's first scan
 * @param reached the furthest stage its checkpoints reached (the order follows this, not a side state such as
 *                EXCEPTION); null until the first progress scan
 */
public record PackageSummary(
        String packageId,
        int number,
        String carrier,
        String trackingNumber,
        List<PackedItem> items,
        ShipmentStatus status,
        ShipmentStatus reached,
        Instant estimatedDelivery,
        Instant shippedAt,
        Instant deliveredAt,
        Delay delay) {

    public PackageSummary {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static PackageSummary of(OrderPackage pkg) {
        Shipment s = pkg.shipment();
        return new PackageSummary(pkg.packageId(), pkg.number(), s.carrier(), s.trackingNumber(), pkg.items(),
                s.status(), s.progress() == null ? null : s.progress().status(), s.estimatedDelivery(), s.shippedAt(), s.deliveredAt(), pkg.delay());
    }
}
