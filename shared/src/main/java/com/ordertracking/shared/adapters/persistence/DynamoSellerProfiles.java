package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.seller.SellerProfiles;
import com.ordertracking.shared.domain.seller.SellerProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link SellerProfiles} on the orders table: {@code pk=SELLER#<sellerId>, sk=PROFILE} (docs/data-model.md). */
public final class DynamoSellerProfiles implements SellerProfiles {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoSellerProfiles(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<SellerProfile> find(String sellerId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.sellerPk(sellerId), TableKeys.PROFILE_SK))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(List.of(PK, SK, TableKeys.ENTITY));
        return Optional.of(Json.convert(json, SellerProfile.class));
    }

    @Override
    public boolean put(SellerProfile profile) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(profile)));
        item.put(PK, AttributeValue.fromS(TableKeys.sellerPk(profile.sellerId())));
        item.put(SK, AttributeValue.fromS(TableKeys.PROFILE_SK));
        item.put(TableKeys.ENTITY, AttributeValue.fromS("SellerProfile"));
        try {
            if (profile.version() <= 1) {
                dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected",
                                AttributeValue.fromN(Long.toString(profile.version() - 1)))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
