package com.ordertracking.local.cloud.sns;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Hands notifications to SQS queues and records SMS and e-mail in the outbox. */
final class SnsDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SnsDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SNS envelopes carry millisecond UTC timestamps such as 2024-01-01T12:00:00.123Z. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One published message, before it is fanned out to the subscriptions. */
    record Notification(String messageId, String topicArn, String subject, String message,
                        Map<String, String> perProtocol, Map<String, MessageAttribute> attributes, Instant timestamp,
                        String groupId, String deduplicationId, String sequenceNumber) {

        /** With MessageStructure=json each protocol may have its own text, else the "default" one. */
        String messageFor(String protocol) {
            return perProtocol == null ? message : perProtocol.getOrDefault(protocol, perProtocol.get("default"));
        }
    }

    private final SqsClient sqs;
    private final Outbox outbox;
    private final Supplier<URI> endpoint;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    SnsDelivery(SqsClient sqs, Outbox outbox, Supplier<URI> endpoint) {
        this.sqs = sqs;
        this.outbox = outbox;
        this.endpoint = endpoint;
    }

    /** Delivers to one subscription; failures are logged, never thrown, because SNS does not fail the publish. */
    void deliver(Subscription subscription, Notification notification) {
        try {
            switch (subscription.protocol()) {
                case "sqs" -> toQueue(subscription, notification);
                case "sms" -> outbox.add(new OutboxMessage("sms", subscription.endpoint(), null,
                        notification.messageFor("sms"), plain(notification.attributes()), notification.timestamp(),
                        notification.topicArn(), notification.messageId()));
                case "email" -> outbox.add(new OutboxMessage("email", subscription.endpoint(),
                        emailSubject(notification), notification.messageFor("email"), plain(notification.attributes()),
                        notification.timestamp(), notification.topicArn(), notification.messageId()));
                case "email-json" -> outbox.add(new OutboxMessage("email-json", subscription.endpoint(),
                        emailSubject(notification), envelope(subscription, notification, "email-json"),
                        plain(notification.attributes()), notification.timestamp(), notification.topicArn(),
                        notification.messageId()));
                default -> LOG.warn("No delivery for protocol {} of {}", subscription.protocol(), subscription.arn());
            }
        } catch (RuntimeException e) {
            LOG.warn("SNS delivery of {} to {} {} failed: {}", notification.messageId(), subscription.protocol(),
                    subscription.endpoint(), e.toString());
        }
    }

    /** A direct SMS publish (PhoneNumber instead of a topic). */
    void sms(String phoneNumber, Notification notification) {
        outbox.add(new OutboxMessage("sms", phoneNumber, null, notification.messageFor("sms"),
                plain(notification.attributes()), notification.timestamp(), null, notification.messageId()));
    }

    /** The e-mail that asks to confirm a subscription; locally the subscription is confirmed already. */
    void confirmation(Subscription subscription) {
        String token = subscription.id();
        String confirmUrl = endpoint.get() + "/?Action=ConfirmSubscription&TopicArn="
                + encode(subscription.topicArn()) + "&Token=" + token;
        String text = "You have chosen to subscribe to the topic:\n" + subscription.topicArn()
                + "\n\nTo confirm this subscription, click or visit the link below (If this was in error no action is "
                + "necessary):\n" + confirmUrl + "\n\n(The local SNS endpoint has confirmed it already.)";
        outbox.add(new OutboxMessage(subscription.protocol(), subscription.endpoint(),
                "AWS Notification - Subscription Confirmation", text, Map.of(), Instant.now(),
                subscription.topicArn(), token));
    }

    private void toQueue(Subscription subscription, Notification notification) {
        QueueArn queue = QueueArn.parse(subscription.endpoint());
        QueueMessage message = queueMessage(subscription, notification, queue);
        SendMessageRequest.Builder request = SendMessageRequest.builder().messageBody(message.body())
                .messageAttributes(message.attributes()).messageGroupId(message.groupId())
                .messageDeduplicationId(message.deduplicationId());
        String cached = queueUrls.get(queue.arn());
        try {
            sqs.sendMessage(request.queueUrl(cached != null ? cached : queueUrl(queue)).build());
        } catch (SdkException e) {
            queueUrls.remove(queue.arn());
            if (cached == null) {
                throw e;
            }
            // The queue may have been recreated under a new URL: look it up once more.
            sqs.sendMessage(request.queueUrl(queueUrl(queue)).build());
        }
    }

    /** What SNS hands one SQS subscription: the body (raw or the JSON envelope) and, for FIFO queues, group and id. */
    private record QueueMessage(String body, Map<String, MessageAttributeValue> attributes, String groupId,
                                String deduplicationId) {
    }

    private QueueMessage queueMessage(Subscription subscription, Notification notification, QueueArn queue) {
        boolean raw = subscription.rawMessageDelivery();
        String body = raw ? notification.messageFor("sqs") : envelope(subscription, notification, "sqs");
        Map<String, MessageAttributeValue> attributes = raw ? sqsAttributes(notification) : null;
        if (!queue.name().endsWith(".fifo")) {
            return new QueueMessage(body, attributes, null, null);
        }
        // A FIFO queue needs both; a standard topic has neither, so fall back to one group and the message id.
        return new QueueMessage(body, attributes,
                notification.groupId() != null ? notification.groupId() : notification.topicArn(),
                notification.deduplicationId() != null ? notification.deduplicationId() : notification.messageId());
    }

    /**
     * Delivers a PublishBatch's notifications: those for one SQS subscription go in SendMessageBatch requests of up
     * to ten, in publish order (one request to ElasticMQ instead of one per message; what the queue receives is the
     * same); every other delivery as {@link #deliver}. A batch that fails as a whole is retried message by message.
     */
    void deliverAll(List<Map.Entry<Subscription, Notification>> deliveries) {
        Map<Subscription, List<Notification>> toQueues = new LinkedHashMap<>();
        for (Map.Entry<Subscription, Notification> d : deliveries) {
            if ("sqs".equals(d.getKey().protocol())) {
                toQueues.computeIfAbsent(d.getKey(), s -> new ArrayList<>()).add(d.getValue());
            } else {
                deliver(d.getKey(), d.getValue());
            }
        }
        toQueues.forEach((subscription, notifications) -> {
            for (int from = 0; from < notifications.size(); from += 10) {
                List<Notification> chunk = notifications.subList(from, Math.min(notifications.size(), from + 10));
                try {
                    toQueue(subscription, chunk);
                } catch (RuntimeException e) {
                    chunk.forEach(n -> deliver(subscription, n));
                }
            }
        });
    }

    private void toQueue(Subscription subscription, List<Notification> notifications) {
        if (notifications.size() == 1) {
            deliver(subscription, notifications.getFirst());
            return;
        }
        QueueArn queue = QueueArn.parse(subscription.endpoint());
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < notifications.size(); i++) {
            QueueMessage message = queueMessage(subscription, notifications.get(i), queue);
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(message.body())
                    .messageAttributes(message.attributes()).messageGroupId(message.groupId())
                    .messageDeduplicationId(message.deduplicationId()).build());
        }
        String cached = queueUrls.get(queue.arn());
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b
                .queueUrl(cached != null ? cached : queueUrl(queue)).entries(entries));
        for (BatchResultErrorEntry failed : response.failed()) {
            LOG.warn("SNS delivery of {} to sqs {} failed: {} {}",
                    notifications.get(Integer.parseInt(failed.id())).messageId(), subscription.endpoint(),
                    failed.code(), failed.message());
        }
    }

    private String queueUrl(QueueArn queue) {
        String url = sqs.getQueueUrl(r -> r.queueName(queue.name())).queueUrl();
        queueUrls.put(queue.arn(), url);
        return url;
    }

    /** The SNS JSON envelope, fields in the order SNS writes them. */
    String envelope(Subscription subscription, Notification n, String protocol) {
        ObjectNode json = JSON.createObjectNode();
        json.put("Type", "Notification");
        json.put("MessageId", n.messageId());
        if (n.sequenceNumber() != null) {
            json.put("SequenceNumber", n.sequenceNumber());
        }
        json.put("TopicArn", n.topicArn());
        if (n.subject() != null) {
            json.put("Subject", n.subject());
        }
        String message = n.messageFor(protocol);
        json.put("Message", message);
        String timestamp = TIMESTAMP.format(n.timestamp());
        json.put("Timestamp", timestamp);
        json.put("SignatureVersion", "1");
        // Nobody can verify a local signature, so a digest of the content stands in for it.
        json.put("Signature", Base64.getEncoder().encodeToString(sha256(n.messageId() + message + timestamp)));
        URI base = endpoint.get();
        json.put("SigningCertURL", base + "/SimpleNotificationService-local.pem");
        json.put("UnsubscribeURL", base + "/?Action=Unsubscribe&SubscriptionArn=" + encode(subscription.arn()));
        if (!n.attributes().isEmpty()) {
            ObjectNode attributes = json.putObject("MessageAttributes");
            n.attributes().forEach((name, a) ->
                    attributes.putObject(name).put("Type", a.envelopeType()).put("Value", a.value()));
        }
        return json.toString();
    }

    private static Map<String, MessageAttributeValue> sqsAttributes(Notification n) {
        Map<String, MessageAttributeValue> mapped = new LinkedHashMap<>();
        n.attributes().forEach((name, a) -> mapped.put(name, a.isBinary()
                ? MessageAttributeValue.builder().dataType(a.dataType())
                        .binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(a.value()))).build()
                : MessageAttributeValue.builder().dataType(a.dataType()).stringValue(a.value()).build()));
        return mapped;
    }

    private static Map<String, String> plain(Map<String, MessageAttribute> attributes) {
        Map<String, String> plain = new LinkedHashMap<>();
        attributes.forEach((name, a) -> plain.put(name, a.value()));
        return plain;
    }

    private static String emailSubject(Notification n) {
        return n.subject() != null ? n.subject() : "AWS Notification Message";
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME}. */
    record QueueArn(String arn, String region, String account, String name) {
        static QueueArn parse(String arn) {
            String[] parts = arn.split(":", -1);
            if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sqs")
                    || parts[3].isEmpty() || parts[4].isEmpty() || parts[5].isEmpty()) {
                throw SnsException.invalidParameter("SQS endpoint ARN");
            }
            return new QueueArn(arn, parts[3], parts[4], parts[5]);
        }
    }
}
