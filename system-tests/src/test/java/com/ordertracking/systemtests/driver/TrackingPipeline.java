package com.ordertracking.systemtests.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.domain.ShipmentStatus;
import java.time.Instant;
import java.util.List;

/**
 * The tracking queue and its processor, in-process: nothing consumes the queue until the test says so, so a
 * flow can look at what is queued, parked or dead-lettered between steps.
 */
public final class TrackingPipeline {
    private final QueueDriver queue;
    private final RequestHandler<SQSEvent, SQSBatchResponse> processor;

    public TrackingPipeline(InProcessApi api) {
        this.queue = new QueueDriver(api.cloud().sqs(), api.cloud().physicalName("TrackingEventsQueue"));
        this.processor = api.function("ProcessTrackingEventsFunction");
    }

    public QueueDriver queue() {
        return queue;
    }

    /** Runs the processor on everything the queue holds; returns every body handled. */
    public List<String> runProcessor() {
        return queue.drain(processor);
    }

    /** One receive-and-process round. */
    public QueueDriver.Round pumpOnce() {
        return queue.pumpOnce(processor);
    }

    /** One UPS scan handed to the processor as its event source would deliver it; it must be applied or parked. */
    public void scan(String trackingNumber, ShipmentStatus status, Instant occurredAt, Instant eta) {
        SQSBatchResponse response = QueueDriver.deliver(processor, TestData.trackingEvent(trackingNumber, status,
                occurredAt, eta));
        assertThat(response.getBatchItemFailures()).isEmpty();
    }
}
