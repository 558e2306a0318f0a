package com.ordertracking.shared.adapters.http;

import com.ordertracking.shared.domain.ReturnShipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.CarrierTrackingUrls;
import java.time.Instant;

/** A return shipment as the seller and buyer APIs return it (the tracking marks stay internal). */
public final class ReturnShipmentViews {
    private ReturnShipmentViews() {
    }

    /** {@code status} is null until the carrier's first scan; {@code trackingUrl} only for carriers that have one. */
    public record ReturnShipmentView(String orderId, String returnId, String carrier, String trackingNumber,
            ShipmentStatus status, String attachedBy, Instant attachedAt, Instant lastEventAt, Instant deliveredAt,
            String trackingUrl) {
    }

    public static ReturnShipmentView of(ReturnShipment shipment) {
        var parcel = shipment.parcel();
        return new ReturnShipmentView(shipment.orderId(), shipment.returnId(), parcel.carrier(), parcel.trackingNumber(),
                parcel.status(), shipment.attachedBy(), parcel.shippedAt(), parcel.lastEventAt(), parcel.deliveredAt(),
                CarrierTrackingUrls.of(parcel.carrier(), parcel.trackingNumber()).orElse(null));
    }
}
