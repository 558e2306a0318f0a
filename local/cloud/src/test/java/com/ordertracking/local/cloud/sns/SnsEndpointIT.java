package com.ordertracking.local.cloud.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The SNS endpoint driven by the real SDK v2 SnsClient, delivering into ElasticMQ. */
class SnsEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static LocalSnsStack stack;
    private static SnsClient sns;
    private static SqsClient sqs;

    @BeforeAll
    static void startStack() {
        stack = new LocalSnsStack();
        sns = stack.sns;
        sqs = stack.sqs;
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private static String topic(String prefix) {
        return sns.createTopic(r -> r.name(unique(prefix))).topicArn();
    }

    private record Queue(String name, String url, String arn) {}

    private static Queue queue(String prefix) {
        String name = unique(prefix);
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        return new Queue(name, url, LocalSnsStack.queueArn(name));
    }

    private static String subscribe(String topicArn, Queue queue, Map<String, String> attributes) {
        return sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
    }

    /** Receives (and deletes) until exactly {@code count} messages have come, then checks nothing else waits. */
    private static List<Message> receive(Queue queue, int count) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queue.url()).receiptHandle(m.receiptHandle())));
            received.addAll(batch);
            return received.size() >= count;
        });
        assertThat(received).hasSize(count);
        assertNoMessages(queue);
        return received;
    }

    /** Delivery happens before Publish answers, so an empty receive right now means nothing was delivered. */
    private static void assertNoMessages(Queue queue) {
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages()).isEmpty();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }

    @Test
    void create_topic_is_idempotent_and_topics_are_listed_and_described() {
        String name = unique("orders");
        String arn = sns.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "Orders"))).topicArn();
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name).isEqualTo(stack.snsEndpoint.topicArn(name));
        assertThat(sns.createTopic(r -> r.name(name)).topicArn()).isEqualTo(arn);

        assertThat(sns.listTopicsPaginator().topics()).extracting(Topic::topicArn).containsOnlyOnce(arn);

        Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("TopicArn", arn).containsEntry("DisplayName", "Orders")
                .containsEntry("Owner", "000000000000").containsEntry("SubscriptionsConfirmed", "0")
                .containsKey("Policy");

        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("DisplayName").attributeValue("Orders & co"));
        assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes()).containsEntry("DisplayName", "Orders & co");

        assertThatThrownBy(() -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Owner").attributeValue("x")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("bad name!")))
                .isInstanceOf(InvalidParameterException.class);

        sns.deleteTopic(r -> r.topicArn(arn));
        assertThat(sns.listTopicsPaginator().topics()).extracting(Topic::topicArn).doesNotContain(arn);
        sns.deleteTopic(r -> r.topicArn(arn)); // deleting again is no error in SNS
    }

    @Test
    void errors_come_back_as_sns_error_responses() {
        String missing = stack.snsEndpoint.topicArn("no-such-topic");
        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn(missing)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(missing).message("x")))
                .isInstanceOf(NotFoundException.class);
        String arn = topic("errors");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint("not-an-arn")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint(LocalSnsStack.queueArn("q"))
                .attributes(Map.of("FilterPolicy", "{\"a\": \"not-a-list\"}"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FilterPolicy");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("x")
                .messageAttributes(Map.of("n", number("twelve")))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void publish_delivers_the_sns_envelope_to_a_subscribed_queue() throws Exception {
        String topicArn = topic("envelope");
        Queue queue = queue("envelope");
        String subscriptionArn = subscribe(topicArn, queue, Map.of());
        assertThat(subscriptionArn).startsWith(topicArn + ":");

        Instant before = Instant.now().minusSeconds(1);
        PublishResponse published = sns.publish(r -> r.topicArn(topicArn).subject("Order shipped")
                .message("{\"orderId\":\"o-1\",\"status\":\"SHIPPED\"}")
                .messageAttributes(Map.of("status", string("SHIPPED"), "qty", number("3"),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromUtf8String("hi")).build())));
        assertThat(published.messageId()).isNotBlank();
        assertThat(published.sequenceNumber()).isNull();

        JsonNode envelope = json(receive(queue, 1).getFirst().body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(published.messageId());
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(envelope.path("Subject").asText()).isEqualTo("Order shipped");
        assertThat(json(envelope.path("Message").asText()).path("status").asText()).isEqualTo("SHIPPED");
        assertThat(envelope.path("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(envelope.path("Timestamp").asText())).isAfter(before);
        assertThat(envelope.path("SignatureVersion").asText()).isEqualTo("1");
        assertThat(Base64.getDecoder().decode(envelope.path("Signature").asText())).isNotEmpty();
        assertThat(envelope.path("SigningCertURL").asText()).startsWith(stack.snsEndpoint.endpoint().toString());
        assertThat(envelope.path("UnsubscribeURL").asText()).contains("Action=Unsubscribe");
        JsonNode attributes = envelope.path("MessageAttributes");
        assertThat(attributes.path("status").path("Type").asText()).isEqualTo("String");
        assertThat(attributes.path("status").path("Value").asText()).isEqualTo("SHIPPED");
        assertThat(attributes.path("qty").path("Type").asText()).isEqualTo("Number");
        assertThat(attributes.path("qty").path("Value").asText()).isEqualTo("3");
        assertThat(attributes.path("blob").path("Type").asText()).isEqualTo("Binary");
        assertThat(attributes.path("blob").path("Value").asText()).isEqualTo(Base64.getEncoder().encodeToString("hi".getBytes()));

        // The UnsubscribeURL in the envelope works like the real one.
        HttpResponse<String> unsubscribed = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(envelope.path("UnsubscribeURL").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("<UnsubscribeResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">");
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void raw_message_delivery_passes_body_and_attributes_through() {
        String topicArn = topic("raw");
        Queue raw = queue("raw");
        Queue wrapped = queue("wrapped");
        subscribe(topicArn, raw, Map.of("RawMessageDelivery", "true"));
        subscribe(topicArn, wrapped, Map.of());

        sns.publish(r -> r.topicArn(topicArn).message("plain <text> & more").messageAttributes(Map.of(
                "status", string("PAID"), "total", number("12.50"),
                "sig", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("b")).build())));

        Message message = receive(raw, 1).getFirst();
        assertThat(message.body()).isEqualTo("plain <text> & more");
        assertThat(message.messageAttributes().get("status").stringValue()).isEqualTo("PAID");
        assertThat(message.messageAttributes().get("total").dataType()).isEqualTo("Number");
        assertThat(message.messageAttributes().get("total").stringValue()).isEqualTo("12.50");
        assertThat(message.messageAttributes().get("sig").binaryValue().asUtf8String()).isEqualTo("b");
        assertThat(receive(wrapped, 1).getFirst().body()).contains("\"Type\":\"Notification\"");
    }

    @Test
    void attribute_filter_policy_keeps_only_matching_messages() throws Exception {
        String topicArn = topic("filtered");
        Queue all = queue("all");
        Queue shipped = queue("shipped");
        subscribe(topicArn, all, Map.of("RawMessageDelivery", "true"));
        String filtered = subscribe(topicArn, shipped, Map.of("RawMessageDelivery", "true", "FilterPolicy", """
                {"status": ["SHIPPED", "DELIVERED"], "total": [{"numeric": [">", 0, "<=", 100]}]}"""));

        sns.publish(r -> r.topicArn(topicArn).message("1 shipped small")
                .messageAttributes(Map.of("status", string("SHIPPED"), "total", number("50"))));
        sns.publish(r -> r.topicArn(topicArn).message("2 shipped big")
                .messageAttributes(Map.of("status", string("SHIPPED"), "total", number("500"))));
        sns.publish(r -> r.topicArn(topicArn).message("3 created")
                .messageAttributes(Map.of("status", string("CREATED"), "total", number("10"))));
        sns.publish(r -> r.topicArn(topicArn).message("4 no attributes"));
        sns.publish(r -> r.topicArn(topicArn).message("5 delivered")
                .messageAttributes(Map.of("status", string("DELIVERED"), "total", number("100"))));

        assertThat(receive(all, 5)).hasSize(5);
        assertThat(receive(shipped, 2)).extracting(Message::body)
                .containsExactlyInAnyOrder("1 shipped small", "5 delivered");

        Map<String, String> attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(filtered)).attributes();
        assertThat(json(attributes.get("FilterPolicy")).path("status").get(0).asText()).isEqualTo("SHIPPED");
        assertThat(attributes).containsEntry("FilterPolicyScope", "MessageAttributes")
                .containsEntry("RawMessageDelivery", "true").containsEntry("PendingConfirmation", "false");
    }

    @Test
    void body_filter_policy_set_later_looks_into_the_json_message() {
        String topicArn = topic("body");
        Queue queue = queue("body");
        String subscriptionArn = subscribe(topicArn, queue, Map.of("RawMessageDelivery", "true"));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("FilterPolicyScope").attributeValue("MessageBody"));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn).attributeName("FilterPolicy")
                .attributeValue("""
                        {"order": {"status": [{"anything-but": "CANCELLED"}], "seller": {"id": [{"prefix": "s-"}]}}}"""));

        sns.publish(r -> r.topicArn(topicArn).message("{\"order\":{\"status\":\"PAID\",\"seller\":{\"id\":\"s-1\"}}}"));
        sns.publish(r -> r.topicArn(topicArn).message("{\"order\":{\"status\":\"CANCELLED\",\"seller\":{\"id\":\"s-1\"}}}"));
        sns.publish(r -> r.topicArn(topicArn).message("{\"order\":{\"status\":\"PAID\",\"seller\":{\"id\":\"x-1\"}}}"));
        sns.publish(r -> r.topicArn(topicArn).message("not json at all"));

        assertThat(receive(queue, 1).getFirst().body()).contains("\"PAID\"").contains("s-1");

        // Removing the policy lets everything through again.
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn).attributeName("FilterPolicy").attributeValue(""));
        sns.publish(r -> r.topicArn(topicArn).message("not json at all"));
        assertThat(receive(queue, 1).getFirst().body()).isEqualTo("not json at all");
    }

    @Test
    void direct_sms_and_sms_subscriptions_land_in_the_outbox() {
        PublishResponse direct = sns.publish(r -> r.phoneNumber("+15555550100").message("Your order shipped")
                .messageAttributes(Map.of("AWS.SNS.SMS.SMSType", string("Transactional"),
                        "AWS.SNS.SMS.SenderID", string("SHOP"))));
        assertThat(stack.outbox.messagesTo("+15555550100")).singleElement().satisfies(m -> {
            assertThat(m.protocol()).isEqualTo("sms");
            assertThat(m.message()).isEqualTo("Your order shipped");
            assertThat(m.attributes()).containsEntry("AWS.SNS.SMS.SMSType", "Transactional");
            assertThat(m.topicArn()).isNull();
            assertThat(m.messageId()).isEqualTo(direct.messageId());
        });

        String topicArn = topic("sms");
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sms").endpoint("+15555550101")
                .attributes(Map.of("FilterPolicy", "{\"channel\": [\"sms\"]}")));
        sns.publish(r -> r.topicArn(topicArn).message("skipped").messageAttributes(Map.of("channel", string("email"))));
        sns.publish(r -> r.topicArn(topicArn).message("sent").messageAttributes(Map.of("channel", string("sms"))));
        assertThat(stack.outbox.messagesTo("+15555550101")).extracting(OutboxMessage::message).containsExactly("sent");

        assertThatThrownBy(() -> sns.publish(r -> r.phoneNumber("call me").message("x")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void email_subscription_is_confirmed_at_once_and_gets_messages() throws Exception {
        String topicArn = topic("email");
        List<OutboxMessage> heard = new ArrayList<>();
        try (Outbox.Registration ignored = stack.outbox.addListener(m -> {
            if (m.endpoint().endsWith("@example.com")) {
                synchronized (heard) {
                    heard.add(m);
                }
            }
        })) {
            String emailArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint("seller@example.com")
                    .returnSubscriptionArn(true)).subscriptionArn();
            sns.subscribe(r -> r.topicArn(topicArn).protocol("email-json").endpoint("ops@example.com"));
            assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(emailArn)).attributes())
                    .containsEntry("PendingConfirmation", "false").containsEntry("Protocol", "email");

            List<OutboxMessage> confirmation = stack.outbox.messagesTo("seller@example.com");
            assertThat(confirmation).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("AWS Notification - Subscription Confirmation");
                assertThat(m.message()).contains(topicArn).contains("Action=ConfirmSubscription");
            });
            // The token in the confirmation confirms the subscription it belongs to.
            String token = confirmation.getFirst().messageId();
            assertThat(sns.confirmSubscription(r -> r.topicArn(topicArn).token(token)).subscriptionArn()).isEqualTo(emailArn);

            sns.publish(r -> r.topicArn(topicArn).subject("Daily report").message("3 orders shipped"));
            assertThat(stack.outbox.messagesTo("seller@example.com")).hasSize(2).last().satisfies(m -> {
                assertThat(m.protocol()).isEqualTo("email");
                assertThat(m.subject()).isEqualTo("Daily report");
                assertThat(m.message()).isEqualTo("3 orders shipped");
                assertThat(m.topicArn()).isEqualTo(topicArn);
            });
            OutboxMessage json = stack.outbox.messagesTo("ops@example.com").getLast();
            assertThat(json.protocol()).isEqualTo("email-json");
            assertThat(json(json.message()).path("Message").asText()).isEqualTo("3 orders shipped");
        }
        synchronized (heard) {
            assertThat(heard).hasSize(4);
        }
    }

    @Test
    void message_structure_json_sends_each_protocol_its_own_text() throws Exception {
        String topicArn = topic("structured");
        Queue queue = queue("structured");
        subscribe(topicArn, queue, Map.of());
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sms").endpoint("+15555550102"));
        sns.publish(r -> r.topicArn(topicArn).messageStructure("json")
                .message("{\"default\": \"fallback\", \"sms\": \"short text\"}"));

        assertThat(json(receive(queue, 1).getFirst().body()).path("Message").asText()).isEqualTo("fallback");
        assertThat(stack.outbox.messagesTo("+15555550102")).extracting(OutboxMessage::message).containsExactly("short text");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topicArn).messageStructure("json").message("{\"sms\": \"x\"}")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void publish_batch_reports_successes_and_failures_per_entry() throws Exception {
        String topicArn = topic("batch");
        Queue queue = queue("batch");
        subscribe(topicArn, queue, Map.of());

        PublishBatchResponse response = sns.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("first").subject("S1")
                        .messageAttributes(Map.of("n", number("1"))).build(),
                PublishBatchRequestEntry.builder().id("b").message("second").build(),
                PublishBatchRequestEntry.builder().id("c").message("bad").messageAttributes(Map.of("n", number("x"))).build()));

        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(response.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("c");
            assertThat(f.code()).isEqualTo("InvalidParameter");
            assertThat(f.senderFault()).isTrue();
        });
        List<JsonNode> envelopes = new ArrayList<>();
        for (Message m : receive(queue, 2)) {
            envelopes.add(json(m.body()));
        }
        assertThat(envelopes).extracting(e -> e.path("Message").asText()).containsExactlyInAnyOrder("first", "second");
        assertThat(envelopes).filteredOn(e -> e.path("Message").asText().equals("first")).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("Subject").asText()).isEqualTo("S1");
                    assertThat(e.path("MessageAttributes").path("n").path("Value").asText()).isEqualTo("1");
                    assertThat(e.path("MessageId").asText()).isEqualTo(response.successful().getFirst().messageId());
                });

        assertThatThrownBy(() -> sns.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("x").message("1").build(),
                PublishBatchRequestEntry.builder().id("x").message("2").build())))
                .hasMessageContaining("same Id");
    }

    @Test
    void fifo_topic_passes_group_and_deduplication_to_a_fifo_queue() throws Exception {
        String topicArn = sns.createTopic(r -> r.name(unique("events") + ".fifo")
                .attributes(Map.of("FifoTopic", "true"))).topicArn();
        String name = unique("events") + ".fifo";
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        Queue queue = new Queue(name, url, LocalSnsStack.queueArn(name));
        subscribe(topicArn, queue, Map.of("RawMessageDelivery", "true"));

        PublishResponse first = sns.publish(r -> r.topicArn(topicArn).message("a").messageGroupId("order-1")
                .messageDeduplicationId("d-1"));
        PublishResponse second = sns.publish(r -> r.topicArn(topicArn).message("b").messageGroupId("order-1")
                .messageDeduplicationId("d-2"));
        PublishResponse duplicate = sns.publish(r -> r.topicArn(topicArn).message("a again")
                .messageGroupId("order-1").messageDeduplicationId("d-1"));
        assertThat(first.sequenceNumber()).hasSize(20);
        assertThat(second.sequenceNumber()).isGreaterThan(first.sequenceNumber());
        assertThat(duplicate.messageId()).isEqualTo(first.messageId());

        List<Message> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            // One at a time: a FIFO group hands out the next message only once the earlier one is deleted.
            sqs.receiveMessage(rq -> rq.queueUrl(url).waitTimeSeconds(1)
                    .messageSystemAttributeNamesWithStrings("MessageGroupId")).messages().forEach(m -> {
                messages.add(m);
                sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
            });
            return messages.size() >= 2;
        });
        assertThat(messages).extracting(Message::body).containsExactly("a", "b");
        assertThat(messages.getFirst().attributesAsStrings()).containsEntry("MessageGroupId", "order-1");
        assertNoMessages(queue);

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topicArn).message("no group")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topicArn).message("no dedup").messageGroupId("g")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void subscriptions_are_listed_and_unsubscribe_stops_delivery() {
        String topicArn = topic("unsub");
        Queue queue = queue("unsub");
        String arn = subscribe(topicArn, queue, Map.of());
        assertThat(subscribe(topicArn, queue, Map.of())).as("subscribing again is idempotent").isEqualTo(arn);

        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).singleElement()
                .satisfies(s -> {
                    assertThat(s.subscriptionArn()).isEqualTo(arn);
                    assertThat(s.protocol()).isEqualTo("sqs");
                    assertThat(s.endpoint()).isEqualTo(queue.arn());
                    assertThat(s.owner()).isEqualTo("000000000000");
                });
        assertThat(sns.listSubscriptionsPaginator().subscriptions()).extracting(Subscription::subscriptionArn).contains(arn);
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes()).containsEntry("SubscriptionsConfirmed", "1");

        sns.publish(r -> r.topicArn(topicArn).message("before"));
        receive(queue, 1);
        sns.unsubscribe(r -> r.subscriptionArn(arn));
        sns.publish(r -> r.topicArn(topicArn).message("after"));
        assertNoMessages(queue);
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).isEmpty();
        assertThatThrownBy(() -> sns.unsubscribe(r -> r.subscriptionArn(arn))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrent_requests_are_all_served() throws Exception {
        String name = unique("concurrent");
        Queue queue = queue("concurrent");
        int threads = 8;
        int perThread = 10;
        List<String> arns = Collections.synchronizedList(new ArrayList<>());
        try (var executor = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    String arn = sns.createTopic(r -> r.name(name)).topicArn();
                    arns.add(arn);
                    subscribe(arn, queue, Map.of("RawMessageDelivery", "true"));
                    for (int i = 0; i < perThread; i++) {
                        String body = thread + "-" + i;
                        sns.publish(r -> r.topicArn(arn).message(body));
                    }
                    return null;
                }));
            }
            for (var future : futures) {
                future.get();
            }
        }
        assertThat(arns).hasSize(threads).containsOnly(stack.snsEndpoint.topicArn(name));
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(arns.getFirst())).subscriptions()).hasSize(1);
        assertThat(receive(queue, threads * perThread)).extracting(Message::body).doesNotHaveDuplicates();
    }

    @Test
    void a_missing_queue_does_not_fail_the_publish() {
        String topicArn = topic("missing-queue");
        Queue queue = queue("present");
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(LocalSnsStack.queueArn("never-created")));
        subscribe(topicArn, queue, Map.of());
        assertThat(sns.publish(r -> r.topicArn(topicArn).message("still delivered")).messageId()).isNotBlank();
        receive(queue, 1);
    }

    @Test
    void sms_attributes_are_stored() {
        sns.setSMSAttributes(r -> r.attributes(Map.of("DefaultSMSType", "Transactional", "DefaultSenderID", "SHOP")));
        assertThat(sns.getSMSAttributes(r -> r.attributes("DefaultSMSType")).attributes())
                .containsExactly(Map.entry("DefaultSMSType", "Transactional"));
        assertThat(sns.getSMSAttributes(r -> { }).attributes()).containsEntry("DefaultSenderID", "SHOP");
    }

    @Test
    void stop_refuses_connections_and_restart_keeps_topics_and_subscriptions() {
        String topicArn = topic("restart");
        Queue queue = queue("restart");
        subscribe(topicArn, queue, Map.of("RawMessageDelivery", "true"));
        int port = stack.snsEndpoint.port();
        sns.publish(r -> r.topicArn(topicArn).message("before stop"));

        stack.snsEndpoint.stop();
        try {
            assertThat(stack.snsEndpoint.isRunning()).isFalse();
            assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topicArn).message("while stopped")))
                    .isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(ConnectException.class);
        } finally {
            stack.snsEndpoint.start();
        }
        assertThat(stack.snsEndpoint.port()).isEqualTo(port);
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes()).containsEntry("SubscriptionsConfirmed", "1");
        sns.publish(r -> r.topicArn(topicArn).message("after restart"));
        assertThat(receive(queue, 2)).extracting(Message::body).containsExactlyInAnyOrder("before stop", "after restart");

        stack.snsEndpoint.restart();
        assertThat(sns.listTopicsPaginator().topics()).extracting(Topic::topicArn).contains(topicArn);
    }

    @Test
    void stopping_mid_stream_loses_nothing_a_publisher_retries() throws Exception {
        String topicArn = topic("midstream");
        Queue queue = queue("midstream");
        subscribe(topicArn, queue, Map.of("RawMessageDelivery", "true"));
        int total = 60;
        AtomicInteger published = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (var executor = Executors.newSingleThreadExecutor()) {
            Future<?> publisher = executor.submit(() -> {
                for (int i = 0; i < total; i++) {
                    String body = "m-" + i;
                    // Retry until SNS takes it, as a producer with an outbox would.
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                        try {
                            sns.publish(r -> r.topicArn(topicArn).message(body));
                            return true;
                        } catch (SdkClientException e) {
                            refused.incrementAndGet();
                            return false;
                        }
                    });
                    published.incrementAndGet();
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> published.get() >= 10);
            stack.snsEndpoint.stop();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() > 0);
            } finally {
                stack.snsEndpoint.start();
            }
            publisher.get();
        }
        // At least once: a publish answered by nobody may have been delivered before the stop; none is lost.
        List<String> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                    .forEach(m -> {
                        bodies.add(m.body());
                        sqs.deleteMessage(d -> d.queueUrl(queue.url()).receiptHandle(m.receiptHandle()));
                    });
            return bodies.stream().distinct().count() == total;
        });
        assertThat(refused.get()).isPositive();
    }
}
