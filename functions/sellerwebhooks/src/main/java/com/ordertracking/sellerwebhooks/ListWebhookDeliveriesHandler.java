package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookRequests;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookViews;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.application.order.InvalidCursorException;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code GET /seller/webhooks/{webhookId}/deliveries?status=&limit=&cursor=}: the delivery log, newest first —
 * attempts, last status code and time, next attempt.
 */
public final class ListWebhookDeliveriesHandler extends ApiHandler {
    private final WebhookDeliveryService deliveries;

    public ListWebhookDeliveriesHandler() {
        this(Components.fromEnvironment().webhookDeliveries());
    }

    public ListWebhookDeliveriesHandler(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        String webhookId = request.pathParameter("webhookId");
        var status = WebhookRequests.status(request.query("status"));
        int limit = WebhookRequests.limit(request.query("limit"));
        String cursor = request.query("cursor").filter(c -> !c.isBlank()).orElse(null);
        try {
            return deliveries.list(sellerId, webhookId, status, cursor, limit)
                    .map(page -> ApiResponses.json(200, WebhookViews.deliveries(page)))
                    .orElseThrow(() -> WebhookProblems.notFound(webhookId));
        } catch (InvalidCursorException e) {
            throw ValidationException.of("cursor", e.getMessage());
        }
    }
}
