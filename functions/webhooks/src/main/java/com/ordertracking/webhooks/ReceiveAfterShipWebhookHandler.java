package com.ordertracking.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.webhook.TrackingIntake;
import com.ordertracking.shared.wiring.Components;

/** {@code POST /webhooks/aftership}: AfterShip tracking webhooks ({@code aftership-hmac-sha256}); {@code 202}. */
public final class ReceiveAfterShipWebhookHandler extends ApiHandler {
    private final TrackingIntake intake;

    public ReceiveAfterShipWebhookHandler() {
        this(Components.fromEnvironment().trackingIntake());
    }

    public ReceiveAfterShipWebhookHandler(TrackingIntake intake) {
        this.intake = intake;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return WebhookResponses.accepted(intake.receiveAfterShip(request.rawBody(), request::header));
    }
}
