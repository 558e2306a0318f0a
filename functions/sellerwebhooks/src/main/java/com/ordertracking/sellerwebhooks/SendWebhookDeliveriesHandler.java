package com.ordertracking.sellerwebhooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.messaging.sellerwebhook.SqsDeliveryQueue;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService.Handled;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.wiring.Components;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Consumes {@code WebhookDeliveriesQueue} wake-ups and makes the attempts, all messages of a batch at once (one
 * virtual thread each), so a receiver that hangs for the full 10 s timeout holds only its own delivery. Failed
 * attempts are not errors here: the service records them and schedules the retry as a new delayed message. Only
 * our own failures (DynamoDB, SQS) are batch item failures, retried by SQS and dead-lettered after that.
 */
public final class SendWebhookDeliveriesHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final WebhookDeliveryService deliveries;

    public SendWebhookDeliveriesHandler() {
        this(Components.fromEnvironment().webhookDeliveries());
    }

    public SendWebhookDeliveriesHandler(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> messages = event.getRecords();
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        try (ExecutorService perMessage = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SQSEvent.SQSMessage message : messages) {
                results.add(perMessage.submit(() -> handle(message)));
            }
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Map<String, Object> line = results.get(i).resultNow();
            if (line.containsKey("error")) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(messages.get(i).getMessageId()).build());
            }
            System.out.println(Json.write(line));
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private Map<String, Object> handle(SQSEvent.SQSMessage message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", message.getMessageId());
        try {
            var ref = SqsDeliveryQueue.read(message.getBody());
            line.put("webhookId", ref.webhookId());
            line.put("deliveryId", ref.deliveryId());
            switch (deliveries.wake(ref)) {
                case Handled.Attempted(var delivery, var outcome) -> {
                    line.put("message", "webhook attempt " + delivery.attempts() + ": " + outcome.description());
                    line.put("status", delivery.status());
                    line.put("nextAttemptAt", delivery.nextAttemptAt());
                }
                case Handled.Deferred(var sleep) -> line.put("message", "not due yet; sleeping " + sleep.toSeconds() + " s more");
                case Handled.Abandoned(String reason) -> line.put("message", "delivery closed as failed: " + reason);
                case Handled.Skipped(String reason) -> line.put("message", "wake-up dropped: " + reason);
            }
        } catch (RuntimeException e) {
            line.put("message", "webhook delivery failed on our side; SQS retries it, then dead-letters it");
            line.put("error", e.toString());
        }
        return line;
    }
}
