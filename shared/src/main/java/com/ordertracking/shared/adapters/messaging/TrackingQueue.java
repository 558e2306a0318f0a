package com.ordertracking.shared.adapters.messaging;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.tracking.TrackingEventQueue;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The tracking-events queue: one JSON {@link TrackingEvent} per message. */
public final class TrackingQueue implements TrackingEventQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public TrackingQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(TrackingEvent event) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(Json.write(event)));
    }

    /** Sends in batches of ten (the SQS limit); throws when any was not accepted (the caller keeps them and retries). */
    @Override
    public void sendAll(List<TrackingEvent> events) {
        for (int from = 0; from < events.size(); from += 10) {
            List<TrackingEvent> chunk = events.subList(from, Math.min(from + 10, events.size()));
            List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(chunk.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " tracking events: "
                        + response.failed().getFirst().message());
            }
        }
    }

    public static TrackingEvent parse(String body) {
        return Json.read(body, TrackingEvent.class);
    }
}
