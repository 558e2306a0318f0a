package com.ordertracking.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.webhook.WebhookPayloads;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to an accepted webhook: {@code 202 {accepted, eventId}} (and why, when ignored). */
final class WebhookResponses {
    private WebhookResponses() {
    }

    static APIGatewayV2HTTPResponse accepted(WebhookPayloads.Parsed parsed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", parsed instanceof WebhookPayloads.Parsed.Event);
        body.put("eventId", parsed.eventId());
        if (parsed instanceof WebhookPayloads.Parsed.Ignored ignored) {
            body.put("reason", ignored.reason());
        }
        return ApiResponses.json(202, body);
    }
}
