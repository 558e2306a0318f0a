package com.ordertracking.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.webhook.TrackingIntake;
import com.ordertracking.shared.wiring.Components;

/** {@code POST /webhooks/easypost}: EasyPost tracker events ({@code X-Hmac-Signature}); {@code 202}. */
public final class ReceiveEasyPostWebhookHandler extends ApiHandler {
    private final TrackingIntake intake;

    public ReceiveEasyPostWebhookHandler() {
        this(Components.fromEnvironment().trackingIntake());
    }

    public ReceiveEasyPostWebhookHandler(TrackingIntake intake) {
        this.intake = intake;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return WebhookResponses.accepted(intake.receiveEasyPost(request.rawBody(), request::header));
    }
}
