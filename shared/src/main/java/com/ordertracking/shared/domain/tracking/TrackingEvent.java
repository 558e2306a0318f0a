package com.ordertracking.shared.domain.tracking;

import com.ordertracking.shared.domain.ShipmentStatus;
import java.time.Instant;

/**
 * One carrier update, normalized from whichever webhook format it arrived in. This is the message
 * on the tracking-events queue and the input of the tracking processor.
 *
 * @param source            who sent it: the carrier slug for the generic format ({@code ups}), or
 *                          {@code aftership} / {@code easypost}; with {@code eventId} it identifies the event
 * @param eventId           the sender's id of this event (unique per source); for a checkpoint of an aggregator's
 *                          history (AfterShip, EasyPost) the {@link CheckpointIds content-derived id} of that checkpoint
 * @param carrier           lowercase carrier slug ({@code ups}); with {@code trackingNumber} names the parcel
 * @param trackingNumber    normalized (upper case, no spaces), see {@link TrackingNumbers}
 * @param status            the normalized shipment status
 * @param rawStatus         the sender's own status ({@code InTransit}, {@code in_transit}...)
 * @param rawSubStatus      the sender's finer status, if any ({@code InTransit_001}, {@code arrived_at_facility})
 * @param occurredAt        carrier time of the checkpoint
 * @param estimatedDelivery the carrier's current estimate, if it sent one
 */
public record TrackingEvent(
        String source,
        String eventId,
        String carrier,
        String trackingNumber,
        ShipmentStatus status,
        String rawStatus,
        String rawSubStatus,
        Instant occurredAt,
        String location,
        String description,
        Instant estimatedDelivery) {

    /** Unique across sources: the key of the applied-event record and of the timeline entry. */
    public String key() {
        return source + ":" + eventId;
    }
}
