package com.ordertracking.local.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsEventSourcePollerIT {

    private static SQSRestServer server;
    private static SqsClient sqs;

    @BeforeAll
    static void startElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
        InetSocketAddress address = server.waitUntilStarted().localAddress();
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + address.getPort()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        server.stopAndWait();
    }

    private static String createQueue(Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName("q-" + UUID.randomUUID()).attributes(attributes)).queueUrl();
    }

    private static String arn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static int visibleAndInFlight(String queueUrl) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void partial_batch_failure_deletes_only_successes_and_retries_the_failed_one() {
        String queueUrl = createQueue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        List<SQSEvent.SQSMessage> seen = new CopyOnWriteArrayList<>();
        HandlerInvoker function = (event, trigger) -> {
            var failures = new java.util.ArrayList<SQSBatchResponse.BatchItemFailure>();
            for (var record : ((SQSEvent) event).getRecords()) {
                seen.add(record);
                int n = deliveries.computeIfAbsent(record.getBody(), k -> new AtomicInteger()).incrementAndGet();
                if (record.getBody().equals("flaky") && n == 1) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };
        var config = new SqsEventSourceConfig("Consumer", queueUrl, arn(queueUrl), 10, 1, true, null,
                Duration.ZERO, 1, "us-east-1");
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("ok-1").messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("created").build())));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("flaky"));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("ok-2"));

        try (var poller = new SqsEventSourcePoller(config, sqs, function).start()) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(deliveries.get("flaky")).hasValue(2);
                assertThat(visibleAndInFlight(queueUrl)).isZero();
            });
        }
        assertThat(deliveries.get("ok-1")).hasValue(1);
        assertThat(deliveries.get("ok-2")).hasValue(1);

        var first = seen.stream().filter(r -> r.getBody().equals("ok-1")).findFirst().orElseThrow();
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getEventSourceArn()).isEqualTo(arn(queueUrl));
        assertThat(first.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(first.getReceiptHandle()).isNotBlank();
        assertThat(first.getMd5OfBody()).isNotBlank();
        assertThat(first.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp",
                "ApproximateFirstReceiveTimestamp", "SenderId");
        assertThat(first.getMessageAttributes().get("kind").getStringValue()).isEqualTo("created");
        assertThat(first.getMessageAttributes().get("kind").getDataType()).isEqualTo("String");
        var retried = seen.stream().filter(r -> r.getBody().equals("flaky")).toList();
        assertThat(retried.get(1).getAttributes().get("ApproximateReceiveCount")).isEqualTo("2");
    }

    @Test
    void poison_message_reaches_dlq_through_redrive_policy_while_others_are_processed_once() {
        String dlqUrl = createQueue(Map.of());
        String redrive = "{\"maxReceiveCount\":\"3\",\"deadLetterTargetArn\":\"" + arn(dlqUrl) + "\"}";
        String queueUrl = createQueue(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        HandlerInvoker function = (event, trigger) -> {
            for (var record : ((SQSEvent) event).getRecords()) {
                deliveries.computeIfAbsent(record.getBody(), k -> new AtomicInteger()).incrementAndGet();
                if (record.getBody().equals("poison")) {
                    throw new com.ordertracking.local.runtime.invoke.FunctionInvocationException("Consumer",
                            "IllegalStateException", "cannot parse", null, false);
                }
            }
            return null;
        };
        // Batch size 1: a throwing handler fails its whole batch, so isolate the poison message.
        var config = new SqsEventSourceConfig("Consumer", queueUrl, null, 1, 0, false, null, Duration.ZERO, 1,
                null);
        for (String body : List.of("a", "poison", "b", "c")) {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        }

        try (var poller = new SqsEventSourcePoller(config, sqs, function).start()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(visibleAndInFlight(queueUrl)).isZero();
                assertThat(visibleAndInFlight(dlqUrl)).isEqualTo(1);
            });
        }
        assertThat(deliveries.get("poison")).hasValue(3);
        assertThat(deliveries.get("a")).hasValue(1);
        assertThat(deliveries.get("b")).hasValue(1);
        assertThat(deliveries.get("c")).hasValue(1);
        var dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages();
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("poison"));
    }

    @Test
    void scalesOutToMaximumConcurrencyButNeverBeyondAndBackToOneConsumerWhenQuiet() throws Exception {
        String queueUrl = createQueue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        var allBusy = new java.util.concurrent.CountDownLatch(3);
        HandlerInvoker function = (event, trigger) -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            allBusy.countDown();
            try {
                // Hold each batch until three run at once, so the test sees the scale-out (bounded wait).
                allBusy.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (var record : ((SQSEvent) event).getRecords()) {
                deliveries.computeIfAbsent(record.getBody(), k -> new AtomicInteger()).incrementAndGet();
            }
            inFlight.decrementAndGet();
            return null;
        };
        var config = new SqsEventSourceConfig("Consumer", queueUrl, null, 1, 0, false, null, Duration.ZERO, 1,
                null, 3);
        for (int i = 0; i < 30; i++) {
            String body = "m" + i;
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        }

        try (var poller = new SqsEventSourcePoller(config, sqs, function).start()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(deliveries).hasSize(30);
                assertThat(visibleAndInFlight(queueUrl)).isZero();
            });
            assertThat(mostInFlight).hasValue(3);
            assertThat(poller.consumersStarted()).isGreaterThanOrEqualTo(3);
            // An empty long poll retires a consumer until one is left.
            await().atMost(Duration.ofSeconds(15)).until(() -> poller.consumers() == 1);
        }
        assertThat(deliveries.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    }

    @Test
    void closeDoesNotWaitForALongPollAndLosesNoLaterMessage() {
        String queueUrl = createQueue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        var config = new SqsEventSourceConfig("Consumer", queueUrl, null, 10, 0, false, null, Duration.ZERO, 20,
                null);
        var poller = new SqsEventSourcePoller(config, sqs, (event, trigger) -> null).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> poller.consumers() == 1);

        // A consumer blocked in a 20 s receive holds no message: close interrupts it instead of waiting.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), poller::close);
        assertThat(poller.consumers()).isZero();

        // The abandoned receive may still be pending in ElasticMQ and take this message (as when a Lambda mapping
        // is disabled mid-poll); it then comes back after the visibility timeout: delayed, never lost.
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("after-close"));
        assertThat(visibleAndInFlight(queueUrl)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var left = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
            assertThat(left).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("after-close"));
        });
    }

    @Test
    void aTimedOutBatchStaysInvisibleUntilTheVisibilityTimeoutInsteadOfTheQuickRetry() {
        String queueUrl = createQueue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        AtomicInteger deliveries = new AtomicInteger();
        List<String> receipts = new CopyOnWriteArrayList<>();
        HandlerInvoker function = (event, trigger) -> {
            var record = ((SQSEvent) event).getRecords().getFirst();
            receipts.add(record.getReceiptHandle());
            if (deliveries.incrementAndGet() == 1) {
                throw new com.ordertracking.local.runtime.invoke.FunctionInvocationException("Consumer",
                        "Sandbox.Timedout", "Task timed out after 3.00 seconds", null, true);
            }
            return null;
        };
        // Quick retry (0 s) for ordinary failures; a timeout must not use it: the abandoned run may still be going.
        var config = new SqsEventSourceConfig("Consumer", queueUrl, null, 1, 0, false, null, Duration.ZERO, 1,
                null);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("slow"));

        try (var poller = new SqsEventSourcePoller(config, sqs, function).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.get() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> deliveries.get() == 1);
            assertThat(visibleAndInFlight(queueUrl)).isEqualTo(1);

            // What the visibility timeout would do 30 s later: the message comes back and is processed.
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receipts.getFirst())
                    .visibilityTimeout(0));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(deliveries).hasValue(2);
                assertThat(visibleAndInFlight(queueUrl)).isZero();
            });
        }
    }
}
