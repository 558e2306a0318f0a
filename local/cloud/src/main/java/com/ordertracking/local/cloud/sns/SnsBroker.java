package com.ordertracking.local.cloud.sns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.ordertracking.local.cloud.sns.SnsDelivery.Notification;

/**
 * The SNS actions over in-memory state. Reads use the concurrent maps directly; changes that touch topics and
 * subscriptions together take {@link #lock}, so a subscription never outlives its topic.
 */
final class SnsBroker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final int PAGE = 100;
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
    private static final Set<String> PROTOCOLS = Set.of("sqs", "sms", "email", "email-json");
    private static final Set<String> TOPIC_SETTABLE = Set.of("DeliveryPolicy", "DisplayName", "Policy",
            "TracingConfig", "KmsMasterKeyId", "SignatureVersion", "ContentBasedDeduplication", "ArchivePolicy",
            "DataProtectionPolicy", "FifoThroughputScope");

    private final String region;
    private final String accountId;
    private final SnsDelivery delivery;
    private final Object lock = new Object();
    private final AtomicLong order = new AtomicLong();
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Map<String, Published> deduplication = new ConcurrentHashMap<>();
    private final Map<String, String> smsAttributes = new ConcurrentHashMap<>();

    /** What a publish answered, remembered for FIFO deduplication. */
    private record Published(String messageId, String sequenceNumber, Instant at) {}

    SnsBroker(String region, String accountId, SnsDelivery delivery) {
        this.region = region;
        this.accountId = accountId;
        this.delivery = delivery;
    }

    String topicArn(String name) {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + name;
    }

    /** Runs one action; returns the inner XML of its Result element, or {@code null} for actions without one. */
    String handle(String action, QueryRequest q) {
        if (action == null || action.isEmpty()) {
            throw SnsException.sender("MissingAction", "Missing Action");
        }
        return switch (action) {
            case "CreateTopic" -> createTopic(q);
            case "DeleteTopic" -> deleteTopic(q);
            case "ListTopics" -> listTopics(q);
            case "GetTopicAttributes" -> getTopicAttributes(q);
            case "SetTopicAttributes" -> setTopicAttributes(q);
            case "Subscribe" -> subscribe(q);
            case "ConfirmSubscription" -> confirmSubscription(q);
            case "Unsubscribe" -> unsubscribe(q);
            case "ListSubscriptions" -> listSubscriptions(q, null);
            case "ListSubscriptionsByTopic" -> listSubscriptions(q, topic(q.required("TopicArn")).arn());
            case "GetSubscriptionAttributes" -> getSubscriptionAttributes(q);
            case "SetSubscriptionAttributes" -> setSubscriptionAttributes(q);
            case "Publish" -> publish(q);
            case "PublishBatch" -> publishBatch(q);
            case "SetSMSAttributes" -> setSmsAttributes(q);
            case "GetSMSAttributes" -> getSmsAttributes(q);
            case "CheckIfPhoneNumberIsOptedOut" -> new Xml().element("isOptedOut", "false").body();
            default -> throw SnsException.sender("InvalidAction",
                    "The action " + action + " is not valid for this web service.");
        };
    }

    // ---- topics ----

    private String createTopic(QueryRequest q) {
        String name = q.required("Name");
        Map<String, String> attributes = new HashMap<>(q.map("Attributes", "key", "value"));
        boolean fifo = name.endsWith(".fifo");
        String base = fifo ? name.substring(0, name.length() - ".fifo".length()) : name;
        if (!TOPIC_NAME.matcher(base).matches()) {
            throw SnsException.invalidParameter("Topic Name");
        }
        if (!fifo && "true".equalsIgnoreCase(attributes.get("FifoTopic"))) {
            throw SnsException.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only "
                    + "uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between "
                    + "1 and 256 characters long.");
        }
        for (String attribute : attributes.keySet()) {
            if (!attribute.equals("FifoTopic") && !TOPIC_SETTABLE.contains(attribute) && !isFeedbackAttribute(attribute)) {
                throw SnsException.invalidParameter("Attributes Reason: Unknown attribute " + attribute);
            }
        }
        if (!fifo && attributes.containsKey("ContentBasedDeduplication")) {
            throw SnsException.invalidParameter("Attributes Reason: ContentBasedDeduplication can only be set for "
                    + "FIFO topics");
        }
        String dataProtectionPolicy = q.optional("DataProtectionPolicy");
        if (dataProtectionPolicy != null) {
            attributes.put("DataProtectionPolicy", dataProtectionPolicy);
        }
        // Tags.member.N are accepted and ignored: nothing here reads them.
        if (fifo) {
            // The .fifo suffix is enough locally; SNS also wants FifoTopic=true, which we fill in.
            attributes.put("FifoTopic", "true");
            attributes.putIfAbsent("ContentBasedDeduplication", "false");
        }
        String arn = topicArn(name);
        synchronized (lock) {
            topics.computeIfAbsent(arn, a -> new Topic(a, name, attributes, order.incrementAndGet()));
        }
        return new Xml().element("TopicArn", arn).body();
    }

    private String deleteTopic(QueryRequest q) {
        String arn = q.required("TopicArn");
        synchronized (lock) {
            // Deleting a topic that does not exist is no error in SNS.
            if (topics.remove(arn) != null) {
                subscriptions.values().removeIf(s -> s.topicArn().equals(arn));
                sequences.remove(arn);
                deduplication.keySet().removeIf(k -> k.startsWith(arn + "\n"));
            }
        }
        return null;
    }

    private String listTopics(QueryRequest q) {
        List<Topic> all = topics.values().stream().sorted(Comparator.comparingLong(Topic::order)).toList();
        return page(all, q.optional("NextToken"), "Topics",
                (xml, t) -> xml.open("member").element("TopicArn", t.arn()).close("member"));
    }

    private String getTopicAttributes(QueryRequest q) {
        Topic topic = topic(q.required("TopicArn"));
        long confirmed = subscriptions.values().stream().filter(s -> s.topicArn().equals(topic.arn())).count();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("TopicArn", topic.arn());
        attributes.put("Owner", accountId);
        attributes.put("Policy", defaultPolicy(topic.arn()));
        attributes.put("DisplayName", "");
        attributes.put("SubscriptionsConfirmed", Long.toString(confirmed));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        attributes.put("EffectiveDeliveryPolicy", "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
                + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
                + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
                + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}");
        attributes.putAll(topic.attributes());
        return new Xml().entries("Attributes", attributes).body();
    }

    private String setTopicAttributes(QueryRequest q) {
        String arn = q.required("TopicArn");
        String name = q.required("AttributeName");
        String value = q.optional("AttributeValue");
        if (!TOPIC_SETTABLE.contains(name) && !isFeedbackAttribute(name)) {
            throw SnsException.invalidParameter("AttributeName");
        }
        synchronized (lock) {
            Topic topic = topic(arn);
            if (name.equals("ContentBasedDeduplication") && !topic.fifo()) {
                throw SnsException.invalidParameter("Attributes Reason: ContentBasedDeduplication can only be set "
                        + "for FIFO topics");
            }
            topics.put(arn, topic.withAttribute(name, value == null ? "" : value));
        }
        return null;
    }

    private static boolean isFeedbackAttribute(String name) {
        return name.endsWith("FeedbackRoleArn") || name.endsWith("FeedbackSampleRate");
    }

    private Topic topic(String arn) {
        Topic topic = topics.get(arn);
        if (topic == null) {
            throw SnsException.notFound("Topic does not exist");
        }
        return topic;
    }

    private String defaultPolicy(String topicArn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\",\"SNS:RemovePermission\","
                + "\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\",\"SNS:Publish\"],"
                + "\"Resource\":\"" + topicArn + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\""
                + accountId + "\"}}}]}";
    }

    // ---- subscriptions ----

    private String subscribe(QueryRequest q) {
        String topicArn = q.required("TopicArn");
        String protocol = q.required("Protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsException.invalidParameter("Invalid protocol type: " + protocol
                    + " (the local SNS endpoint supports sqs, sms, email and email-json)");
        }
        String endpoint = q.required("Endpoint");
        validateEndpoint(protocol, endpoint);
        Map<String, String> attributes = q.map("Attributes", "key", "value");
        Subscription subscription;
        boolean created;
        synchronized (lock) {
            topic(topicArn);
            Subscription existing = subscriptions.values().stream()
                    .filter(s -> s.topicArn().equals(topicArn) && s.protocol().equals(protocol)
                            && s.endpoint().equals(endpoint))
                    .findFirst().orElse(null);
            // Subscribing the same endpoint again returns the subscription it already has, as SNS does.
            created = existing == null;
            subscription = created
                    ? Subscription.create(topicArn + ":" + UUID.randomUUID(), topicArn, protocol, endpoint, attributes,
                            order.incrementAndGet())
                    : existing;
            subscriptions.put(subscription.arn(), subscription);
        }
        if (created && protocol.startsWith("email")) {
            delivery.confirmation(subscription);
        }
        return new Xml().element("SubscriptionArn", subscription.arn()).body();
    }

    private void validateEndpoint(String protocol, String endpoint) {
        switch (protocol) {
            case "sqs" -> SnsDelivery.QueueArn.parse(endpoint);
            case "sms" -> {
                if (!PHONE.matcher(endpoint).matches()) {
                    throw SnsException.invalidParameter("SMS endpoint: " + endpoint);
                }
            }
            default -> {
                if (!endpoint.contains("@")) {
                    throw SnsException.invalidParameter("Email address");
                }
            }
        }
    }

    private String confirmSubscription(QueryRequest q) {
        String topicArn = q.required("TopicArn");
        String token = q.required("Token");
        topic(topicArn);
        Subscription subscription = subscriptions.get(topicArn + ":" + token);
        if (subscription == null) {
            throw SnsException.invalidParameter("Token");
        }
        return new Xml().element("SubscriptionArn", subscription.arn()).body();
    }

    private String unsubscribe(QueryRequest q) {
        if (subscriptions.remove(q.required("SubscriptionArn")) == null) {
            throw SnsException.notFound("Subscription does not exist");
        }
        return null;
    }

    private String listSubscriptions(QueryRequest q, String topicArn) {
        List<Subscription> all = subscriptions.values().stream()
                .filter(s -> topicArn == null || s.topicArn().equals(topicArn))
                .sorted(Comparator.comparingLong(Subscription::order)).toList();
        return page(all, q.optional("NextToken"), "Subscriptions", (xml, s) -> xml.open("member")
                .element("SubscriptionArn", s.arn()).element("Owner", accountId).element("Protocol", s.protocol())
                .element("Endpoint", s.endpoint()).element("TopicArn", s.topicArn()).close("member"));
    }

    private String getSubscriptionAttributes(QueryRequest q) {
        Subscription s = subscription(q.required("SubscriptionArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("SubscriptionArn", s.arn());
        attributes.put("TopicArn", s.topicArn());
        attributes.put("Owner", accountId);
        attributes.put("Protocol", s.protocol());
        attributes.put("Endpoint", s.endpoint());
        attributes.put("ConfirmationWasAuthenticated", "true");
        attributes.put("PendingConfirmation", "false");
        attributes.put("RawMessageDelivery", "false");
        if (s.filterPolicy() != null) {
            attributes.put("FilterPolicyScope", s.filterPolicy().scope().attributeValue());
        }
        attributes.putAll(s.attributes());
        return new Xml().entries("Attributes", attributes).body();
    }

    private String setSubscriptionAttributes(QueryRequest q) {
        String arn = q.required("SubscriptionArn");
        String name = q.required("AttributeName");
        String value = q.optional("AttributeValue");
        synchronized (lock) {
            subscriptions.put(arn, subscription(arn).withAttribute(name, value));
        }
        return null;
    }

    private Subscription subscription(String arn) {
        Subscription subscription = subscriptions.get(arn);
        if (subscription == null) {
            throw SnsException.notFound("Subscription does not exist");
        }
        return subscription;
    }

    // ---- publishing ----

    private String publish(QueryRequest q) {
        String phone = q.optional("PhoneNumber");
        String topicArn = q.optional("TopicArn");
        String targetArn = q.optional("TargetArn");
        int targets = (phone != null ? 1 : 0) + (topicArn != null ? 1 : 0) + (targetArn != null ? 1 : 0);
        if (targets != 1) {
            throw SnsException.invalidParameter(targets == 0
                    ? "TopicArn or TargetArn Reason: no value for required parameter"
                    : "Exactly one of TopicArn, TargetArn or PhoneNumber must be given");
        }
        if (phone != null) {
            if (!PHONE.matcher(phone).matches()) {
                throw SnsException.invalidParameter("PhoneNumber Reason: " + phone + " is not valid to publish to");
            }
            Notification notification = notification(q, null, null, null, null);
            delivery.sms(phone, notification);
            return new Xml().element("MessageId", notification.messageId()).body();
        }
        List<Map.Entry<Subscription, Notification>> deliveries = new ArrayList<>();
        Published published = publishToTopic(topic(topicArn != null ? topicArn : targetArn), q, deliveries);
        delivery.deliverAll(deliveries);
        return new Xml().element("MessageId", published.messageId())
                .element("SequenceNumber", published.sequenceNumber()).body();
    }

    private String publishBatch(QueryRequest q) {
        Topic topic = topic(q.required("TopicArn"));
        String entriesPrefix = "PublishBatchRequestEntries";
        int count = q.memberCount(entriesPrefix);
        if (count == 0) {
            throw SnsException.sender("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (count > 10) {
            throw SnsException.sender("TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible.");
        }
        List<QueryRequest> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int n = 1; n <= count; n++) {
            QueryRequest entry = q.member(entriesPrefix, n);
            if (!ids.add(entry.required("Id"))) {
                throw SnsException.sender("BatchEntryIdsNotDistinct", "Two or more batch entries in the request "
                        + "have the same Id.");
            }
            entries.add(entry);
        }
        Xml successful = new Xml().open("Successful");
        Xml failed = new Xml().open("Failed");
        List<Map.Entry<Subscription, Notification>> deliveries = new ArrayList<>();
        for (QueryRequest entry : entries) {
            try {
                Published published = publishToTopic(topic, entry, deliveries);
                successful.open("member").element("Id", entry.required("Id"))
                        .element("MessageId", published.messageId())
                        .element("SequenceNumber", published.sequenceNumber()).close("member");
            } catch (SnsException e) {
                failed.open("member").element("Id", entry.required("Id")).element("Code", e.code())
                        .element("Message", e.getMessage()).element("SenderFault", "true").close("member");
            }
        }
        delivery.deliverAll(deliveries); // after the whole batch: a queue gets its messages in batches, in order
        return successful.close("Successful").body() + failed.close("Failed").body();
    }

    /** Publishes one message; its deliveries are added to {@code deliveries} for the caller to hand over. */
    private Published publishToTopic(Topic topic, QueryRequest q, List<Map.Entry<Subscription, Notification>> deliveries) {
        String groupId = blankToNull(q.optional("MessageGroupId"));
        String deduplicationId = blankToNull(q.optional("MessageDeduplicationId"));
        String sequenceNumber = null;
        if (topic.fifo()) {
            if (groupId == null) {
                throw SnsException.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
            }
            if (deduplicationId == null) {
                if (!topic.contentBasedDeduplication()) {
                    throw SnsException.invalidParameter("The topic should either have ContentBasedDeduplication "
                            + "enabled or MessageDeduplicationId provided explicitly");
                }
                deduplicationId = HexFormat.of().formatHex(SnsDelivery.sha256(q.required("Message")));
            }
            Published earlier = deduplication.get(topic.arn() + "\n" + deduplicationId);
            if (earlier != null && earlier.at().plus(DEDUPLICATION_WINDOW).isAfter(Instant.now())) {
                // Same deduplication id within five minutes: accepted, answered as before, not delivered again.
                return earlier;
            }
            sequenceNumber = "1" + String.format("%019d",
                    sequences.computeIfAbsent(topic.arn(), a -> new AtomicLong()).incrementAndGet());
        }
        Notification notification = notification(q, topic.arn(), groupId, deduplicationId, sequenceNumber);
        Published published = new Published(notification.messageId(), sequenceNumber, notification.timestamp());
        if (topic.fifo()) {
            Instant expired = Instant.now().minus(DEDUPLICATION_WINDOW);
            deduplication.values().removeIf(p -> p.at().isBefore(expired));
            deduplication.put(topic.arn() + "\n" + deduplicationId, published);
        }
        List<Subscription> targets = subscriptions.values().stream()
                .filter(s -> s.topicArn().equals(topic.arn()))
                .sorted(Comparator.comparingLong(Subscription::order)).toList();
        for (Subscription subscription : targets) {
            FilterPolicy policy = subscription.filterPolicy();
            if (policy == null || policy.matches(notification.attributes(),
                    notification.messageFor(subscription.protocol()))) {
                deliveries.add(Map.entry(subscription, notification));
            }
        }
        return published;
    }

    /** Reads and validates the message fields shared by Publish and PublishBatch entries. */
    private Notification notification(QueryRequest q, String topicArn, String groupId, String deduplicationId,
                                      String sequenceNumber) {
        String message = q.optional("Message");
        if (message == null || message.isEmpty()) {
            throw SnsException.invalidParameter("Empty message");
        }
        String subject = q.optional("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() > 100 || subject.contains("\n"))) {
            throw SnsException.invalidParameter("Subject");
        }
        Map<String, MessageAttribute> attributes = q.messageAttributes("MessageAttributes");
        int size = message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> e : attributes.entrySet()) {
            MessageAttribute a = e.getValue();
            if (a.isNumber() && FilterPolicy.parseNumber(a.value()) == null) {
                throw SnsException.invalidParameter("Could not cast message attribute '" + e.getKey()
                        + "' value to number.");
            }
            size += e.getKey().length() + a.dataType().length() + a.value().length();
        }
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsException.invalidParameter("Message too long");
        }
        Map<String, String> perProtocol = null;
        if ("json".equals(q.optional("MessageStructure"))) {
            perProtocol = perProtocol(message);
        }
        return new Notification(UUID.randomUUID().toString(), topicArn, subject, message, perProtocol, attributes,
                Instant.now(), groupId, deduplicationId, sequenceNumber);
    }

    private static Map<String, String> perProtocol(String message) {
        JsonNode json;
        try {
            json = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw SnsException.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (json == null || !json.isObject() || !json.path("default").isTextual()) {
            throw SnsException.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        Map<String, String> perProtocol = new HashMap<>();
        json.properties().forEach(e -> perProtocol.put(e.getKey(), e.getValue().asText()));
        return perProtocol;
    }

    // ---- SMS attributes ----

    private String setSmsAttributes(QueryRequest q) {
        // The SMS actions use lower-case member names in the SNS API.
        smsAttributes.putAll(q.map("attributes", "key", "value"));
        // Its output shape exists but is empty: botocore insists on the empty Result element.
        return "";
    }

    private String getSmsAttributes(QueryRequest q) {
        List<String> wanted = q.list("attributes");
        Map<String, String> selected = new LinkedHashMap<>();
        smsAttributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> wanted.isEmpty() || wanted.contains(e.getKey()))
                .forEach(e -> selected.put(e.getKey(), e.getValue()));
        return new Xml().entries("attributes", selected).body();
    }

    // ---- helpers ----

    /** Pages of 100 with the index of the next item as NextToken. */
    private static <T> String page(List<T> all, String nextToken, String listTag,
                                   BiConsumer<Xml, T> member) {
        int from;
        try {
            from = nextToken == null || nextToken.isEmpty() ? 0 : Integer.parseInt(nextToken);
        } catch (NumberFormatException e) {
            throw SnsException.invalidParameter("NextToken");
        }
        if (from < 0 || from > all.size()) {
            throw SnsException.invalidParameter("NextToken");
        }
        int to = Math.min(all.size(), from + PAGE);
        Xml xml = new Xml().open(listTag);
        all.subList(from, to).forEach(item -> member.accept(xml, item));
        xml.close(listTag);
        if (to < all.size()) {
            xml.element("NextToken", Integer.toString(to));
        }
        return xml.body();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
