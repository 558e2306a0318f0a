package com.ordertracking.shared.domain;

import java.time.Instant;
import java.util.List;

/**
 * One parcel of an order: carrier, tracking number, the units packed in it and its own tracking state
 * ({@link Shipment}: status, estimate, the checkpoints' marks) and delay flag. Stored as its own item beside the
 * order, so a carrier scan rewrites this item and not the order. (Named {@code OrderPackage}, not
 * {@code Package}, which every Java file imports implicitly as {@code java.lang.Package}.)
 *
 * @param number  1-based, in shipping order
 * @param version optimistic lock of the package item
 * @param requestKey the {@code Idempotency-Key} of the request that created it (null without one)
 */
public record OrderPackage(
        String orderId,
        String packageId,
        int number,
        List<PackedItem> items,
        Shipment shipment,
        Delay delay,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String requestKey) {

    public OrderPackage {
        items = List.copyOf(items);
    }

    /** A package just handed to the carrier. */
    public static OrderPackage shipped(String orderId, int number, List<PackedItem> items, String carrier,
            String trackingNumber, Instant estimatedDelivery, Instant at, String requestKey) {
        return new OrderPackage(orderId, idFor(number), number, items,
                Shipment.registered(carrier, trackingNumber, estimatedDelivery, at), null, 1, at, at, requestKey);
    }

    /** Package ids are the shipping order: {@code pkg-1}, {@code pkg-2}, ... (unique within the order). */
    public static String idFor(int number) {
        return "pkg-" + number;
    }

    /** The same package with new tracking state and delay flag, one version later. */
    public OrderPackage withTracking(Shipment next, Delay nextDelay, Instant at) {
        return new OrderPackage(orderId, packageId, number, items, next, nextDelay, version + 1, createdAt, at,
                requestKey);
    }

    /** The same package under another carrier or tracking number (a correction before the first scan). */
    public OrderPackage withCarrier(String carrier, String trackingNumber, Instant at) {
        Shipment s = shipment;
        return withTracking(new Shipment(carrier, trackingNumber, s.status(), s.estimatedDelivery(), s.shippedAt(),
                s.lastEventAt(), s.deliveredAt(), s.progress(), s.latest(), s.etaSource()), delay, at);
    }

    /** Whether the carrier has scanned it yet (its number can be corrected only before). */
    public boolean scanned() {
        return shipment.latest() != null;
    }

    /** The same package with another delay flag, <em>same version</em> (folded into a change being made). */
    public OrderPackage replacingDelay(Delay flag) {
        return new OrderPackage(orderId, packageId, number, items, shipment, flag, version, createdAt, updatedAt,
                requestKey);
    }

    /** Same tracking state and flag (versions and times aside): re-applying an event changed nothing. */
    public boolean sameStateAs(OrderPackage other) {
        return other != null && shipment.equals(other.shipment()) && java.util.Objects.equals(delay, other.delay());
    }
}
