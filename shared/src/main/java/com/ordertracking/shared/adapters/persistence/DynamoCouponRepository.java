package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.order.BuyerCoupons;
import com.ordertracking.shared.application.order.CouponRepository;
import com.ordertracking.shared.domain.Coupon;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link CouponRepository} on the orders table: {@code pk=COUPON#<sellerId>#<code>, sk=COUPON}. Coupons reserved
 * for a buyer and loyalty offers are also in the {@code ByBuyer} index, by expiry ({@link BuyerCoupons}).
 */
public final class DynamoCouponRepository implements CouponRepository, BuyerCoupons {
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
        String listing = coupon.buyerId() != null ? TableKeys.reservedCouponsPk(coupon.buyerId())
                : coupon.rewardsLoyalty() ? TableKeys.loyaltyCouponsPk(coupon.sellerId()) : null;
        if (listing != null) {
            item.put(TableKeys.BUYER_PK, AttributeValue.fromS(listing));
            item.put(TableKeys.BUYER_SK, AttributeValue.fromS(
                    TableKeys.couponExpirySortKey(coupon.validUntil(), coupon.sellerId(), coupon.code())));
        }
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
        return Optional.of(toCoupon(item));
    }

    private static Coupon toCoupon(Map<String, AttributeValue> item) {
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(List.of(PK, SK, TableKeys.ENTITY, TableKeys.BUYER_PK, TableKeys.BUYER_SK));
        return Json.convert(json, Coupon.class);
    }

    @Override
    public List<Coupon> reservedFor(String buyerId, Instant now, int limit) {
        return unexpired(TableKeys.reservedCouponsPk(buyerId), now, limit);
    }

    @Override
    public List<Coupon> loyaltyOffers(String sellerId, Instant now, int limit) {
        return unexpired(TableKeys.loyaltyCouponsPk(sellerId), now, limit);
    }

    /**
     * One Query of {@code ByBuyer} ({@code gsi3pk = :listing AND gsi3sk > <now>}, soonest expiry first; the index
     * projects keys only), then one BatchGetItem of those coupons.
     */
    private List<Coupon> unexpired(String listing, Instant now, int limit) {
        List<Map<String, AttributeValue>> entries = dynamoDb.query(q -> q.tableName(tableName).indexName(TableKeys.BUYER_INDEX)
                        .keyConditionExpression("gsi3pk = :listing AND gsi3sk > :now")
                        .expressionAttributeValues(Map.of(
                                ":listing", AttributeValue.fromS(listing),
                                ":now", AttributeValue.fromS(TableKeys.sortableTime(now))))
                        .limit(limit))
                .items();
        return BatchReads.itemsOf(dynamoDb, tableName, entries).stream().map(DynamoCouponRepository::toCoupon).toList();
    }

    /** One BatchGetItem of the buyer's redemption counters ({@code REDEMPTION#<buyerId>}) of these coupons. */
    @Override
    public Map<String, Long> redemptionsBy(String buyerId, List<Coupon> coupons) {
        List<Map<String, AttributeValue>> keys = coupons.stream()
                .map(coupon -> OrderItems.key(TableKeys.couponPk(coupon.sellerId(), coupon.code()),
                        TableKeys.couponRedemptionSk(buyerId)))
                .distinct().limit(100).toList();
        Map<String, Long> used = new HashMap<>();
        Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys)
                .projectionExpression("pk, redemptions").consistentRead(true).build());
        while (!request.isEmpty()) {
            BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder()
                    .requestItems(request).build());
            response.responses().getOrDefault(tableName, List.of()).forEach(item -> used.put(
                    item.get(PK).s().substring("COUPON#".length()), Long.parseLong(item.get("redemptions").n())));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return used;
    }
}
