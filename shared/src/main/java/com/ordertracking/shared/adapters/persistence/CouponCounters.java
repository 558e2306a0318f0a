package com.ordertracking.shared.adapters.persistence;

import com.ordertracking.shared.application.order.OrderRepository.CouponRedemption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** A coupon's redemption counters, written in the order's create transaction so they stay exact. */
final class CouponCounters {
    private final String tableName;

    CouponCounters(String tableName) {
        this.tableName = tableName;
    }

    /** The coupon's exact counter: +1 only while below the overall limit. */
    TransactWriteItem redeem(CouponRedemption redemption) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        String condition = "attribute_exists(pk)";
        if (redemption.maxRedemptions() != null) {
            condition += " AND redemptions < :max";
            values.put(":max", AttributeValue.fromN(redemption.maxRedemptions().toString()));
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName)
                .key(OrderItems.key(TableKeys.couponPk(redemption.sellerId(), redemption.code()), TableKeys.COUPON_SK))
                .updateExpression("SET redemptions = redemptions + :one")
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .build()).build();
    }

    /** The buyer's counter for this coupon (created on first use): +1 only while below the per-buyer limit. */
    TransactWriteItem countBuyer(CouponRedemption redemption, String orderId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":entity", AttributeValue.fromS("CouponRedemption"));
        values.put(":buyer", AttributeValue.fromS(redemption.buyerId()));
        values.put(":order", AttributeValue.fromSs(List.of(orderId)));
        String condition = null;
        if (redemption.maxRedemptionsPerBuyer() != null) {
            condition = "attribute_not_exists(redemptions) OR redemptions < :max";
            values.put(":max", AttributeValue.fromN(redemption.maxRedemptionsPerBuyer().toString()));
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName)
                .key(OrderItems.key(TableKeys.couponPk(redemption.sellerId(), redemption.code()),
                        TableKeys.couponRedemptionSk(redemption.buyerId())))
                .updateExpression("SET redemptions = if_not_exists(redemptions, :zero) + :one, entity = :entity,"
                        + " buyerId = :buyer ADD orderIds :order")
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .build()).build();
    }
}
