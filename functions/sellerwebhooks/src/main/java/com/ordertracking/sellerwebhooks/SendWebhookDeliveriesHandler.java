package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import com.ordertracking.shared.adapters.messaging.SqsBatches;
import com.ordertracking.shared.adapters.messaging.sellerwebhook.SqsDeliveryQueue;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService.Handled;
import com.ordertracking.shared.wiring.Components;

/**
 * Consumes {@code WebhookDeliveriesQueue} wake-ups and makes the attempts, all messages of a batch at once (one
 * virtual thread each), so a receiver that hangs for the full 10 s timeout holds only its own delivery. Failed
 * attempts are not errors here: the service records them and schedules the retry as a new delayed message. Only
 * our own failures (DynamoDB, SQS) are batch item failures, retried by SQS and dead-lettered after that.
 */
public final class SendWebhookDeliveriesHandler extends EventStreamHandler<SQSEvent, SQSBatchResponse> {
    private final WebhookDeliveryService deliveries;

    public SendWebhookDeliveriesHandler() {
        this(Components.fromEnvironment().webhookDeliveries());
    }

    public SendWebhookDeliveriesHandler(WebhookDeliveryService deliveries) {
        super(SQSEvent.class);
        this.deliveries = deliveries;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.eachMessageConcurrently(event, context,
                "webhook delivery failed on our side; SQS retries it, then dead-letters it", (message, line) -> {
                    var ref = SqsDeliveryQueue.read(message.getBody());
                    line.put("webhookId", ref.webhookId());
                    line.put("deliveryId", ref.deliveryId());
                    switch (deliveries.wake(ref)) {
                        case Handled.Attempted(var delivery, var outcome) -> {
                            line.put("message", "webhook attempt " + delivery.attempts() + ": " + outcome.description());
                            line.put("status", delivery.status());
                            line.put("nextAttemptAt", delivery.nextAttemptAt());
                        }
                        case Handled.Deferred(var sleep) ->
                                line.put("message", "not due yet; sleeping " + sleep.toSeconds() + " s more");
                        case Handled.Suspended(var until) ->
                                line.put("message", "endpoint suspended after failures; not attempted before " + until);
                        case Handled.Abandoned(String reason) -> line.put("message", "delivery closed as failed: " + reason);
                        case Handled.Skipped(String reason) -> line.put("message", "wake-up dropped: " + reason);
                    }
                });
    }
}
