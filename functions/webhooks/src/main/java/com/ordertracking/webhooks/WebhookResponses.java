package com.ordertracking.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.webhook.WebhookPayloads;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to an accepted webhook: {@code 202 {accepted, eventId, queued}} ({@code eventId} is the webhook's
 * own id, {@code queued} how many tracking events it put on the queue) or {@code 202 {accepted: false, eventId,
 * reason}} when it is ignored.
 */
final class WebhookResponses {
    private WebhookResponses() {
    }

    static APIGatewayV2HTTPResponse accepted(WebhookPayloads.Parsed parsed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", parsed instanceof WebhookPayloads.Parsed.Event);
        body.put("eventId", parsed.eventId());
        switch (parsed) {
            case WebhookPayloads.Parsed.Event accepted -> body.put("queued", accepted.events().size());
            case WebhookPayloads.Parsed.Ignored ignored -> body.put("reason", ignored.reason());
        }
        return ApiResponses.json(202, body);
    }
}
