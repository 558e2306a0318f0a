package com.ordertracking.local.cloud.provision;

import com.ordertracking.local.cloud.template.QueueSpec;
import com.ordertracking.local.cloud.template.SubscriptionSpec;
import com.ordertracking.local.cloud.template.TableSpec;
import com.ordertracking.local.cloud.template.TemplateException;
import com.ordertracking.local.cloud.template.TemplateModel;
import com.ordertracking.local.cloud.template.TemplateResolver;
import com.ordertracking.local.cloud.template.TopicSpec;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates every table, queue, topic and subscription of a template in the local services. Idempotent:
 * resources that already exist (second run, {@code --data-dir} persistence, LocalStack) are reused, and
 * queue and subscription attributes are brought in line with the template. Existing tables are left as they
 * are apart from enabling TTL.
 *
 * <pre>{@code
 * var resolver = new TemplateResolver(SamTemplate.load(path), account, overrides);
 * ProvisionedResources created = new Provisioner(dynamoDb, sqs, sns, resolver).provision();
 * TemplateModel model = TemplateModel.of(created.applyTo(resolver)); // real stream ARNs and queue URLs
 * }</pre>
 */
public final class Provisioner {

    private static final System.Logger LOG = System.getLogger(Provisioner.class.getName());
    /** DynamoDB Local insists on throughput for PROVISIONED tables/GSIs; the template may omit it on GSIs. */
    private static final ProvisionedThroughput DEFAULT_THROUGHPUT =
            ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final TemplateResolver resolver;

    /** @param sns may be null: topics and subscriptions are then skipped (reported by {@code snsSkipped}) */
    public Provisioner(DynamoDbClient dynamoDb, SqsClient sqs, SnsClient sns, TemplateResolver resolver) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.sns = sns;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    public ProvisionedResources provision() {
        TemplateModel model = TemplateModel.of(resolver);
        Map<String, ProvisionedResources.Table> tables = new LinkedHashMap<>();
        for (TableSpec table : model.tables()) {
            tables.put(table.logicalId(), createTable(table));
        }
        Map<String, ProvisionedResources.Queue> queues = new LinkedHashMap<>();
        Map<String, String> actualQueueArns = new HashMap<>(); // template ARN -> ARN the service reports
        for (QueueSpec queue : deadLetterQueuesFirst(model)) {
            ProvisionedResources.Queue created = createQueue(queue, actualQueueArns);
            queues.put(queue.logicalId(), created);
            actualQueueArns.put(queue.arn(), created.arn());
        }
        Map<String, ProvisionedResources.Topic> topics = new LinkedHashMap<>();
        Map<String, String> subscriptions = new LinkedHashMap<>();
        boolean hasSns = !model.topics().isEmpty() || !model.subscriptions().isEmpty();
        if (hasSns && sns == null) {
            LOG.log(Level.WARNING, "Template declares SNS topics but no SnsClient was given; skipping SNS");
        } else if (hasSns) {
            Map<String, String> actualTopicArns = new HashMap<>();
            for (TopicSpec topic : model.topics()) {
                ProvisionedResources.Topic created = createTopic(topic);
                topics.put(topic.logicalId(), created);
                actualTopicArns.put(topic.arn(), created.arn());
            }
            for (SubscriptionSpec sub : model.subscriptions()) {
                subscriptions.put(sub.logicalId(), subscribe(sub, actualTopicArns, actualQueueArns));
            }
        }
        return new ProvisionedResources(tables, queues, topics, subscriptions, hasSns && sns == null);
    }

    // ---------------------------------------------------------------- DynamoDB

    private ProvisionedResources.Table createTable(TableSpec t) {
        boolean provisioned = TableSpec.PROVISIONED.equals(t.billingMode());
        CreateTableRequest.Builder req = CreateTableRequest.builder()
                .tableName(t.tableName())
                .keySchema(keys(t.keySchema()))
                .attributeDefinitions(t.attributeDefinitions().entrySet().stream()
                        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                        .toList());
        if (provisioned) {
            req.billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(t.provisionedThroughput().map(Provisioner::throughput).orElse(DEFAULT_THROUGHPUT));
        } else {
            req.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        if (!t.globalSecondaryIndexes().isEmpty()) {
            req.globalSecondaryIndexes(t.globalSecondaryIndexes().stream().map(i -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName(i.indexName())
                        .keySchema(keys(i.keySchema())).projection(projection(i.projection()));
                if (provisioned) {
                    gsi.provisionedThroughput(i.provisionedThroughput().map(Provisioner::throughput).orElse(DEFAULT_THROUGHPUT));
                }
                return gsi.build();
            }).toList());
        }
        if (!t.localSecondaryIndexes().isEmpty()) {
            req.localSecondaryIndexes(t.localSecondaryIndexes().stream().map(i -> LocalSecondaryIndex.builder()
                    .indexName(i.indexName()).keySchema(keys(i.keySchema())).projection(projection(i.projection()))
                    .build()).toList());
        }
        t.streamViewType().ifPresent(view ->
                req.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
        try {
            dynamoDb.createTable(req.build());
            LOG.log(Level.INFO, "Created table {0}", t.tableName());
        } catch (ResourceInUseException exists) {
            LOG.log(Level.DEBUG, "Table {0} already exists", t.tableName());
        }
        TableDescription description = dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(t.tableName()))
                .matched().response().orElseThrow(() -> new IllegalStateException("Table " + t.tableName() + " not created"))
                .table();
        t.ttlAttribute().ifPresent(attribute -> enableTtl(t.tableName(), attribute));
        return new ProvisionedResources.Table(t.tableName(), description.tableArn(),
                Optional.ofNullable(description.latestStreamArn()));
    }

    /** UpdateTimeToLive fails if TTL is already on, so look first (second run, persisted data). */
    private void enableTtl(String tableName, String attribute) {
        var current = dynamoDb.describeTimeToLive(b -> b.tableName(tableName)).timeToLiveDescription();
        if (current != null && (current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING)) {
            return;
        }
        dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)));
    }

    private static List<KeySchemaElement> keys(List<TableSpec.KeyElement> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                .toList();
    }

    private static Projection projection(TableSpec.Projection p) {
        Projection.Builder b = Projection.builder().projectionType(p.projectionType());
        if (!p.nonKeyAttributes().isEmpty()) {
            b.nonKeyAttributes(p.nonKeyAttributes());
        }
        return b.build();
    }

    private static ProvisionedThroughput throughput(TableSpec.Throughput t) {
        return ProvisionedThroughput.builder().readCapacityUnits(t.readCapacityUnits())
                .writeCapacityUnits(t.writeCapacityUnits()).build();
    }

    // ---------------------------------------------------------------- SQS

    /** Redrive targets must exist before the queues pointing at them; also catches redrive cycles. */
    static List<QueueSpec> deadLetterQueuesFirst(TemplateModel model) {
        Set<QueueSpec> ordered = new LinkedHashSet<>();
        for (QueueSpec q : model.queues()) {
            visit(q, model, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private static void visit(QueueSpec q, TemplateModel model, Set<QueueSpec> ordered, Set<String> path) {
        if (ordered.contains(q)) {
            return;
        }
        if (!path.add(q.logicalId())) {
            throw new TemplateException("Redrive cycle between queues " + path);
        }
        q.redrivePolicy().flatMap(r -> model.queueByArn(r.deadLetterTargetArn()))
                .ifPresent(dlq -> visit(dlq, model, ordered, path));
        ordered.add(q);
    }

    private ProvisionedResources.Queue createQueue(QueueSpec q, Map<String, String> actualQueueArns) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(q.visibilityTimeout()));
        attributes.put(QueueAttributeName.DELAY_SECONDS, String.valueOf(q.delaySeconds()));
        attributes.put(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, String.valueOf(q.receiveMessageWaitTimeSeconds()));
        // ElasticMQ ignores (and warns about) these two; only send them when the template changes the default.
        if (q.messageRetentionPeriod() != 345_600) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(q.messageRetentionPeriod()));
        }
        if (q.maximumMessageSize() != 262_144) {
            attributes.put(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, String.valueOf(q.maximumMessageSize()));
        }
        q.redrivePolicy().ifPresent(r -> attributes.put(QueueAttributeName.REDRIVE_POLICY, new QueueSpec.RedrivePolicy(
                actualQueueArns.getOrDefault(r.deadLetterTargetArn(), r.deadLetterTargetArn()), r.maxReceiveCount()).toJson()));
        Map<QueueAttributeName, String> createOnly = new LinkedHashMap<>(attributes);
        if (q.fifo()) {
            // FifoQueue may only be passed at creation, and only as true.
            // ElasticMQ also rejects ContentBasedDeduplication in SetQueueAttributes, so it is creation-only too.
            createOnly.put(QueueAttributeName.FIFO_QUEUE, "true");
            createOnly.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(q.contentBasedDeduplication()));
        }
        String url;
        try {
            url = sqs.createQueue(b -> b.queueName(q.queueName()).attributes(createOnly)).queueUrl();
        } catch (QueueNameExistsException differentAttributes) {
            // Real SQS refuses CreateQueue for an existing queue with other attributes.
            url = sqs.getQueueUrl(b -> b.queueName(q.queueName())).queueUrl();
        }
        String queueUrl = url;
        // ElasticMQ silently returns an existing queue unchanged, so always apply the mutable attributes.
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(attributes));
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new ProvisionedResources.Queue(q.queueName(), url, arn == null ? q.arn() : arn);
    }

    // ---------------------------------------------------------------- SNS

    private ProvisionedResources.Topic createTopic(TopicSpec t) {
        Map<String, String> attributes = new LinkedHashMap<>(t.attributes());
        if (t.fifo()) {
            attributes.put("FifoTopic", "true");
            attributes.put("ContentBasedDeduplication", String.valueOf(t.contentBasedDeduplication()));
        }
        // CreateTopic is idempotent for the same name and attributes.
        String arn = sns.createTopic(b -> b.name(t.topicName()).attributes(attributes)).topicArn();
        return new ProvisionedResources.Topic(t.topicName(), arn);
    }

    private String subscribe(SubscriptionSpec s, Map<String, String> actualTopicArns, Map<String, String> actualQueueArns) {
        String topicArn = actualTopicArns.getOrDefault(s.topicArn(), s.topicArn());
        String endpoint = "sqs".equals(s.protocol()) ? actualQueueArns.getOrDefault(s.endpoint(), s.endpoint()) : s.endpoint();
        List<Subscription> existing = new ArrayList<>();
        sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().forEach(existing::add);
        Optional<Subscription> match = existing.stream()
                .filter(e -> s.protocol().equals(e.protocol()) && endpoint.equals(e.endpoint()))
                .findFirst();
        if (match.isPresent()) {
            // Subscribe with different attributes is an error in AWS: update the existing one in place.
            String arn = match.get().subscriptionArn();
            s.attributes().forEach((name, value) ->
                    sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName(name).attributeValue(value)));
            return arn;
        }
        return sns.subscribe(b -> b.topicArn(topicArn).protocol(s.protocol()).endpoint(endpoint)
                .attributes(s.attributes()).returnSubscriptionArn(true)).subscriptionArn();
    }
}
