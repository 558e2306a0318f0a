package com.ordertracking.events;

import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import com.ordertracking.shared.adapters.logging.FunctionLog;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.OrderEventPublisher;
import com.ordertracking.shared.adapters.persistence.OrderEvents;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.wiring.Components;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox publisher: reads the orders table's stream (NEW_AND_OLD_IMAGES), turns each order
 * change into its domain events ({@link OrderEvents}) and publishes them, in stream order, to the
 * {@code order-events} topic. It writes nothing to DynamoDB. On failure it reports the first record
 * not fully published (ReportBatchItemFailures), so Lambda retries from there; records before it are
 * done. A record that cannot be read fails the same way and, after the retries, reaches the
 * on-failure queue. Republishing is harmless: event ids are deterministic and consumers dedupe.
 */
public final class PublishOrderEventsHandler extends EventStreamHandler<DynamodbEvent, StreamsEventResponse> {
    /** Time kept back from the function timeout for reporting. */
    private static final Duration RESERVE = Duration.ofSeconds(2);

    private final OrderEventPublisher publisher;

    public PublishOrderEventsHandler() {
        this(Components.fromEnvironment().eventPublisher());
    }

    public PublishOrderEventsHandler(OrderEventPublisher publisher) {
        super(DynamodbEvent.class);
        this.publisher = publisher;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        FunctionLog log = FunctionLog.of(context);
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<OrderEvent> events = new ArrayList<>();
        List<Integer> recordOf = new ArrayList<>();
        int unreadable = -1;
        for (int i = 0; i < records.size(); i++) {
            try {
                for (OrderEvent e : OrderEvents.of(records.get(i))) {
                    events.add(e);
                    recordOf.add(i);
                }
            } catch (RuntimeException e) {
                log(log, "stream record unreadable; failing from here", records.get(i), e.toString());
                unreadable = i;
                break;
            }
        }
        int failedEvent = publisher.publish(events, deadline(context));
        int failedRecord = failedEvent >= 0 ? recordOf.get(failedEvent) : unreadable;
        int published = failedEvent >= 0 ? failedEvent : events.size();
        for (OrderEvent e : events.subList(0, published)) {
            log.forOrder(e.orderId()).info("order event published", "eventType", e.eventType(), "eventId", e.eventId());
        }
        if (failedRecord < 0) {
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        }
        log(log, "publishing stopped; Lambda retries from this record", records.get(failedRecord), null);
        return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(records.get(failedRecord).getDynamodb().getSequenceNumber())
                        .build()))
                .build();
    }

    private Instant deadline(Context context) {
        Duration budget = publisher.retryBudget();
        if (context != null) {
            Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(RESERVE);
            budget = left.compareTo(budget) < 0 ? left : budget;
        }
        return Instant.now().plus(budget.isNegative() ? Duration.ZERO : budget);
    }

    private static void log(FunctionLog log, String message, DynamodbStreamRecord record, String error) {
        log.warn(message, "eventID", record.getEventID(),
                "sequenceNumber", record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber(),
                "error", error);
    }
}
