package com.ordertracking.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.tracking.TrackingIntake;

/** {@code POST /webhooks/easypost}: EasyPost tracker events ({@code X-Hmac-Signature}); {@code 202}. */
public final class ReceiveEasyPostWebhookHandler extends ApiHandler {
    private final TrackingIntake intake;

    public ReceiveEasyPostWebhookHandler() {
        this(TrackingIntake.fromEnvironment());
    }

    public ReceiveEasyPostWebhookHandler(TrackingIntake intake) {
        this.intake = intake;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return WebhookResponses.accepted(intake.receiveEasyPost(request.rawBody(), request::header));
    }
}
