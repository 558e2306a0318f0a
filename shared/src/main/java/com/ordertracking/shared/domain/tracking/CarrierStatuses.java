package com.ordertracking.shared.domain.tracking;

import com.ordertracking.shared.domain.ShipmentStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Carrier and aggregator statuses to {@link ShipmentStatus}; the table is in docs/tracking.md.
 * An empty result means "not a status we know": the webhook answers 400 naming the field.
 */
public final class CarrierStatuses {
    private CarrierStatuses() {
    }

    /** Generic carrier format: our own names, case-insensitive, {@code -} or space for {@code _}. */
    public static Optional<ShipmentStatus> generic(String status) {
        String name = status.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ShipmentStatus candidate : ShipmentStatus.values()) {
            if (candidate.name().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** AfterShip tracking {@code tag} (and {@code subtag}, which singles out "returned to sender"). */
    public static Optional<ShipmentStatus> afterShip(String tag, String subtag) {
        return Optional.ofNullable(switch (tag) {
            case "Pending", "InfoReceived" -> ShipmentStatus.INFO_RECEIVED;
            case "InTransit" -> ShipmentStatus.IN_TRANSIT;
            case "OutForDelivery" -> ShipmentStatus.OUT_FOR_DELIVERY;
            case "AttemptFail" -> ShipmentStatus.ATTEMPT_FAILED;
            case "AvailableForPickup" -> ShipmentStatus.AVAILABLE_FOR_PICKUP;
            case "Delivered" -> ShipmentStatus.DELIVERED;
            // Exception_011: "Returned to sender" (the parcel is back with the shipper).
            case "Exception" -> "Exception_011".equals(subtag) ? ShipmentStatus.RETURNED_TO_SENDER : ShipmentStatus.EXCEPTION;
            // No news for 30 days: worth a human look, like an exception.
            case "Expired" -> ShipmentStatus.EXCEPTION;
            default -> null;
        });
    }

    /** EasyPost tracker {@code status}. */
    public static Optional<ShipmentStatus> easyPost(String status) {
        return Optional.ofNullable(switch (status) {
            case "unknown", "pre_transit" -> ShipmentStatus.INFO_RECEIVED;
            case "in_transit" -> ShipmentStatus.IN_TRANSIT;
            case "out_for_delivery" -> ShipmentStatus.OUT_FOR_DELIVERY;
            case "available_for_pickup" -> ShipmentStatus.AVAILABLE_FOR_PICKUP;
            case "delivered" -> ShipmentStatus.DELIVERED;
            case "return_to_sender" -> ShipmentStatus.RETURNED_TO_SENDER;
            case "failure", "error", "cancelled" -> ShipmentStatus.EXCEPTION;
            default -> null;
        });
    }

    /** EasyPost carrier names ({@code USPS}, {@code FedEx}, {@code DHLExpress}) to our slugs. */
    public static String easyPostCarrier(String carrier) {
        String slug = carrier.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (slug) {
            case "dhlexpress", "dhlecommerce", "dhlecs" -> "dhl";
            case "fedexdefault", "fedexsmartpost" -> "fedex";
            default -> slug;
        };
    }
}
