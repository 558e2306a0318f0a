package com.ordertracking.shared.adapters.messaging;

import com.ordertracking.shared.adapters.logging.FunctionLog;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.event.OrderEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes domain events to the {@code order-events} topic with PublishBatch (10 per call), in
 * the order given. The body is the event JSON; message attributes carry what subscribers filter on.
 * An unavailable SNS is retried with back-off within a budget (so a short outage costs no stream
 * retry); whatever is still unpublished then is reported so the caller fails from that event on.
 */
public final class OrderEventPublisher {
    /** SNS's PublishBatch limit. */
    static final int BATCH = 10;

    private final SnsClient sns;
    private final String topicArn;
    private final Duration retryBudget;
    private final Clock clock;

    public OrderEventPublisher(SnsClient sns, String topicArn, Duration retryBudget, Clock clock) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.retryBudget = retryBudget;
        this.clock = clock;
    }


    public Duration retryBudget() {
        return retryBudget;
    }

    /**
     * Publishes {@code events} in order until {@code deadline}.
     *
     * @return the index of the first event that could not be published, or -1 when all were
     */
    public int publish(List<OrderEvent> events, Instant deadline) {
        for (int start = 0; start < events.size(); start += BATCH) {
            List<OrderEvent> chunk = events.subList(start, Math.min(events.size(), start + BATCH));
            int failedAt = publishChunk(chunk, deadline);
            if (failedAt >= 0) {
                return start + failedAt;
            }
        }
        return -1;
    }

    private int publishChunk(List<OrderEvent> chunk, Instant deadline) {
        Map<String, Integer> pending = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            pending.put(Integer.toString(i), i);
        }
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                List<PublishBatchRequestEntry> entries = new ArrayList<>();
                pending.forEach((id, index) -> entries.add(entry(id, chunk.get(index))));
                PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
                response.successful().forEach(ok -> pending.remove(ok.id()));
                boolean senderFault = response.failed().stream().anyMatch(f -> Boolean.TRUE.equals(f.senderFault()));
                if (pending.isEmpty()) {
                    return -1;
                }
                if (senderFault) {
                    FunctionLog.runtime().error("event rejected by SNS", "failed", response.failed());
                    return pending.values().iterator().next();
                }
            } catch (SdkException e) {
                FunctionLog.runtime().warn("SNS unavailable; retrying", "error", e.toString());
            }
            if (clock.instant().plus(pause).isAfter(deadline)) {
                return pending.values().iterator().next();
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
        }
    }

    static PublishBatchRequestEntry entry(String id, OrderEvent event) {
        return PublishBatchRequestEntry.builder()
                .id(id)
                .message(Json.write(event))
                .messageAttributes(attributes(event))
                .build();
    }

    /** The attributes subscription filter policies can use (at most 10 per message in SNS). */
    public static Map<String, MessageAttributeValue> attributes(OrderEvent event) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("eventType", text(event.eventType().name()));
        attributes.put("status", text(event.status().name()));
        attributes.put("sellerId", text(event.sellerId()));
        attributes.put("buyerId", text(event.buyerId()));
        attributes.put("schemaVersion", MessageAttributeValue.builder().dataType("Number")
                .stringValue(Integer.toString(event.schemaVersion())).build());
        if (event.shipment() != null && event.shipment().status() != null) {
            attributes.put("shipmentStatus", text(event.shipment().status().name()));
        }
        return attributes;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause); // back-off between publish attempts while SNS is unavailable
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for SNS", e);
        }
    }
}
