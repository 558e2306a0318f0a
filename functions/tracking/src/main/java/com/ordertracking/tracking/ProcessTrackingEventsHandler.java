package com.ordertracking.tracking;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import com.ordertracking.shared.adapters.logging.FunctionLog;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.TrackingQueue;
import com.ordertracking.shared.application.tracking.TrackingProcessor;
import com.ordertracking.shared.application.tracking.TrackingRepository.WriteCost;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.wiring.Components;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes the tracking-events queue. Each message is applied on its own (one DynamoDB transaction);
 * a message that fails is reported in {@code batchItemFailures} so only it is retried, and after
 * {@code maxReceiveCount} receives SQS moves it to the dead-letter queue. Unparseable messages fail
 * every time, so they end there too — never silently dropped.
 */
public final class ProcessTrackingEventsHandler extends EventStreamHandler<SQSEvent, SQSBatchResponse> {
    private final TrackingProcessor processor;

    public ProcessTrackingEventsHandler() {
        this(Components.fromEnvironment().trackingProcessor());
    }

    public ProcessTrackingEventsHandler(TrackingProcessor processor) {
        super(SQSEvent.class);
        this.processor = processor;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        FunctionLog log = FunctionLog.of(context);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                TrackingEvent trackingEvent = TrackingQueue.parse(message.getBody());
                log(log, message, processor.process(trackingEvent));
            } catch (RuntimeException e) {
                log.warn("tracking event failed; will be retried, then dead-lettered", "messageId",
                        message.getMessageId(), "error", e.toString(), "at", FunctionLog.origin(e));
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void log(FunctionLog log, SQSEvent.SQSMessage message, TrackingProcessor.Outcome outcome) {
        switch (outcome) {
            case TrackingProcessor.Outcome.Applied applied -> {
                // The cost of one event, for capacity planning (docs/tracking.md).
                WriteCost capacity = applied.capacity();
                log.forOrder(applied.orderId()).info("tracking event applied", "messageId", message.getMessageId(),
                        "orderStatus", applied.order().status(),
                        "consumedWriteUnits", capacity == null ? null : capacity.capacityUnits(),
                        "tableWriteUnits", capacity == null ? null : capacity.tableUnits(),
                        "indexWriteUnits", capacity == null ? null : Json.write(capacity.indexUnits()));
            }
            case TrackingProcessor.Outcome.Duplicate duplicate -> log.forOrder(duplicate.orderId())
                    .info("tracking event already applied", "messageId", message.getMessageId());
            case TrackingProcessor.Outcome.Parked parked -> log.warn("tracking event parked: unknown tracking number",
                    "messageId", message.getMessageId());
        }
    }
}
