package com.ordertracking.tracking;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.TrackingQueue;
import com.ordertracking.shared.application.tracking.TrackingProcessor;
import com.ordertracking.shared.application.tracking.TrackingRepository.WriteCost;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.wiring.Components;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes the tracking-events queue. Each message is applied on its own (one DynamoDB transaction);
 * a message that fails is reported in {@code batchItemFailures} so only it is retried, and after
 * {@code maxReceiveCount} receives SQS moves it to the dead-letter queue. Unparseable messages fail
 * every time, so they end there too — never silently dropped.
 */
public final class ProcessTrackingEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final TrackingProcessor processor;

    public ProcessTrackingEventsHandler() {
        this(Components.fromEnvironment().trackingProcessor());
    }

    public ProcessTrackingEventsHandler(TrackingProcessor processor) {
        this.processor = processor;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                TrackingEvent trackingEvent = TrackingQueue.parse(message.getBody());
                log(message, processor.process(trackingEvent));
            } catch (RuntimeException e) {
                log(message.getMessageId(), "tracking event failed; will be retried, then dead-lettered", e.toString());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void log(SQSEvent.SQSMessage message, TrackingProcessor.Outcome outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", message.getMessageId());
        switch (outcome) {
            case TrackingProcessor.Outcome.Applied applied -> {
                line.put("message", "tracking event applied");
                line.put("orderId", applied.orderId());
                line.put("orderStatus", applied.order().status());
                WriteCost capacity = applied.capacity();
                if (capacity != null) {
                    // The cost of one event, for capacity planning (docs/tracking.md).
                    line.put("consumedWriteUnits", capacity.capacityUnits());
                    line.put("tableWriteUnits", capacity.tableUnits());
                    line.put("indexWriteUnits", capacity.indexUnits());
                }
            }
            case TrackingProcessor.Outcome.Duplicate duplicate -> {
                line.put("message", "tracking event already applied");
                line.put("orderId", duplicate.orderId());
            }
            case TrackingProcessor.Outcome.Parked parked -> line.put("message", "tracking event parked: unknown tracking number");
        }
        System.out.println(Json.write(line));
    }

    private static void log(String messageId, String message, String error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", messageId);
        line.put("message", message);
        line.put("error", error);
        System.out.println(Json.write(line));
    }
}
