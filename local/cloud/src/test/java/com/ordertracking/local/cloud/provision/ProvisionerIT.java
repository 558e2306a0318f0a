package com.ordertracking.local.cloud.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.template.LocalAccount;
import com.ordertracking.local.cloud.template.SamTemplate;
import com.ordertracking.local.cloud.template.TemplateModel;
import com.ordertracking.local.cloud.template.TemplateResolver;
import com.ordertracking.local.cloud.template.FunctionEvent.DynamoDbStreamEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** Provisions the fixture template into in-process DynamoDB Local and ElasticMQ. */
class ProvisionerIT {

    private static DynamoDBProxyServer dynamoServer;
    private static SQSRestServer sqsServer;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static TemplateResolver resolver;

    @BeforeAll
    static void start() throws Exception {
        int dynamoPort;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            dynamoPort = socket.getLocalPort(); // DynamoDB Local needs an explicit port
        }
        dynamoServer = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", String.valueOf(dynamoPort)});
        dynamoServer.start();
        sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0)
                .withAWSRegion(LocalAccount.DEFAULT_REGION).withAWSAccountId(LocalAccount.DEFAULT_ACCOUNT_ID).start();
        int sqsPort = sqsServer.waitUntilStarted().localAddress().getPort();

        URI dynamoUri = URI.create("http://127.0.0.1:" + dynamoPort);
        URI sqsUri = URI.create("http://127.0.0.1:" + sqsPort);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials)
                .region(Region.US_EAST_1).endpointOverride(dynamoUri).build();
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials)
                .region(Region.US_EAST_1).endpointOverride(sqsUri).build();

        LocalAccount account = LocalAccount.defaults().withStackName("it")
                .withEndpoints(new LocalAccount.Endpoints(dynamoUri, sqsUri, null));
        Path fixture = Path.of(ProvisionerIT.class.getResource("/template-fixture.yaml").toURI());
        resolver = new TemplateResolver(SamTemplate.load(fixture), account, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (sqsServer != null) {
            sqsServer.stopAndWait();
        }
        if (dynamoServer != null) {
            dynamoServer.stop();
        }
    }

    @Test
    void creates_tables_with_indexes_streams_and_ttl() {
        ProvisionedResources result = new Provisioner(dynamoDb, sqs, null, resolver).provision();

        TableDescription orders = dynamoDb.describeTable(b -> b.tableName("it-orders-local")).table();
        assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(orders.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(orders.globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactlyInAnyOrder("gsi1", "byStatus");
        assertThat(orders.globalSecondaryIndexes()).allSatisfy(g -> assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
        assertThat(orders.globalSecondaryIndexes()).filteredOn(g -> g.indexName().equals("byStatus")).singleElement()
                .satisfies(g -> {
                    assertThat(g.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
                    assertThat(g.projection().nonKeyAttributes()).containsExactlyInAnyOrder("status", "total");
                });
        assertThat(orders.localSecondaryIndexes()).singleElement().satisfies(l -> assertThat(l.indexName()).isEqualTo("byCreatedAt"));
        assertThat(orders.streamSpecification().streamEnabled()).isTrue();
        assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(orders.latestStreamArn()).isNotBlank();
        assertThat(result.tables().get("OrdersTable").streamArn()).contains(orders.latestStreamArn());
        assertThat(dynamoDb.describeTimeToLive(b -> b.tableName("it-orders-local")).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                });

        TableDescription idem = dynamoDb.describeTable(b -> b.tableName("it-IdempotencyTable")).table();
        assertThat(idem.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
        assertThat(idem.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(idem.globalSecondaryIndexes()).singleElement()
                .satisfies(g -> assertThat(g.provisionedThroughput().readCapacityUnits()).isEqualTo(5L));
        assertThat(result.tables().get("IdempotencyTable").streamArn()).isEmpty();

        assertThat(dynamoDb.describeTable(b -> b.tableName("it-SellersTable")).table().keySchema())
                .singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("sellerId"));
        assertThat(result.tables()).doesNotContainKey("ProdOnlyTable");
    }

    @Test
    void creates_queues_with_redrive_to_the_dead_letter_queue() {
        ProvisionedResources result = new Provisioner(dynamoDb, sqs, null, resolver).provision();

        var dlq = result.queues().get("OrderEventsDlq");
        assertThat(dlq.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:order-events-dlq-local");
        var main = result.queues().get("OrderEventsQueue");
        Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(main.url())
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertThat(attributes).containsEntry("VisibilityTimeout", "120")
                .containsEntry("DelaySeconds", "2")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "10"); // ElasticMQ ignores MessageRetentionPeriod
        assertThat(attributes.get("RedrivePolicy")).contains(dlq.arn()).contains("5");

        var fifo = result.queues().get("NotificationsQueue");
        assertThat(fifo.queueName()).isEqualTo("it-NotificationsQueue.fifo");
        Map<String, String> fifoAttributes = sqs.getQueueAttributes(b -> b.queueUrl(fifo.url())
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertThat(fifoAttributes).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true");
        assertThat(fifoAttributes.get("RedrivePolicy")).contains("notifications-dlq.fifo");

        // Queue URLs the resolver computes reach the same queues as the URLs ElasticMQ returned.
        String computed = TemplateModel.of(resolver).queue("StreamFailuresQueue").orElseThrow().url();
        String returned = result.queues().get("StreamFailuresQueue").url();
        sqs.sendMessage(b -> b.queueUrl(computed).messageBody("hello"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(returned).waitTimeSeconds(2)).messages())
                .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
    }

    @Test
    void running_twice_is_not_an_error_and_keeps_subscriptions_unique() {
        FakeSnsClient sns = new FakeSnsClient();
        ProvisionedResources first = new Provisioner(dynamoDb, sqs, sns, resolver).provision();
        ProvisionedResources second = new Provisioner(dynamoDb, sqs, sns, resolver).provision();

        assertThat(second).isEqualTo(first);
        assertThat(first.snsSkipped()).isFalse();
        assertThat(sns.topics).containsOnlyKeys("arn:aws:sns:us-east-1:000000000000:order-events-local");
        assertThat(sns.subscriptions).hasSize(3);
        assertThat(sns.subscribeCalls).as("second run updates, does not re-subscribe").isEqualTo(3);
        assertThat(first.subscriptions()).containsOnlyKeys(
                "OrderEventsTopic.Subscription[0]", "OrderEventsSubscription", "NotificationsSubscription");
        var filtered = sns.subscriptions.stream().filter(s -> s.arn().equals(first.subscriptions().get("OrderEventsSubscription")))
                .findFirst().orElseThrow();
        assertThat(filtered.endpoint()).isEqualTo(first.queues().get("OrderEventsQueue").arn());
        assertThat(filtered.attributes()).containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicyScope", "MessageBody")
                .containsKey("FilterPolicy");
    }

    @Test
    void brings_existing_queue_attributes_in_line_with_the_template() {
        String url = new Provisioner(dynamoDb, sqs, null, resolver).provision().queues().get("StreamFailuresQueue").url();
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "7")));
        new Provisioner(dynamoDb, sqs, null, resolver).provision(); // CreateQueue now conflicts: must update
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributesAsStrings()).containsEntry("VisibilityTimeout", "30");
    }

    @Test
    void skips_sns_without_client() {
        ProvisionedResources result = new Provisioner(dynamoDb, sqs, null, resolver).provision();
        assertThat(result.snsSkipped()).isTrue();
        assertThat(result.topics()).isEmpty();
        assertThat(result.subscriptions()).isEmpty();
    }

    @Test
    void real_stream_arn_feeds_back_into_the_resolver() {
        ProvisionedResources result = new Provisioner(dynamoDb, sqs, null, resolver).provision();
        String real = dynamoDb.describeTable(b -> b.tableName("it-orders-local")).table().latestStreamArn();

        TemplateResolver applied = result.applyTo(resolver);
        assertThat(applied.getAtt("OrdersTable", "StreamArn", "test")).isEqualTo(real);
        TemplateModel model = TemplateModel.of(applied);
        assertThat(model.table("OrdersTable").orElseThrow().streamArn()).contains(real);
        assertThat(model.function("OrderEventsConsumer").orElseThrow().eventsOfType(DynamoDbStreamEvent.class))
                .singleElement().satisfies(e -> {
                    assertThat(e.table().streamArn()).isEqualTo(real);
                    assertThat(e.table().logicalId()).contains("OrdersTable");
                });
        assertThat(model.queue("OrderEventsQueue").orElseThrow().url()).isEqualTo(result.queues().get("OrderEventsQueue").url());
    }
}
