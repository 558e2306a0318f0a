package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.order.CouponRepository;
import com.ordertracking.shared.domain.Coupon;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link CouponRepository} on the orders table: {@code pk=COUPON#<sellerId>#<code>, sk=COUPON}. */
public final class DynamoCouponRepository implements CouponRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoCouponRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean create(Coupon coupon) {
        Map<String, AttributeValue> item = couponItem(coupon);
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A coupon item (also written by {@link DynamoOrderRepository#compensate} in the order's transaction). */
    static Map<String, AttributeValue> couponItem(Coupon coupon) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(coupon)));
        item.put(PK, AttributeValue.fromS(TableKeys.couponPk(coupon.sellerId(), coupon.code())));
        item.put(SK, AttributeValue.fromS(TableKeys.COUPON_SK));
        item.put(TableKeys.ENTITY, AttributeValue.fromS("Coupon"));
        return item;
    }

    @Override
    public Optional<Coupon> find(String sellerId, String code) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.couponPk(sellerId, code), TableKeys.COUPON_SK))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(List.of(PK, SK, TableKeys.ENTITY));
        return Optional.of(Json.convert(json, Coupon.class));
    }
}
