package com.ordertracking.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.Notifier;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.wiring.Components;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes {@code NotificationsQueue} (domain events from {@code order-events}, raw delivery) and
 * sends each buyer and seller what they asked for. A message whose sends did not all happen is a
 * batch item failure: SQS redelivers it, already-sent channels are skipped by the ledger, and after
 * {@code maxReceiveCount} receives it is dead-lettered. It only reads DynamoDB besides the ledger.
 */
public final class SendNotificationsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Notifier notifier;

    public SendNotificationsHandler() {
        this(Components.fromEnvironment().notifier());
    }

    public SendNotificationsHandler(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("messageId", message.getMessageId());
            try {
                OrderEvent orderEvent = Json.read(message.getBody(), OrderEvent.class);
                line.put("eventId", orderEvent.eventId());
                List<Notifier.Delivery> deliveries = notifier.notify(orderEvent);
                line.put("message", "notifications handled");
                line.put("deliveries", deliveries);
            } catch (RuntimeException e) {
                line.put("message", "notification failed; will be retried, then dead-lettered");
                line.put("error", e.toString());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
            System.out.println(Json.write(line));
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
