package com.ordertracking.shared.adapters.persistence.sellerwebhook;

import static com.ordertracking.shared.adapters.persistence.TableKeys.ENTITY;
import static com.ordertracking.shared.adapters.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryRepository;
import com.ordertracking.shared.domain.sellerwebhook.WebhookDelivery;
import com.ordertracking.shared.adapters.persistence.Cursors;
import com.ordertracking.shared.application.order.InvalidCursorException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Deliveries as items {@code WEBHOOK#<webhookId> / DELIVERY#<deliveryId>}, kept 30 days (TTL). The attempt
 * lease is two extra attributes ({@code leaseToken}, {@code leaseUntil} in epoch ms) that a recorded result
 * drops, since it replaces the whole item.
 */
public final class DynamoWebhookDeliveryRepository implements WebhookDeliveryRepository {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final String ENTITY_NAME = "WebhookDelivery";
    private static final Set<String> INTERNAL = Set.of(PK, SK, ENTITY, EXPIRES_AT, "leaseToken", "leaseUntil");

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoWebhookDeliveryRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean createIfAbsent(WebhookDelivery delivery) {
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item(delivery))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<WebhookDelivery> find(String webhookId, String deliveryId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(key(webhookId, deliveryId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(delivery(item));
    }

    @Override
    public Page list(String webhookId, Optional<WebhookDelivery.Status> status, String cursor, int limit) {
        String pk = WebhookKeys.deliveriesPk(webhookId);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pk),
                ":prefix", AttributeValue.fromS(WebhookKeys.DELIVERY_PREFIX)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .scanIndexForward(false).limit(limit);
        status.ifPresent(s -> {
            query.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
            values.put(":status", AttributeValue.fromS(s.name()));
        });
        if (cursor != null) {
            Map<String, AttributeValue> start = Cursors.decode(cursor, Set.of(PK, SK));
            if (!start.get(PK).s().equals(pk) || !start.get(SK).s().startsWith(WebhookKeys.DELIVERY_PREFIX)) {
                throw new InvalidCursorException("does not belong to this listing");
            }
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamoDb.query(query.expressionAttributeValues(values).build());
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Cursors.encode(response.lastEvaluatedKey()) : null;
        return new Page(response.items().stream().map(DynamoWebhookDeliveryRepository::delivery).toList(), next);
    }

    @Override
    public Optional<Lease> lease(WebhookDelivery delivery, Instant now, Duration duration) {
        Lease lease = new Lease(UUID.randomUUID().toString(), now.plus(duration));
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(key(delivery.webhookId(), delivery.deliveryId()))
                    .updateExpression("SET leaseToken = :token, leaseUntil = :until")
                    .conditionExpression(AS_READ_AND_FREE)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(asReadAndFree(delivery, now, Map.of(
                            ":token", AttributeValue.fromS(lease.token()),
                            ":until", AttributeValue.fromN(Long.toString(lease.until().toEpochMilli()))))));
            return Optional.of(lease);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean record(WebhookDelivery next, Lease lease) {
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item(next))
                    .conditionExpression("leaseToken = :token")
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(lease.token()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean postpone(WebhookDelivery delivery, Instant until, Instant now) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(key(delivery.webhookId(), delivery.deliveryId()))
                    .updateExpression("SET nextAttemptAt = :until")
                    .conditionExpression(AS_READ_AND_FREE)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(asReadAndFree(delivery, now,
                            Map.of(":until", AttributeValue.fromS(until.toString())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean reschedule(WebhookDelivery delivery, Instant now) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(key(delivery.webhookId(), delivery.deliveryId()))
                    .updateExpression("SET #status = :pending, nextAttemptAt = :due REMOVE leaseToken, leaseUntil")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":pending", AttributeValue.fromS(WebhookDelivery.Status.PENDING.name()),
                            ":due", AttributeValue.fromS(now.toString()),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Still PENDING with the attempt count and due time as read, and no live lease. */
    private static final String AS_READ_AND_FREE = "#status = :pending AND attempts = :attempts AND nextAttemptAt = :next"
            + " AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)";

    private static Map<String, AttributeValue> asReadAndFree(WebhookDelivery delivery, Instant now,
            Map<String, AttributeValue> updateValues) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(updateValues);
        values.put(":pending", AttributeValue.fromS(WebhookDelivery.Status.PENDING.name()));
        values.put(":attempts", AttributeValue.fromN(Integer.toString(delivery.attempts())));
        values.put(":next", AttributeValue.fromS(delivery.nextAttemptAt().toString()));
        values.put(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        return values;
    }

    private static Map<String, AttributeValue> key(String webhookId, String deliveryId) {
        return Map.of(PK, AttributeValue.fromS(WebhookKeys.deliveriesPk(webhookId)),
                SK, AttributeValue.fromS(WebhookKeys.deliverySk(deliveryId)));
    }

    private static Map<String, AttributeValue> item(WebhookDelivery delivery) {
        Map<String, AttributeValue> item = JsonItems.item(delivery, key(delivery.webhookId(), delivery.deliveryId()),
                ENTITY_NAME);
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(delivery.createdAt().plus(RETENTION).getEpochSecond())));
        return item;
    }

    private static WebhookDelivery delivery(Map<String, AttributeValue> item) {
        return JsonItems.read(item, INTERNAL, WebhookDelivery.class);
    }
}
