package com.ordertracking.shared.domain;

/**
 * A shipment's status as normalized from carriers (AfterShip's tags are the model). Exceptions,
 * failed attempts and pickup availability are shipment states that never move the order back.
 */
public enum ShipmentStatus {
    INFO_RECEIVED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    ATTEMPT_FAILED,
    AVAILABLE_FOR_PICKUP,
    DELIVERED,
    EXCEPTION,
    RETURNED_TO_SENDER
}
