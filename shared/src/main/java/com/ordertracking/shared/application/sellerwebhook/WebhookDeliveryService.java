package com.ordertracking.shared.application.sellerwebhook;

import com.ordertracking.shared.application.sellerwebhook.DeliveryQueue.DeliveryRef;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryRepository.Lease;
import com.ordertracking.shared.domain.sellerwebhook.AttemptOutcome;
import com.ordertracking.shared.domain.sellerwebhook.EndpointBreaker;
import com.ordertracking.shared.domain.sellerwebhook.ReceiverUrlPolicy;
import com.ordertracking.shared.domain.sellerwebhook.RetrySchedule;
import com.ordertracking.shared.domain.sellerwebhook.WebhookDelivery;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEndpoint;
import com.ordertracking.shared.domain.sellerwebhook.WebhookIds;
import com.ordertracking.shared.domain.sellerwebhook.StandardWebhookSignatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Attempts deliveries when their wake-up arrives, keeps the retry schedule, and serves the delivery log and
 * replays. The schedule lives in SQS: a retry is a new wake-up with {@code DelaySeconds}; a wait longer than
 * SQS allows is covered by several hops (a wake-up that comes early just goes back to sleep). Nothing sleeps
 * in a function.
 */
public final class WebhookDeliveryService {
    /** A wake-up may arrive this much before the due time (clocks, rounding) and still count. */
    static final Duration EARLY_TOLERANCE = Duration.ofSeconds(1);
    /** Longer than one attempt (10 s timeout), shorter than the queue's visibility timeout. */
    static final Duration LEASE = Duration.ofSeconds(60);
    public static final String USER_AGENT = "OrderTracking-Webhooks/1.0";

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final DeliveryQueue queue;
    private final WebhookSender sender;
    private final ReceiverUrlPolicy urlPolicy;
    private final ReceiverUrlPolicy.HostResolver resolver;
    private final RetrySchedule schedule;
    private final WebhookRegistrationService registrations;
    private final Clock clock;

    public WebhookDeliveryService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
            DeliveryQueue queue, WebhookSender sender, ReceiverUrlPolicy urlPolicy,
            ReceiverUrlPolicy.HostResolver resolver, RetrySchedule schedule,
            WebhookRegistrationService registrations, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.queue = queue;
        this.sender = sender;
        this.urlPolicy = urlPolicy;
        this.resolver = resolver;
        this.schedule = schedule;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** What handling one wake-up did (for the log line). */
    public sealed interface Handled {
        record Attempted(WebhookDelivery delivery, AttemptOutcome outcome) implements Handled {
        }

        record Deferred(Duration sleep) implements Handled {
        }

        /** Not attempted: the endpoint's breaker is open; due again when the suspension ends. */
        record Suspended(Instant until) implements Handled {
        }

        record Abandoned(String reason) implements Handled {
        }

        record Skipped(String reason) implements Handled {
        }
    }

    /** Handles one wake-up: attempt if due and ours, else go back to sleep or drop the stale message. */
    public Handled wake(DeliveryRef ref) {
        Optional<WebhookDelivery> found = deliveries.find(ref.webhookId(), ref.deliveryId());
        if (found.isEmpty()) {
            return new Handled.Skipped("no such delivery");
        }
        WebhookDelivery delivery = found.get();
        if (delivery.status() != WebhookDelivery.Status.PENDING) {
            return new Handled.Skipped("already " + delivery.status());
        }
        Instant now = clock.instant();
        if (delivery.nextAttemptAt().isAfter(now.plus(EARLY_TOLERANCE))) {
            Duration sleep = capped(Duration.between(now, delivery.nextAttemptAt()));
            queue.wake(ref, sleep);
            return new Handled.Deferred(sleep);
        }
        Optional<WebhookEndpoint> endpoint = endpoints.find(ref.sellerId(), ref.webhookId());
        boolean enabled = endpoint.isPresent() && endpoint.get().status() == WebhookEndpoint.Status.ENABLED;
        EndpointBreaker breaker = enabled ? endpoints.breaker(ref.sellerId(), ref.webhookId()) : EndpointBreaker.CLOSED;
        if (breaker.suspendedAt(now)) {
            // Costs a read and a small write instead of a 10 s hold; the attempt count is untouched.
            if (!deliveries.postpone(delivery, breaker.suspendedUntil(), now)) {
                return new Handled.Skipped("another attempt holds it or it moved on");
            }
            queue.wake(ref, capped(Duration.between(now, breaker.suspendedUntil())));
            return new Handled.Suspended(breaker.suspendedUntil());
        }
        Optional<Lease> lease = deliveries.lease(delivery, now, LEASE);
        if (lease.isEmpty()) {
            return new Handled.Skipped("another attempt holds it or it moved on");
        }
        if (!enabled) {
            String reason = endpoint.isEmpty() ? "endpoint deleted" : "endpoint disabled";
            deliveries.record(delivery.abandoned(reason), lease.get());
            return new Handled.Abandoned(reason);
        }
        AttemptOutcome outcome = attempt(endpoint.get(), delivery, now);
        Instant next = outcome instanceof AttemptOutcome.Delivered || outcome instanceof AttemptOutcome.Gone ? null
                : schedule.delayAfter(delivery.attempts() + 1).map(now::plus).orElse(null);
        WebhookDelivery after = delivery.after(outcome, now, next);
        if (!deliveries.record(after, lease.get())) {
            return new Handled.Skipped("lease lost before the result was recorded");
        }
        EndpointBreaker nextBreaker = breaker.after(outcome, now, schedule);
        if (!nextBreaker.equals(breaker)) {
            endpoints.updateBreaker(ref.sellerId(), ref.webhookId(), breaker, nextBreaker);
        }
        if (outcome instanceof AttemptOutcome.Gone) {
            registrations.disable(ref.sellerId(), ref.webhookId(), "the receiver answered 410 Gone at " + now);
        }
        if (after.status() == WebhookDelivery.Status.PENDING) {
            queue.wake(ref, capped(Duration.between(clock.instant(), next)));
        }
        return new Handled.Attempted(after, outcome);
    }

    private AttemptOutcome attempt(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
        // Checked again now: the host may resolve elsewhere than at registration.
        return switch (urlPolicy.check(endpoint.url(), resolver)) {
            case ReceiverUrlPolicy.Verdict.Refused(String reason) -> new AttemptOutcome.Unreachable(AttemptOutcome.URL_REFUSED + reason);
            case ReceiverUrlPolicy.Verdict.Allowed(java.net.URI uri) -> sender.post(uri, headers(endpoint, delivery, now),
                    delivery.body());
        };
    }

    /** The Standard Webhooks headers of one attempt: the id is fixed, the timestamp and signatures are fresh. */
    static Map<String, String> headers(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", USER_AGENT);
        headers.put("webhook-id", delivery.deliveryId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", StandardWebhookSignatures.sign(endpoint.signingSecrets(now), delivery.deliveryId(),
                timestamp, delivery.body()));
        return headers;
    }

    /** The outcome of {@code POST .../deliveries/{deliveryId}/retry}. */
    public sealed interface Replay {
        record Scheduled(WebhookDelivery delivery) implements Replay {
        }

        record NotFound() implements Replay {
        }

        record EndpointDisabled(String reason) implements Replay {
        }

        record InProgress() implements Replay {
        }
    }

    /** Makes the delivery due now and wakes it: one more attempt with the same id and body. */
    public Replay replay(String sellerId, String webhookId, String deliveryId) {
        Optional<WebhookEndpoint> endpoint = registrations.find(sellerId, webhookId);
        Optional<WebhookDelivery> delivery = endpoint.isEmpty() || !WebhookIds.isDeliveryId(deliveryId)
                ? Optional.empty() : deliveries.find(webhookId, deliveryId);
        if (delivery.isEmpty()) {
            return new Replay.NotFound();
        }
        if (endpoint.get().status() != WebhookEndpoint.Status.ENABLED) {
            return new Replay.EndpointDisabled(endpoint.get().disabledReason());
        }
        Instant now = clock.instant();
        if (!deliveries.reschedule(delivery.get(), now)) {
            return new Replay.InProgress();
        }
        queue.wake(new DeliveryRef(sellerId, webhookId, deliveryId), Duration.ZERO);
        return new Replay.Scheduled(deliveries.find(webhookId, deliveryId).orElseThrow());
    }

    /** The endpoint's delivery log; empty when the endpoint is not the seller's. */
    public Optional<WebhookDeliveryRepository.Page> list(String sellerId, String webhookId,
            Optional<WebhookDelivery.Status> status, String cursor, int limit) {
        return registrations.find(sellerId, webhookId).map(e -> deliveries.list(webhookId, status, cursor, limit));
    }

    private static Duration capped(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        // Round up so the wake-up never comes before the due time.
        Duration whole = Duration.ofSeconds(wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
        return whole.compareTo(DeliveryQueue.MAX_DELAY) > 0 ? DeliveryQueue.MAX_DELAY : whole;
    }
}
