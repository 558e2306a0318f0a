package com.ordertracking.shared.domain.sellerwebhook;

import java.time.Instant;

/**
 * A domain event as sellers receive it: its identity and the rendered Standard Webhooks body
 * ({@code {"type","timestamp","data"}}).
 */
public record WebhookEvent(String eventId, WebhookEventType type, Instant occurredAt, String sellerId, String orderId,
        String body) {
}
