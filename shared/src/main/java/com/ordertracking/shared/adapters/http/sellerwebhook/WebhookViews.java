package com.ordertracking.shared.adapters.http.sellerwebhook;

import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryRepository;
import com.ordertracking.shared.domain.sellerwebhook.WebhookDelivery;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEndpoint;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEventType;
import java.time.Instant;
import java.util.List;

/** What the API shows of endpoints and deliveries. The secret appears only when it is created or rotated. */
public final class WebhookViews {
    private WebhookViews() {
    }

    /**
     * @param secret                  the signing secret; only in the answers to registration and rotation
     * @param previousSecretExpiresAt until when the rotated-out secret still signs too
     */
    public record Endpoint(String webhookId, String url, List<String> events, String description, String status,
            String disabledReason, String secret, Instant previousSecretExpiresAt, Instant createdAt,
            Instant updatedAt) {
    }

    public static Endpoint endpoint(WebhookEndpoint e) {
        return view(e, null);
    }

    public static Endpoint endpointWithSecret(WebhookEndpoint e) {
        return view(e, e.secret().value());
    }

    private static Endpoint view(WebhookEndpoint e, String secret) {
        List<String> events = e.allEvents() ? List.of(WebhookEventType.ALL)
                : e.events().stream().sorted().map(WebhookEventType::wireName).toList();
        Instant overlap = e.previousSecretExpiresAt() != null && e.previousSecretExpiresAt().isAfter(e.updatedAt())
                ? e.previousSecretExpiresAt() : null;
        return new Endpoint(e.webhookId(), e.url(), events, e.description(), e.status().name(), e.disabledReason(),
                secret, overlap, e.createdAt(), e.updatedAt());
    }

    public record Endpoints(List<Endpoint> items) {
    }

    public static Endpoints endpoints(List<WebhookEndpoint> endpoints) {
        return new Endpoints(endpoints.stream().map(WebhookViews::endpoint).toList());
    }

    /** One line of the delivery log; {@code deliveryId} is the {@code webhook-id} the receiver saw. */
    public record Delivery(String deliveryId, String eventId, String eventType, String orderId, String status,
            int attempts, Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
            Instant deliveredAt, Instant createdAt) {
    }

    public static Delivery delivery(WebhookDelivery d) {
        return new Delivery(d.deliveryId(), d.eventId(), d.eventType().wireName(), d.orderId(), d.status().name(),
                d.attempts(), d.lastAttemptAt(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt(),
                d.deliveredAt(), d.createdAt());
    }

    public record Deliveries(List<Delivery> items, String nextCursor) {
    }

    public static Deliveries deliveries(WebhookDeliveryRepository.Page page) {
        return new Deliveries(page.items().stream().map(WebhookViews::delivery).toList(), page.nextCursor());
    }
}
