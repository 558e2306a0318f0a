package com.ordertracking.shared.application.order;

import java.time.Instant;

/** A validated {@code POST /orders/{orderId}/ship} request: {@code {carrier, trackingNumber, estimatedDelivery?}}. */
public record ShipRequest(String carrier, String trackingNumber, Instant estimatedDelivery) {
}
