package com.ordertracking.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.shared.wiring.AwsClients;
import com.ordertracking.shared.wiring.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SnapStart priming runs the real clients' request path (marshalling, endpoint, signing) and is stopped before
 * transmission: against the embedded stack, no item is written, no message queued, nothing published. The local
 * JVM cannot take a checkpoint, so the hook is invoked the way the runtime would, and the global org.crac context
 * is asked to run its resources as well.
 */
class SnapStartPrimingIT {
    private static LocalCloud cloud;

    @BeforeAll
    static void startStack() {
        cloud = LocalCloud.start(LocalCloud.Options.fromEnvironment(LocalCloud.findTemplate())
                .withAws(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local")));
    }

    @AfterAll
    static void stopStack() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void primingExercisesEveryClientWithoutSideEffects() throws Exception {
        Map<String, String> env = new HashMap<>(cloud.functionEnvironment("ShipOrderFunction"));
        env.putAll(cloud.functionEnvironment("PublishOrderEventsFunction"));
        env.put("TRACKING_EVENTS_QUEUE_URL", cloud.functionEnvironment("ReceiveCarrierWebhookFunction")
                .get("TRACKING_EVENTS_QUEUE_URL"));
        AwsClients clients = new AwsClients(Settings.of(env));
        clients.dynamoDb();
        clients.sqs();
        clients.sns();

        clients.priming().beforeCheckpoint(null);

        assertThat(clients.priming().primed()).containsExactly("json", "dynamodb", "sqs", "sns");
        assertThat(cloud.dynamoDb().scan(s -> s.tableName(env.get("ORDERS_TABLE"))).count()).isZero();
        // SNS deliveries from order-events land in subscribed queues: every queue must be empty.
        for (String queueUrl : cloud.sqs().listQueues().queueUrls()) {
            assertThat(cloud.sqs().getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes())
                    .as(queueUrl)
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0");
        }
        assertThat(cloud.outbox().messages()).isEmpty();
    }

    @Test
    void clientsStillSendOutsidePriming() {
        AwsClients clients = new AwsClients(Settings.of(cloud.functionEnvironment("ShipOrderFunction")));
        String table = cloud.functionEnvironment("ShipOrderFunction").get("ORDERS_TABLE");

        assertThat(clients.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NOPE"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NOPE")))).hasItem()).isFalse();
    }
}
