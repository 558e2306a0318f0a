package com.ordertracking.shared.adapters.messaging.sellerwebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEvent;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEventType;
import com.ordertracking.shared.adapters.json.Json;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads an {@code order-events} message (the domain event JSON, docs/events.md) and renders the Standard
 * Webhooks body sellers receive: {@code {"type":"order.created","timestamp":"<occurredAt>","data":{...}}},
 * where {@code data} is the domain event as published (schema version 1). Events sellers do not get
 * (a type without a webhook name) come back empty.
 */
public final class WebhookEventBodies {
    private WebhookEventBodies() {
    }

    public static Optional<WebhookEvent> read(String message) {
        JsonNode event;
        try {
            event = Json.parse(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("order-events message is not JSON", e);
        }
        String eventId = required(event, "eventId");
        String sellerId = required(event, "sellerId");
        Instant occurredAt = Instant.parse(required(event, "occurredAt"));
        Optional<WebhookEventType> type = WebhookEventType.ofDomainEvent(required(event, "eventType"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", type.get().wireName());
        body.put("timestamp", occurredAt.toString());
        body.set("data", event);
        return Optional.of(new WebhookEvent(eventId, type.get(), occurredAt, sellerId,
                event.path("orderId").asText(null), Json.write(body)));
    }

    private static String required(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("order-events message has no " + field);
        }
        return value.asText();
    }
}
