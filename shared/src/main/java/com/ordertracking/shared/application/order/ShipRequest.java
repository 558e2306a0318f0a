package com.ordertracking.shared.application.order;

import java.time.Instant;

/**
 * A validated {@code POST /orders/{orderId}/ship} request:
 * {@code {carrier, trackingNumber, estimatedDelivery?, warehouseId?}} (no warehouse = the profile's default).
 */
public record ShipRequest(String carrier, String trackingNumber, Instant estimatedDelivery, String warehouseId) {

    public ShipRequest(String carrier, String trackingNumber, Instant estimatedDelivery) {
        this(carrier, trackingNumber, estimatedDelivery, null);
    }
}
