package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import com.ordertracking.shared.adapters.messaging.SqsBatches;
import com.ordertracking.shared.adapters.messaging.sellerwebhook.WebhookEventBodies;
import com.ordertracking.shared.application.sellerwebhook.WebhookFanOutService;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEvent;
import com.ordertracking.shared.wiring.Components;
import java.util.Optional;

/**
 * Consumes {@code WebhookEventsQueue} (every domain event from {@code order-events}, raw delivery) and fans
 * each out into one delivery per subscribed endpoint of its seller, each woken on the deliveries queue. No
 * HTTP happens here. A message that fails is retried by SQS, then dead-lettered; the fan-out is idempotent.
 */
public final class DispatchWebhookDeliveriesHandler extends EventStreamHandler<SQSEvent, SQSBatchResponse> {
    private final WebhookFanOutService fanOut;

    public DispatchWebhookDeliveriesHandler() {
        this(Components.fromEnvironment().webhookFanOut());
    }

    public DispatchWebhookDeliveriesHandler(WebhookFanOutService fanOut) {
        super(SQSEvent.class);
        this.fanOut = fanOut;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.eachMessage(event, context, "webhook dispatch failed; will be retried, then dead-lettered", (message, line) -> {
            Optional<WebhookEvent> webhookEvent = WebhookEventBodies.read(message.getBody());
            if (webhookEvent.isPresent()) {
                line.put("orderId", webhookEvent.get().orderId());
                line.put("eventId", webhookEvent.get().eventId());
                line.put("deliveries", fanOut.fanOut(webhookEvent.get()));
            }
            line.put("message", "webhook deliveries dispatched");
        });
    }
}
