package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.sellerwebhook.WebhookViews;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService.Replay;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.Problem;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code POST /seller/webhooks/{webhookId}/deliveries/{deliveryId}/retry} → 202: the delivery is attempted again
 * now, with the same {@code webhook-id} and body (whatever its state, e.g. to replay into a restored system).
 */
public final class RetryWebhookDeliveryHandler extends ApiHandler {
    private final WebhookDeliveryService deliveries;

    public RetryWebhookDeliveryHandler() {
        this(Components.fromEnvironment().webhookDeliveries());
    }

    public RetryWebhookDeliveryHandler(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String webhookId = request.pathParameter("webhookId");
        String deliveryId = request.pathParameter("deliveryId");
        return switch (deliveries.replay(request.seller().subject(), webhookId, deliveryId)) {
            case Replay.Scheduled(var delivery) -> ApiResponses.json(202, WebhookViews.delivery(delivery));
            case Replay.NotFound() -> throw WebhookProblems.deliveryNotFound(webhookId, deliveryId);
            case Replay.EndpointDisabled(String reason) -> ApiResponses.problem(Problem.conflict("webhook-disabled",
                    "The webhook is disabled (" + reason + "); register the endpoint again").atInstance(request.path()));
            case Replay.InProgress() -> ApiResponses.problem(Problem.conflict("delivery-in-progress",
                    "An attempt of this delivery is under way; retry when it has finished").atInstance(request.path()));
        };
    }
}
