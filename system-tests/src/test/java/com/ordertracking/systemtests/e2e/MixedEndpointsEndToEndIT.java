package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.sns.OutboxMessage;
import com.ordertracking.local.runtime.LocalRuntime;
import com.ordertracking.shared.wiring.Settings;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.TestData;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Each AWS service on its own: SQS and SNS come from a separately started stack (the stand-in for
 * LocalStack or another emulator, named by AWS_ENDPOINT_URL_SQS / AWS_ENDPOINT_URL_SNS), DynamoDB stays
 * embedded in the runtime. Provisioning puts the table on the embedded side and the queues, topics
 * and subscriptions on the external side, and an order's shipped SMS crosses both: DynamoDB stream
 * (embedded) → order-events topic (external) → notifications queue (external) → notifier → SMS
 * (external SNS).
 */
class MixedEndpointsEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static LocalCloud external;
    private static LocalRuntime runtime;
    private static HttpApi client;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path nothing = Path.of(MixedEndpointsEndToEndIT.class.getResource("/external-sqs-sns.yaml").toURI());
        external = LocalCloud.start(new LocalCloud.Options(nothing, Map.of(), null, Settings.of(Map.of())));
        runtime = LocalRuntime.start(new LocalRuntime.Options(LocalCloud.findTemplate(), 0, null, Map.of(
                "AWS_ENDPOINT_URL_SQS", external.endpoints().sqs().toString(),
                "AWS_ENDPOINT_URL_SNS", external.endpoints().sns().toString(),
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"), Map.of()));
        client = new HttpApi(runtime.baseUri());
        await().atMost(WAIT).until(() -> client.send("GET", "/_local/health", null, null, Map.of()).status() == 200);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    void health_names_dynamodb_embedded_and_sqs_and_sns_external_at_their_endpoints() {
        JsonNode services = client.send("GET", "/_local/health", null, null, Map.of()).json().get("services");

        assertThat(services.at("/dynamodb/mode").asText()).isEqualTo("embedded");
        assertThat(services.at("/sqs/mode").asText()).isEqualTo("external");
        assertThat(services.at("/sqs/endpoint").asText()).isEqualTo(external.endpoints().sqs().toString());
        assertThat(services.at("/sns/mode").asText()).isEqualTo("external");
        assertThat(services.at("/sns/endpoint").asText()).isEqualTo(external.endpoints().sns().toString());
    }

    @Test
    void provisioning_puts_tables_on_the_embedded_side_and_queues_and_topics_on_the_external_side() {
        String table = runtime.cloud().physicalName("OrdersTable");
        String notificationsQueue = runtime.cloud().physicalName("NotificationsQueue");
        String orderEventsTopic = runtime.cloud().physicalName("OrderEventsTopic");

        assertThat(runtime.cloud().dynamoDb().listTables().tableNames()).contains(table);
        assertThat(external.dynamoDb().listTables().tableNames()).doesNotContain(table);
        assertThat(external.sqs().listQueues().queueUrls()).contains(notificationsQueue);
        assertThat(external.sns().listTopics().topics()).extracting(Topic::topicArn).contains(orderEventsTopic);
        assertThat(external.sns().listSubscriptionsByTopic(b -> b.topicArn(orderEventsTopic)).subscriptions())
                .isNotEmpty();
    }

    @Test
    void a_shipped_order_reaches_the_buyer_through_the_external_sns_and_sqs() {
        String buyerId = "buyer-" + UUID.randomUUID();
        String phone = "+1415" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        assertThat(client.send("PUT", "/me/notification-preferences", client.token("buyer", buyerId),
                Json.write(Map.of("phone", phone, "channels", Map.of("sms", true, "email", false))), Map.of())
                .status()).isEqualTo(200);
        String seller = client.token("seller", "seller-" + UUID.randomUUID());
        String orderId = client.send("POST", "/orders", seller, TestData.orderBody(buyerId), Map.of())
                .json().get("orderId").asText();
        client.send("POST", "/orders/" + orderId + "/process", seller, null, Map.of());
        String trackingNumber = "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        assertThat(client.send("POST", "/orders/" + orderId + "/ship", seller, Json.write(Map.of("carrier", "ups",
                "trackingNumber", trackingNumber, "estimatedDelivery", Instant.now().plus(Duration.ofDays(2)).toString())),
                Map.of()).status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> external.outbox().messagesTo(phone).stream()
                .anyMatch(m -> m.message().contains(trackingNumber)));
        assertThat(external.outbox().messagesTo(phone)).extracting(OutboxMessage::message)
                .filteredOn(text -> text.contains(trackingNumber)).singleElement().asString()
                .contains(runtime.baseUri() + "/track/" + orderId + "~");
        assertThat(runtime.cloud().outbox().messagesTo(phone)).isEmpty();
        JsonNode localOutbox = client.send("GET", "/_local/outbox", null, null, Map.of()).json();
        assertThat(localOutbox.get("note").asText()).contains("SNS is external");
        assertThat(localOutbox.get("messages")).isEmpty();
    }
}
