package com.ordertracking.shared.domain.sellerwebhook;

import java.time.Instant;

/**
 * One event for one endpoint: the delivery log entry and the state of its retries. {@code deliveryId} is
 * also the {@code webhook-id} header, the same on every attempt, so the receiver can drop repeats.
 * {@code body} is fixed at fan-out, so every attempt (and a replay) sends the same bytes.
 *
 * @param attempts       attempts made so far
 * @param nextAttemptAt  when the next attempt is due (PENDING only)
 * @param lastStatusCode the receiver's HTTP status of the last attempt; null when it gave none
 * @param lastError      why the last attempt failed (timeout, connection refused, refused address...)
 */
public record WebhookDelivery(String deliveryId, String webhookId, String sellerId, String eventId,
        WebhookEventType eventType, String orderId, String body, Status status, int attempts, Instant nextAttemptAt,
        Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt, Instant createdAt) {

    /** PENDING: an attempt is due or scheduled; DELIVERED: a 2xx came back; FAILED: retries are used up or the endpoint is gone. */
    public enum Status { PENDING, DELIVERED, FAILED }

    /** A new delivery, due now. */
    public static WebhookDelivery first(String deliveryId, WebhookEndpoint endpoint, WebhookEvent event, Instant now) {
        return new WebhookDelivery(deliveryId, endpoint.webhookId(), endpoint.sellerId(), event.eventId(), event.type(),
                event.orderId(), event.body(), Status.PENDING, 0, now, null, null, null, null, now);
    }

    /** The state after an attempt with {@code outcome}; {@code next} is when to try again (null: never). */
    public WebhookDelivery after(AttemptOutcome outcome, Instant at, Instant next) {
        Integer code = outcome.statusCode();
        String error = outcome instanceof AttemptOutcome.Delivered ? null : outcome.description();
        Status status = outcome instanceof AttemptOutcome.Delivered ? Status.DELIVERED
                : next == null ? Status.FAILED : Status.PENDING;
        return new WebhookDelivery(deliveryId, webhookId, sellerId, eventId, eventType, orderId, body, status,
                attempts + 1, status == Status.PENDING ? next : null, at, code, error,
                status == Status.DELIVERED ? at : deliveredAt, createdAt);
    }

    /** Closed without an attempt (the endpoint was deleted or disabled meanwhile). */
    public WebhookDelivery abandoned(String reason) {
        return new WebhookDelivery(deliveryId, webhookId, sellerId, eventId, eventType, orderId, body, Status.FAILED,
                attempts, null, lastAttemptAt, lastStatusCode, reason, deliveredAt, createdAt);
    }
}
