package com.ordertracking.shared.application.sellerwebhook;

import com.ordertracking.shared.domain.sellerwebhook.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log, which is also the source of truth for retries: queue messages only wake a delivery
 * up; whether and when to attempt is decided here, with conditional writes, so duplicate or stale
 * messages never cause a second recorded attempt.
 */
public interface WebhookDeliveryRepository {

    /** Stores a new delivery; false when it exists already (the event was fanned out before). */
    boolean createIfAbsent(WebhookDelivery delivery);

    Optional<WebhookDelivery> find(String webhookId, String deliveryId);

    /** Newest first; {@code status} filters (a page may then hold fewer than {@code limit}). */
    Page list(String webhookId, Optional<WebhookDelivery.Status> status, String cursor, int limit);

    record Page(List<WebhookDelivery> items, String nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * Takes the right to make the next attempt of {@code delivery} as read (still PENDING, same attempt count,
     * due by {@code now}, no live lease). Empty when someone else has it or the delivery moved on.
     */
    Optional<Lease> lease(WebhookDelivery delivery, Instant now, Duration duration);

    /** Proof of a lease, needed to record the attempt's result. */
    record Lease(String token, Instant until) {
    }

    /** Stores the state after an attempt, and ends the lease; false when the lease was lost meanwhile. */
    boolean record(WebhookDelivery next, Lease lease);

    /**
     * Moves the next attempt of {@code delivery} as read (still PENDING, same attempt count and due time, no live
     * lease at {@code now}) to {@code until}, without counting an attempt; false when it moved on meanwhile.
     */
    boolean postpone(WebhookDelivery delivery, Instant until, Instant now);

    /** Makes {@code delivery} due at {@code now} again (a replay); false when an attempt is in progress. */
    boolean reschedule(WebhookDelivery delivery, Instant now);
}
