package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.application.notification.PreferencesStore;
import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.SellerPreferences;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Buyer and seller notification preferences: {@code pk=BUYER#id|SELLER#id, sk=PREFERENCES}
 * (docs/data-model.md). Puts are conditional on the version read ({@code attribute_not_exists}
 * for the first).
 */
public final class PreferencesRepository implements PreferencesStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public PreferencesRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<BuyerPreferences> buyer(String buyerId) {
        return get(TableKeys.buyerPk(buyerId)).map(json -> Json.convert(json, BuyerPreferences.class));
    }

    @Override
    public Optional<SellerPreferences> seller(String sellerId) {
        return get(TableKeys.sellerPk(sellerId)).map(json -> Json.convert(json, SellerPreferences.class));
    }

    /** Stores {@code preferences} (whose version is one above the stored one). */
    @Override
    public void put(BuyerPreferences preferences) {
        put(TableKeys.buyerPk(preferences.buyerId()), "BuyerPreferences", Json.tree(preferences), preferences.version());
    }

    @Override
    public void put(SellerPreferences preferences) {
        put(TableKeys.sellerPk(preferences.sellerId()), "SellerPreferences", Json.tree(preferences), preferences.version());
    }

    private Optional<ObjectNode> get(String pk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(TableKeys.PREFERENCES_SK)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(java.util.List.of(PK, SK, TableKeys.ENTITY));
        return Optional.of(json);
    }

    private void put(String pk, String entity, com.fasterxml.jackson.databind.JsonNode json, long version) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(json));
        item.put(PK, AttributeValue.fromS(pk));
        item.put(SK, AttributeValue.fromS(TableKeys.PREFERENCES_SK));
        item.put(TableKeys.ENTITY, AttributeValue.fromS(entity));
        try {
            if (version <= 1) {
                dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(version - 1)))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(pk, version - 1);
        }
    }
}
