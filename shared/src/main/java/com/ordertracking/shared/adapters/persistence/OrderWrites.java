package com.ordertracking.shared.adapters.persistence;

import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Changes of a stored order, each one transaction conditional on the version it was computed from:
 * an update, a ship (registering the tracking number) and a compensation (storing the coupon).
 */
final class OrderWrites {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DelayRules delayRules;
    private final SpendingLedger spending;

    OrderWrites(DynamoDbClient dynamoDb, String tableName, DelayRules delayRules) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.delayRules = delayRules;
        this.spending = new SpendingLedger(dynamoDb, tableName);
    }

    void update(Order order, List<TimelineEntry> newEntries) {
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(orderWrites(order, newEntries)));
        } catch (TransactionCanceledException e) {
            throw versionConflictOr(order, e);
        }
    }

    boolean compensate(Order order, List<TimelineEntry> newEntries, Coupon coupon) {
        List<TransactWriteItem> writes = orderWrites(order, newEntries);
        int couponIndex = writes.size();
        writes.add(couponPut(coupon));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (TransactionFailures.conditionFailed(e, couponIndex)) {
                return false;
            }
            throw versionConflictOr(order, e);
        }
    }

    /** A new coupon, on condition that the seller has no coupon with its code yet. */
    TransactWriteItem couponPut(Coupon coupon) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(DynamoCouponRepository.couponItem(coupon))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    /**
     * The order put (conditional on the version it was computed from), the buyer's spending entry for this
     * version (docs/data-model.md#spending) and the new timeline entries.
     */
    List<TransactWriteItem> orderWrites(Order order, List<TimelineEntry> newEntries) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(OrderItems.orderItem(order, delayRules))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(order.version() - 1))))
                .build()).build());
        writes.add(spending.put(order));
        newEntries.forEach(entry -> writes.add(putEntry(order.orderId(), entry)));
        return writes;
    }

    static RuntimeException versionConflictOr(Order order, TransactionCanceledException e) {
        if (TransactionFailures.conditionFailed(e, 0) || TransactionFailures.conflictsWithAnotherTransaction(e)) {
            return new VersionConflictException(order.orderId(), order.version() - 1);
        }
        return e;
    }

    /** The buyer's spending entry for this version of the order (no condition: the order's put guards it). */
    TransactWriteItem spendingEntry(Order order) {
        return spending.put(order);
    }

    /** A timeline entry; the condition makes re-appending the same entry a failed (not a doubled) write. */
    TransactWriteItem putEntry(String orderId, TimelineEntry entry) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(OrderItems.timelineItem(orderId, entry))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }
}
