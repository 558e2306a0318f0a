package com.ordertracking.shared.domain;

import java.time.Instant;

/**
 * The parcel of a shipped order: who carries it, its normalized status and the carrier's latest
 * estimate. {@code lastEventAt} is the carrier time of the newest checkpoint applied, which keeps
 * late, older events from moving the shipment backwards.
 *
 * <p>{@code progress}, {@code latest} and {@code etaSource} are what the tracking rules
 * ({@code tracking.ShipmentProgress}) need to stay independent of arrival order: the highest-ranked
 * checkpoint so far, the newest checkpoint so far, and the checkpoint the current estimate came from
 * ({@code null} while the seller's estimate stands). The other fields are derived from them.
 */
public record Shipment(
        String carrier,
        String trackingNumber,
        ShipmentStatus status,
        Instant estimatedDelivery,
        Instant shippedAt,
        Instant lastEventAt,
        Instant deliveredAt,
        TrackingMark progress,
        TrackingMark latest,
        TrackingMark etaSource) {

    /** A shipment just handed to the carrier, before any checkpoint. */
    public static Shipment registered(String carrier, String trackingNumber, Instant estimatedDelivery, Instant shippedAt) {
        return new Shipment(carrier, trackingNumber, null, estimatedDelivery, shippedAt, null, null, null, null, null);
    }

    /**
     * One carrier checkpoint as far as ordering is concerned: its status, carrier time and event id
     * (the id breaks ties between checkpoints with the same time, so the order is total).
     */
    public record TrackingMark(ShipmentStatus status, Instant at, String eventId) {
    }
}
