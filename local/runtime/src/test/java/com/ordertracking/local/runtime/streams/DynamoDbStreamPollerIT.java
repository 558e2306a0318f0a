package com.ordertracking.local.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.local.runtime.invoke.FunctionInvocationException;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import com.ordertracking.local.runtime.streams.DynamoDbStreamConfig.StartingPosition;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

class DynamoDbStreamPollerIT {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DynamoDBProxyServer dynamoDbLocal;
    private static SQSRestServer elasticMq;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) { // DynamoDB Local needs a concrete port
            port = socket.getLocalPort();
        }
        dynamoDbLocal = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port)});
        dynamoDbLocal.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
        int sqsPort = elasticMq.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + sqsPort))
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        dynamoDb.close();
        streams.close();
        sqs.close();
        dynamoDbLocal.stop();
        elasticMq.stopAndWait();
    }

    private static String createTable() {
        String name = "orders-" + UUID.randomUUID();
        return dynamoDb.createTable(b -> b.tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().tableName();
    }

    private static void put(String table, String pk, String status) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                "status", AttributeValue.fromS(status))));
    }

    private static String key(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getEventName() + ":" + record.getDynamodb().getKeys().get("pk").getS();
    }

    @Test
    void delivers_inserts_modifies_and_removes_in_order() {
        String table = createTable();
        String streamArn = DynamoDbStreamPoller.latestStreamArn(dynamoDb, table);
        List<DynamodbEvent.DynamodbStreamRecord> seen = new CopyOnWriteArrayList<>();
        HandlerInvoker function = (event, trigger) -> {
            seen.addAll(((DynamodbEvent) event).getRecords());
            return null;
        };
        var config = new DynamoDbStreamConfig("Projector", streamArn, StartingPosition.LATEST, 2, 0, false, -1,
                false, null, "eu-west-1", Duration.ofMillis(10), Duration.ofMillis(50));

        try (var poller = new DynamoDbStreamPoller(config, streams, null, function).start()) {
            await().atMost(Duration.ofSeconds(10)).until(poller::isReady);
            put(table, "o1", "NEW");
            put(table, "o2", "NEW");
            put(table, "o1", "PAID");
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("o2"))));
            put(table, "o3", "NEW");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(seen).hasSize(5));
        }
        assertThat(seen).extracting(DynamoDbStreamPollerIT::key)
                .containsExactly("INSERT:o1", "INSERT:o2", "MODIFY:o1", "REMOVE:o2", "INSERT:o3");
        var modify = seen.get(2);
        assertThat(modify.getDynamodb().getOldImage().get("status").getS()).isEqualTo("NEW");
        assertThat(modify.getDynamodb().getNewImage().get("status").getS()).isEqualTo("PAID");
        assertThat(modify.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.getEventSourceARN()).isEqualTo(streamArn);
        assertThat(modify.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(modify.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(seen.get(3).getDynamodb().getNewImage()).isNull();
        assertThat(seen).extracting(r -> new java.math.BigInteger(r.getDynamodb().getSequenceNumber())).isSorted();
    }

    @Test
    void bisects_retries_and_sends_the_poison_record_to_the_on_failure_queue() throws Exception {
        String table = createTable();
        String streamArn = DynamoDbStreamPoller.latestStreamArn(dynamoDb, table);
        String failureQueue = sqs.createQueue(b -> b.queueName("stream-failures-" + UUID.randomUUID())).queueUrl();
        for (String pk : List.of("a", "b", "poison", "d")) {
            put(table, pk, "NEW");
        }
        List<List<String>> invocations = new CopyOnWriteArrayList<>();
        List<String> succeeded = new CopyOnWriteArrayList<>();
        HandlerInvoker function = (event, trigger) -> {
            List<String> keys = new ArrayList<>();
            ((DynamodbEvent) event).getRecords().forEach(r -> keys.add(r.getDynamodb().getKeys().get("pk").getS()));
            invocations.add(keys);
            if (keys.contains("poison")) {
                throw new FunctionInvocationException("Projector", "IllegalStateException", "poison", null, false);
            }
            succeeded.addAll(keys);
            return null;
        };
        var config = new DynamoDbStreamConfig("Projector", streamArn, StartingPosition.TRIM_HORIZON, 4, 1, true, 2,
                false, failureQueue, null, Duration.ofMillis(10), Duration.ofMillis(50));

        try (var poller = new DynamoDbStreamPoller(config, streams, sqs, function).start()) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(succeeded).containsExactly("a", "b", "d"));
        }
        // [a b poison d] fails → halves [a b] ok, [poison d] fails → [poison] fails (3rd attempt, exhausted), [d] ok
        assertThat(invocations).containsExactly(List.of("a", "b", "poison", "d"), List.of("a", "b"),
                List.of("poison", "d"), List.of("poison"), List.of("d"));
        var messages = sqs.receiveMessage(b -> b.queueUrl(failureQueue).waitTimeSeconds(2)).messages();
        assertThat(messages).hasSize(1);
        JsonNode failure = JSON.readTree(messages.getFirst().body());
        assertThat(failure.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(failure.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(failure.at("/DDBStreamBatchInfo/streamArn").asText()).isEqualTo(streamArn);
        assertThat(failure.at("/DDBStreamBatchInfo/startSequenceNumber").asText())
                .isEqualTo(failure.at("/DDBStreamBatchInfo/endSequenceNumber").asText()).isNotBlank();
        assertThat(failure.at("/DDBStreamBatchInfo/shardId").asText()).startsWith("shardId-");
    }

    @Test
    void partial_batch_response_resumes_from_the_failed_record() {
        String table = createTable();
        String streamArn = DynamoDbStreamPoller.latestStreamArn(dynamoDb, table);
        for (String pk : List.of("a", "flaky", "c")) {
            put(table, pk, "NEW");
        }
        List<List<String>> invocations = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        HandlerInvoker function = (event, trigger) -> {
            var records = ((DynamodbEvent) event).getRecords();
            invocations.add(records.stream().map(r -> r.getDynamodb().getKeys().get("pk").getS()).toList());
            for (var r : records) {
                if (r.getDynamodb().getKeys().get("pk").getS().equals("flaky") && failedOnce.compareAndSet(false, true)) {
                    return new StreamsEventResponse(List.of(
                            new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber())));
                }
            }
            return new StreamsEventResponse(List.of());
        };
        var config = new DynamoDbStreamConfig("Projector", streamArn, StartingPosition.TRIM_HORIZON, 3, 1, false, -1,
                true, null, null, Duration.ofMillis(10), Duration.ofMillis(50));

        try (var poller = new DynamoDbStreamPoller(config, streams, null, function).start()) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(invocations).hasSize(2));
        }
        assertThat(invocations).containsExactly(List.of("a", "flaky", "c"), List.of("flaky", "c"));
    }
}
