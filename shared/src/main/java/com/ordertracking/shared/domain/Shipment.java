package com.ordertracking.shared.domain;

import java.time.Instant;

/**
 * The parcel of a shipped order: who carries it, its normalized status and the carrier's latest
 * estimate. {@code lastEventAt} is the carrier time of the newest checkpoint applied, which keeps
 * late, older events from moving the shipment backwards.
 */
public record Shipment(
        String carrier,
        String trackingNumber,
        ShipmentStatus status,
        Instant estimatedDelivery,
        Instant shippedAt,
        Instant lastEventAt,
        Instant deliveredAt) {
}
