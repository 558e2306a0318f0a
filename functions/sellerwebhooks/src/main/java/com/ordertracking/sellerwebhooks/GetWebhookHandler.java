package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookViews;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.wiring.Components;

/** {@code GET /seller/webhooks/{webhookId}}: one of the caller's endpoints; another seller's is 404. */
public final class GetWebhookHandler extends ApiHandler {
    private final WebhookRegistrationService registrations;

    public GetWebhookHandler() {
        this(Components.fromEnvironment().webhookRegistrations());
    }

    public GetWebhookHandler(WebhookRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String webhookId = request.pathParameter("webhookId");
        return registrations.find(request.seller().subject(), webhookId)
                .map(endpoint -> ApiResponses.json(200, WebhookViews.endpoint(endpoint)))
                .orElseThrow(() -> WebhookProblems.notFound(webhookId));
    }
}
