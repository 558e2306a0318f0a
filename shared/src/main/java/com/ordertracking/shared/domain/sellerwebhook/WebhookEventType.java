package com.ordertracking.shared.domain.sellerwebhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The event types a seller can subscribe to: one per domain event of the outbox (docs/events.md), named
 * the way webhook consumers expect ({@code order.created}) rather than after our Java types.
 */
public enum WebhookEventType {
    ORDER_CREATED("order.created", "OrderCreated"),
    ORDER_STATUS_CHANGED("order.status_changed", "OrderStatusChanged"),
    SHIPMENT_UPDATED("order.shipment_updated", "ShipmentUpdated"),
    DELIVERY_DELAYED("order.delivery_delayed", "DeliveryDelayed"),
    RETURN_UPDATED("order.return_updated", "ReturnUpdated"),
    REFUND_ISSUED("order.refund_issued", "RefundIssued"),
    COMPENSATION_OFFERED("order.compensation_offered", "CompensationOffered"),
    CANCELLATION_REQUEST_UPDATED("order.cancellation_request_updated", "CancellationRequestUpdated");

    /** In a subscription: every event type, including those added later. */
    public static final String ALL = "*";

    private final String wireName;
    private final String domainEvent;

    WebhookEventType(String wireName, String domainEvent) {
        this.wireName = wireName;
        this.domainEvent = domainEvent;
    }

    /** The {@code type} of the delivered payload and the name used in subscriptions. */
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** What is wrong with a subscription list, if anything: empty, or naming types that do not exist. */
    public static Optional<String> problemWith(List<String> subscription) {
        if (subscription.isEmpty()) {
            return Optional.of("must name at least one event type, or [\"*\"] for all");
        }
        List<String> unknown = subscription.stream().filter(name -> !name.equals(ALL) && ofWireName(name).isEmpty()).toList();
        return unknown.isEmpty() ? Optional.empty() : Optional.of("has unknown event types " + unknown + "; known: "
                + Arrays.stream(values()).map(WebhookEventType::wireName).toList() + " or \"*\"");
    }

    /** The webhook type of an outbox event type ({@code OrderCreated}); empty for types sellers do not get. */
    public static Optional<WebhookEventType> ofDomainEvent(String eventType) {
        return Arrays.stream(values()).filter(t -> t.domainEvent.equals(eventType)).findFirst();
    }
}
