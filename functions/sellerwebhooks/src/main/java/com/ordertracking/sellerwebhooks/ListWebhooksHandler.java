package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookViews;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.wiring.Components;

/** {@code GET /seller/webhooks}: the caller's endpoints (without secrets), oldest first. */
public final class ListWebhooksHandler extends ApiHandler {
    private final WebhookRegistrationService registrations;

    public ListWebhooksHandler() {
        this(Components.fromEnvironment().webhookRegistrations());
    }

    public ListWebhooksHandler(WebhookRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return ApiResponses.json(200, WebhookViews.endpoints(registrations.list(request.seller().subject())));
    }
}
