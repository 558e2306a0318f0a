package com.ordertracking.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.SqsBatches;
import com.ordertracking.shared.application.notification.Notifier;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.wiring.Components;
import java.util.List;

/**
 * Consumes {@code NotificationsQueue} (domain events from {@code order-events}, raw delivery) and
 * sends each buyer and seller what they asked for. A message whose sends did not all happen is a
 * batch item failure: SQS redelivers it, already-sent channels are skipped by the ledger, and after
 * {@code maxReceiveCount} receives it is dead-lettered. It only reads DynamoDB besides the ledger.
 */
public final class SendNotificationsHandler extends EventStreamHandler<SQSEvent, SQSBatchResponse> {
    private final Notifier notifier;

    public SendNotificationsHandler() {
        this(Components.fromEnvironment().notifier());
    }

    public SendNotificationsHandler(Notifier notifier) {
        super(SQSEvent.class);
        this.notifier = notifier;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.eachMessage(event, context, "notification failed; will be retried, then dead-lettered", (message, line) -> {
            OrderEvent orderEvent = Json.read(message.getBody(), OrderEvent.class);
            line.put("orderId", orderEvent.orderId());
            line.put("eventId", orderEvent.eventId());
            List<Notifier.Delivery> deliveries = notifier.notify(orderEvent);
            line.put("message", "notifications handled");
            line.put("deliveries", Json.write(deliveries));
        });
    }
}
