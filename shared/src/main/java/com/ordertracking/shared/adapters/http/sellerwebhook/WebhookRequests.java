package com.ordertracking.shared.adapters.http.sellerwebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.application.sellerwebhook.RegisterWebhook;
import com.ordertracking.shared.domain.sellerwebhook.ReceiverUrlPolicy;
import com.ordertracking.shared.domain.sellerwebhook.WebhookDelivery;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEventType;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Request bodies and query strings of the seller webhook API, every mistake named by field. */
public final class WebhookRequests {
    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    private WebhookRequests() {
    }

    /** {@code {url, events, description?}}. */
    public static RegisterWebhook register(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(Set.of("url", "events", "description"));
        String url = fields.requiredText("url", ReceiverUrlPolicy.MAX_LENGTH);
        List<String> events = fields.optionalTextList("events", 20);
        if (events == null && !fields.has("events")) {
            fields.error("events", "is required: a list of event types, or [\"*\"] for all");
        } else if (events != null) {
            WebhookEventType.problemWith(events).ifPresent(problem -> fields.error("events", problem));
        }
        String description = fields.optionalText("description", 200);
        fields.throwIfInvalid();
        return new RegisterWebhook(url, events == null ? List.of() : events, description);
    }

    /** {@code ?status=PENDING|DELIVERED|FAILED}. */
    public static Optional<WebhookDelivery.Status> status(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WebhookDelivery.Status.valueOf(value.get()));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "must be one of " + List.of(WebhookDelivery.Status.values()));
        }
    }

    /** {@code ?limit=1..100}, default 20. */
    public static int limit(Optional<String> value) {
        if (value.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ValidationException.of("limit", "must be a whole number from 1 to " + MAX_PAGE);
    }
}
