package com.ordertracking.shared.adapters.messaging;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.Backoff;
import com.ordertracking.shared.application.tracking.EnqueueFailedException;
import com.ordertracking.shared.application.tracking.TrackingEventQueue;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The tracking-events queue: one JSON {@link TrackingEvent} per message. */
public final class TrackingQueue implements TrackingEventQueue {
    /** SendMessageBatch takes at most ten entries. */
    static final int BATCH_SIZE = 10;
    /** Attempts per batch: the first send and two retries of whatever SQS did not accept. */
    static final int MAX_ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;

    public TrackingQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(TrackingEvent event) {
        sendAll(List.of(event));
    }

    /**
     * Sends in batches of ten; entries SQS did not accept (a partial batch failure, or the whole call failing)
     * are sent again, with back-off, up to {@link #MAX_ATTEMPTS} times. Throws {@link EnqueueFailedException}
     * if any is still not accepted, so a caller never reports success for an event that is not queued.
     */
    @Override
    public void sendAll(List<TrackingEvent> events) {
        for (int from = 0; from < events.size(); from += BATCH_SIZE) {
            sendBatch(events.subList(from, Math.min(from + BATCH_SIZE, events.size())), events.size());
        }
    }

    private void sendBatch(List<TrackingEvent> batch, int total) {
        Map<String, String> pending = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.put(Integer.toString(i), Json.write(batch.get(i)));
        }
        String lastError = null;
        SdkException lastException = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                Backoff.pause(attempt);
            }
            List<SendMessageBatchRequestEntry> entries = pending.entrySet().stream()
                    .map(e -> SendMessageBatchRequestEntry.builder().id(e.getKey()).messageBody(e.getValue()).build())
                    .toList();
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                response.successful().forEach(accepted -> pending.remove(accepted.id()));
                if (response.hasFailed() && !response.failed().isEmpty()) {
                    BatchResultErrorEntry first = response.failed().getFirst();
                    lastError = first.code() + ": " + first.message();
                    if (response.failed().stream().allMatch(BatchResultErrorEntry::senderFault)) {
                        break; // the same request would be refused again
                    }
                }
            } catch (SdkException e) {
                lastException = e;
                lastError = e.getMessage();
            }
        }
        if (!pending.isEmpty()) {
            throw new EnqueueFailedException("SQS did not accept " + pending.size() + " of " + total
                    + " tracking events after " + MAX_ATTEMPTS + " attempts: " + lastError, lastException);
        }
    }

    public static TrackingEvent parse(String body) {
        return Json.read(body, TrackingEvent.class);
    }
}
