package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookViews;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code POST /seller/webhooks/{webhookId}/rotate-secret} → 200 with the new secret; for 24 hours every delivery
 * carries signatures with both, so receivers can switch over without dropping anything.
 */
public final class RotateWebhookSecretHandler extends ApiHandler {
    private final WebhookRegistrationService registrations;

    public RotateWebhookSecretHandler() {
        this(Components.fromEnvironment().webhookRegistrations());
    }

    public RotateWebhookSecretHandler(WebhookRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String webhookId = request.pathParameter("webhookId");
        return registrations.rotateSecret(request.seller().subject(), webhookId)
                .map(endpoint -> ApiResponses.json(200, WebhookViews.endpointWithSecret(endpoint)))
                .orElseThrow(() -> WebhookProblems.notFound(webhookId));
    }
}
