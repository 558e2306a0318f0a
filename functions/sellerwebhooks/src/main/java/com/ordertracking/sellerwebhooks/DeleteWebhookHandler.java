package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code DELETE /seller/webhooks/{webhookId}} → 204; nothing more is sent to it (pending deliveries close as failed). */
public final class DeleteWebhookHandler extends ApiHandler {
    private final WebhookRegistrationService registrations;

    public DeleteWebhookHandler() {
        this(Components.fromEnvironment().webhookRegistrations());
    }

    public DeleteWebhookHandler(WebhookRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String webhookId = request.pathParameter("webhookId");
        if (!registrations.delete(request.seller().subject(), webhookId)) {
            throw WebhookProblems.notFound(webhookId);
        }
        return ApiResponses.empty(204, Map.of());
    }
}
