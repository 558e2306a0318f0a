package com.ordertracking.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.webhook.TrackingIntake;
import com.ordertracking.shared.wiring.Components;
import java.util.Locale;

/**
 * {@code POST /webhooks/carriers/{carrier}}: the generic carrier format, signed with
 * {@code X-Webhook-Signature: v1=...} over {@code X-Webhook-Timestamp + "." + body}. Verifies, normalizes
 * and enqueues; {@code 202}.
 */
public final class ReceiveCarrierWebhookHandler extends ApiHandler {
    private final TrackingIntake intake;

    public ReceiveCarrierWebhookHandler() {
        this(Components.fromEnvironment().trackingIntake());
    }

    public ReceiveCarrierWebhookHandler(TrackingIntake intake) {
        this.intake = intake;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String carrier = request.pathParameter("carrier").toLowerCase(Locale.ROOT);
        return WebhookResponses.accepted(intake.receiveCarrier(carrier, request.rawBody(), request::header));
    }
}
