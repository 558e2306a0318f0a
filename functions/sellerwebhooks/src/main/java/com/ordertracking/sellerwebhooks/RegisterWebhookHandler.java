package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookRequests;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookViews;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService.Registration;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.Problem;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code POST /seller/webhooks {url, events, description?}} → 201 with the endpoint and its secret (shown once). */
public final class RegisterWebhookHandler extends ApiHandler {
    private final WebhookRegistrationService registrations;

    public RegisterWebhookHandler() {
        this(Components.fromEnvironment().webhookRegistrations());
    }

    public RegisterWebhookHandler(WebhookRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        return switch (registrations.register(sellerId, WebhookRequests.register(request.jsonBody()))) {
            case Registration.Created(var endpoint) -> ApiResponses.json(201, WebhookViews.endpointWithSecret(endpoint),
                    Map.of("location", "/seller/webhooks/" + endpoint.webhookId()));
            case Registration.LimitReached(int limit) -> ApiResponses.problem(Problem.conflict("too-many-webhooks",
                    "A seller can register at most " + limit + " webhooks; delete one first").atInstance(request.path()));
        };
    }
}
