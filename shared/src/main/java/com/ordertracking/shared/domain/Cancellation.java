package com.ordertracking.shared.domain;

import java.time.Instant;

/**
 * Who cancelled an order, why and when. {@code byRole} is {@code seller} or {@code buyer};
 * {@code by} is that party's id (the JWT subject).
 */
public record Cancellation(String byRole, String by, String reason, Instant at) {
}
