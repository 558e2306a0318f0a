package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Single items stored whole under a {@code version} (preferences, seller profiles): a consistent read, and a
 * put conditional on the version it was computed from ({@code attribute_not_exists} for version 1).
 */
final class VersionedItems {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    VersionedItems(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The item's own fields (keys and entity removed), if it exists. */
    Optional<ObjectNode> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(pk, sk)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(List.of(PK, SK, TableKeys.ENTITY));
        return Optional.of(json);
    }

    /** Stores {@code json} (at {@code version}) if the stored item is at {@code version - 1}; false otherwise. */
    boolean put(String pk, String sk, String entity, JsonNode json, long version) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(json));
        item.put(PK, AttributeValue.fromS(pk));
        item.put(SK, AttributeValue.fromS(sk));
        item.put(TableKeys.ENTITY, AttributeValue.fromS(entity));
        try {
            if (version <= 1) {
                dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(version - 1)))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
