package com.ordertracking.shared.application.sellerwebhook;

import java.time.Duration;

/** Wakes a delivery up after a delay (SQS {@code DelaySeconds}: at most {@link #MAX_DELAY}). */
public interface DeliveryQueue {
    Duration MAX_DELAY = Duration.ofSeconds(900);

    void wake(DeliveryRef delivery, Duration delay);

    /** What a wake-up message names. */
    record DeliveryRef(String sellerId, String webhookId, String deliveryId) {
    }
}
