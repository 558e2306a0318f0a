package com.ordertracking.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.sns.OutboxMessage;
import com.ordertracking.local.runtime.invoke.FunctionInstance;
import com.ordertracking.local.runtime.sqs.SqsEventSourceConfig;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The defect this guards against: the first concurrent invocations of a cold function all stalled and timed out
 * together, and a notifier timed out after its SMS was sent was retried and texted the buyer again. Here the real
 * template's notifier, never invoked before, gets a burst of batches at once on its default concurrency; every buyer
 * must get exactly one text, every message must be consumed, and no invocation may time out.
 */
class ConcurrentColdNotificationsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NOTIFIER = "SendNotificationsFunction";
    private static final int BATCHES = 5;
    private static final int MESSAGES_PER_BATCH = 10;
    private static LocalRuntime runtime;

    @BeforeAll
    static void startRuntime() {
        runtime = LocalRuntime.start(new LocalRuntime.Options(LocalCloud.findTemplate(), 0, null));
        await().atMost(Duration.ofSeconds(60)).until(runtime::isReady);
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void cold_notifier_under_concurrent_batches_texts_every_buyer_exactly_once_without_timeouts() {
        FunctionInstance notifier = runtime.functions().get(NOTIFIER);
        assertThat(notifier.instancesCreated()).as("the notifier is cold").isZero();
        assertThat(SqsEventSourceConfig.DEFAULT_MAXIMUM_CONCURRENCY).as("the mapping may scale out").isGreaterThan(1);

        // GIVEN buyers who want a text on every moment
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> buyers = IntStream.range(0, BATCHES * MESSAGES_PER_BATCH).mapToObj(i -> "cold-" + run + "-" + i).toList();
        Map<String, String> phoneOf = buyers.stream().collect(Collectors.toMap(Function.identity(),
                buyer -> "+1415%07d".formatted(Math.floorMod((run + buyer).hashCode(), 10_000_000))));
        assertThat(phoneOf.values()).doesNotHaveDuplicates();
        buyers.forEach(buyer -> {
            HttpResponse<String> response = put("/me/notification-preferences", token(buyer),
                    Json.write(Map.of("phone", phoneOf.get(buyer), "channels", Map.of("sms", true, "email", false))));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        });

        // WHEN each buyer's order ships and the events land on the notifier's queue in concurrent batches
        String queueUrl = runtime.cloud().physicalName("NotificationsQueue");
        List<CompletableFuture<Void>> sends = IntStream.range(0, BATCHES).mapToObj(b -> CompletableFuture.runAsync(() -> {
            List<SendMessageBatchRequestEntry> entries = buyers.subList(b * MESSAGES_PER_BATCH, (b + 1) * MESSAGES_PER_BATCH)
                    .stream().map(buyer -> SendMessageBatchRequestEntry.builder().id(buyer)
                            .messageBody(Json.write(shipped(buyer))).build()).toList();
            var result = runtime.cloud().sqs().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            assertThat(result.failed()).isEmpty();
        })).toList();
        sends.forEach(CompletableFuture::join);

        // THEN every message is consumed (nothing left to redeliver) and each buyer got one text
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(smsTo(phoneOf.values())).hasSize(buyers.size());
            assertThat(messagesLeft(queueUrl)).isZero();
        });
        assertThat(notifier.timeouts()).as("invocations that timed out").isZero();
        Map<String, Long> textsPerPhone = smsTo(phoneOf.values()).stream()
                .collect(Collectors.groupingBy(OutboxMessage::endpoint, Collectors.counting()));
        assertThat(textsPerPhone).hasSize(buyers.size()).allSatisfy((phone, texts) -> assertThat(texts).isEqualTo(1L));
    }

    private static OrderEvent shipped(String buyer) {
        String orderId = "ord-" + buyer;
        Instant now = Instant.now();
        var shipment = new OrderEvent.ShipmentInfo("ups", "1Z" + Math.abs(buyer.hashCode()), ShipmentStatus.INFO_RECEIVED,
                now.plus(Duration.ofDays(3)), now, now, null);
        return new OrderEvent(OrderEvent.SCHEMA_VERSION, OrderEvent.eventId(orderId, 3, OrderEventType.OrderStatusChanged),
                OrderEventType.OrderStatusChanged, now, orderId, 3, "seller-cold", buyer, OrderStatus.SHIPPED,
                OrderStatus.PROCESSED, null, shipment, null, null, null, null, null, "America/New_York");
    }

    private static List<OutboxMessage> smsTo(java.util.Collection<String> phones) {
        return runtime.cloud().outbox().messages().stream()
                .filter(m -> m.protocol().equals("sms") && phones.contains(m.endpoint())).toList();
    }

    private static int messagesLeft(String queueUrl) {
        Map<QueueAttributeName, String> attributes = runtime.cloud().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private static String token(String buyer) {
        HttpResponse<String> response = send("POST", "/_local/tokens", null, Json.write(Map.of("role", "buyer", "sub", buyer)));
        return Json.read(response.body(), Map.class).get("token").toString();
    }

    private static HttpResponse<String> put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.baseUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
