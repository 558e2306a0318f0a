package com.ordertracking.shared.application.sellerwebhook;

import com.ordertracking.shared.domain.sellerwebhook.WebhookDelivery;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEndpoint;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEvent;
import com.ordertracking.shared.domain.sellerwebhook.WebhookIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one domain event into one delivery per subscribed endpoint of its seller, and wakes each up. No HTTP
 * here: a slow receiver only ever holds its own delivery. Idempotent: delivery ids are deterministic, so a
 * redelivered event finds its deliveries; one still waiting for its first attempt is woken again (its first
 * wake-up may have been lost), the others are left alone.
 */
public final class WebhookFanOutService {
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final DeliveryQueue queue;
    private final Clock clock;

    public WebhookFanOutService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
            DeliveryQueue queue, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    /** @return the ids of the deliveries of this event (new or found) */
    public List<String> fanOut(WebhookEvent event) {
        return fanOut(event, endpoints.listBySeller(event.sellerId()));
    }

    /**
     * A fan-out for one SQS batch: each seller's endpoints are listed once for the whole batch (a burst of one
     * seller's orders costs one Query per batch instead of one per event), as if its events were dispatched at once.
     */
    public Batch batch() {
        return new Batch();
    }

    /** See {@link #batch()}; one per invocation, never kept between invocations. */
    public final class Batch {
        private final Map<String, List<WebhookEndpoint>> endpointsBySeller = new HashMap<>();

        private Batch() {
        }

        /** As {@link WebhookFanOutService#fanOut(WebhookEvent)}. */
        public List<String> fanOut(WebhookEvent event) {
            return WebhookFanOutService.this.fanOut(event,
                    endpointsBySeller.computeIfAbsent(event.sellerId(), endpoints::listBySeller));
        }
    }

    private List<String> fanOut(WebhookEvent event, List<WebhookEndpoint> sellerEndpoints) {
        List<String> ids = new ArrayList<>();
        for (WebhookEndpoint endpoint : sellerEndpoints) {
            if (!endpoint.subscribesTo(event.type())) {
                continue;
            }
            String deliveryId = WebhookIds.deliveryId(endpoint.webhookId(), event.eventId(), event.occurredAt());
            WebhookDelivery delivery = WebhookDelivery.first(deliveryId, endpoint, event, clock.instant());
            boolean created = deliveries.createIfAbsent(delivery);
            boolean wake = created || deliveries.find(endpoint.webhookId(), deliveryId)
                    .map(d -> d.status() == WebhookDelivery.Status.PENDING && d.attempts() == 0).orElse(false);
            if (wake) {
                queue.wake(new DeliveryQueue.DeliveryRef(endpoint.sellerId(), endpoint.webhookId(), deliveryId),
                        Duration.ZERO);
            }
            ids.add(deliveryId);
        }
        return ids;
    }
}
