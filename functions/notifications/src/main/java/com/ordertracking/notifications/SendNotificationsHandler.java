package com.ordertracking.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.logging.FunctionLog;
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
        FunctionLog log = FunctionLog.of(context);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            FunctionLog line = log;
            try {
                OrderEvent orderEvent = Json.read(message.getBody(), OrderEvent.class);
                line = log.forOrder(orderEvent.orderId());
                List<Notifier.Delivery> deliveries = notifier.notify(orderEvent);
                line.info("notifications handled", "messageId", message.getMessageId(), "eventId", orderEvent.eventId(),
                        "deliveries", Json.write(deliveries));
            } catch (RuntimeException e) {
                line.warn("notification failed; will be retried, then dead-lettered", "messageId", message.getMessageId(),
                        "error", e.toString(), "at", FunctionLog.origin(e));
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
