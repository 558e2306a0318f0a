package com.ordertracking.shared.adapters.persistence.sellerwebhook;

import static com.ordertracking.shared.adapters.persistence.TableKeys.ENTITY;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.sellerwebhook.WebhookEndpointRepository;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEndpoint;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.sellerwebhook.EndpointBreaker;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Seller endpoints as items {@code SELLER#<sellerId> / WEBHOOK#<webhookId>}; every write conditional. */
public final class DynamoWebhookEndpointRepository implements WebhookEndpointRepository {
    private static final String ENTITY_NAME = "WebhookEndpoint";
    /** The circuit breaker's attributes: written by UpdateItem next to the endpoint record, not part of it. */
    static final String BREAKER_FAILURES = "breakerFailures";
    static final String BREAKER_UNTIL = "breakerSuspendedUntil";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoWebhookEndpointRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void create(WebhookEndpoint endpoint) {
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item(endpoint))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(WebhookKeys.endpointSk(endpoint.webhookId()), 0);
        }
    }

    @Override
    public Optional<WebhookEndpoint> find(String sellerId, String webhookId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(key(sellerId, webhookId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(endpoint(item));
    }

    @Override
    public List<WebhookEndpoint> listBySeller(String sellerId) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(WebhookKeys.sellerPk(sellerId)),
                                ":prefix", AttributeValue.fromS(WebhookKeys.ENDPOINT_PREFIX))))
                .items().stream().map(DynamoWebhookEndpointRepository::endpoint)
                .sorted(java.util.Comparator.comparing(WebhookEndpoint::createdAt)).toList();
    }

    @Override
    public void replace(WebhookEndpoint next) {
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item(next))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(next.version() - 1)))));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(WebhookKeys.endpointSk(next.webhookId()), next.version() - 1);
        }
    }

    @Override
    public EndpointBreaker breaker(String sellerId, String webhookId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName).key(key(sellerId, webhookId))
                .consistentRead(true).projectionExpression(BREAKER_FAILURES + ", " + BREAKER_UNTIL)).item();
        if (item == null || !item.containsKey(BREAKER_FAILURES)) {
            return EndpointBreaker.CLOSED;
        }
        AttributeValue until = item.get(BREAKER_UNTIL);
        return new EndpointBreaker(Integer.parseInt(item.get(BREAKER_FAILURES).n()),
                until == null ? null : Instant.parse(until.s()));
    }

    @Override
    public boolean updateBreaker(String sellerId, String webhookId, EndpointBreaker expected, EndpointBreaker next) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":expected", AttributeValue.fromN(Integer.toString(expected.consecutiveFailures())));
        values.put(":failures", AttributeValue.fromN(Integer.toString(next.consecutiveFailures())));
        String update = "SET " + BREAKER_FAILURES + " = :failures";
        if (next.suspendedUntil() == null) {
            update += " REMOVE " + BREAKER_UNTIL;
        } else {
            update += ", " + BREAKER_UNTIL + " = :until";
            values.put(":until", AttributeValue.fromS(next.suspendedUntil().toString()));
        }
        String expression = update;
        String condition = "attribute_exists(pk) AND (" + BREAKER_FAILURES + " = :expected"
                + (expected.consecutiveFailures() == 0 ? " OR attribute_not_exists(" + BREAKER_FAILURES + "))" : ")");
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(key(sellerId, webhookId)).updateExpression(expression)
                    .conditionExpression(condition).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String sellerId, String webhookId) {
        Map<String, AttributeValue> old = dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(sellerId, webhookId))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    private static Map<String, AttributeValue> key(String sellerId, String webhookId) {
        return Map.of(PK, AttributeValue.fromS(WebhookKeys.sellerPk(sellerId)),
                SK, AttributeValue.fromS(WebhookKeys.endpointSk(webhookId)));
    }

    private static Map<String, AttributeValue> item(WebhookEndpoint endpoint) {
        return JsonItems.item(endpoint, key(endpoint.sellerId(), endpoint.webhookId()), ENTITY_NAME);
    }

    private static WebhookEndpoint endpoint(Map<String, AttributeValue> item) {
        return JsonItems.read(item, List.of(PK, SK, ENTITY, BREAKER_FAILURES, BREAKER_UNTIL), WebhookEndpoint.class);
    }
}
