package com.ordertracking.systemtests.driver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays the Lambda SQS event source mapping against a real queue: receive a batch, hand it to the
 * handler as an {@link SQSEvent}, delete what succeeded, and make failures visible again at once
 * (instead of after the visibility timeout) so redrive to the DLQ happens in a fast test. The queue's
 * own RedrivePolicy (from template.yaml) decides when a message is dead-lettered.
 */
public final class QueueDriver {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;

    /** @param queue the queue URL (what {@code LocalCloud.physicalName} gives) or its name */
    public QueueDriver(SqsClient sqs, String queue) {
        this.sqs = sqs;
        this.queueUrl = queue.startsWith("http") ? queue : sqs.getQueueUrl(g -> g.queueName(queue)).queueUrl();
        this.queueArn = sqs.getQueueAttributes(g -> g.queueUrl(queueUrl)
                        .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
    }

    /** What one receive-and-invoke round did. */
    public record Round(List<Message> received, Set<String> failedIds) {
        public List<String> bodies() {
            return received.stream().map(Message::body).toList();
        }
    }

    /** One batch: receive (up to 10), invoke, delete successes, re-expose failures; empty when nothing came. */
    public Round pumpOnce(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(0).visibilityTimeout(30)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        if (messages.isEmpty()) {
            return new Round(List.of(), Set.of());
        }
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAttributes(Map.of("ApproximateReceiveCount",
                    message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")));
            records.add(record);
        }
        event.setRecords(records);
        SQSBatchResponse response = handler.handleRequest(event, null);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            } else {
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return new Round(messages, failed);
    }

    /** Pumps until a receive comes back empty; returns every body handled (failures included). */
    public List<String> drain(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        List<String> bodies = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            Round result = pumpOnce(handler);
            if (result.received().isEmpty()) {
                return bodies;
            }
            bodies.addAll(result.bodies());
        }
        throw new AssertionError("Queue " + queueUrl + " did not drain in 100 rounds");
    }

    public String url() {
        return queueUrl;
    }

    public void send(String body) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body));
    }

    /** Hands {@code body} to {@code handler} as a one-message batch, the way its event source would deliver it. */
    public static SQSBatchResponse deliver(RequestHandler<SQSEvent, SQSBatchResponse> handler, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(message));
        return handler.handleRequest(batch, null);
    }
}
