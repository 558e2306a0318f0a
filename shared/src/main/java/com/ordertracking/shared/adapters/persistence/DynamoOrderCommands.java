package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.REFUNDED_TOTAL;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.Backoff;
import com.ordertracking.shared.application.order.OrderCommands;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.PartialRefund;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link OrderCommands} on the orders table. The key's claim is the {@code IDEMPOTENCY#<owner>#<key>} item of
 * {@code POST /orders} (same key space, same 24 h TTL) with the command's {@code result}; it is put in the
 * command's transaction on condition that no live claim exists. A refund is one UpdateItem of the order (in one
 * transaction with the buyer's spending entry, SpendingLedger.refund) that
 * appends to {@code refunds}, adds to the numeric {@code refundedTotal} on condition that the stored total stays
 * within the order total — exact like the coupon counters — and bumps {@code version}, so writes computed from an
 * earlier read of the order fail their version condition and re-read; its NOTE and claim follow it.
 */
public final class DynamoOrderCommands implements OrderCommands {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private static final int MAX_ATTEMPTS = 12;

    private final OrderWrites writes;
    private final SpendingLedger spending;

    public DynamoOrderCommands(DynamoDbClient dynamoDb, String tableName, Clock clock, DelayRules delayRules) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.writes = new OrderWrites(dynamoDb, tableName, delayRules);
        this.spending = new SpendingLedger(dynamoDb, tableName);
    }

    @Override
    public Optional<Earlier> earlier(Claim claim) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.idempotencyPk(claim.owner(), claim.key()), TableKeys.IDEMPOTENCY_SK))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || Long.parseLong(item.get(EXPIRES_AT).n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        AttributeValue result = item.get("result");
        return Optional.of(new Earlier(item.get("orderId").s(), item.get("requestHash").s(),
                result == null ? "" : result.s()));
    }

    @Override
    public void update(Order order, List<TimelineEntry> newEntries, Claim claim, String result) {
        List<TransactWriteItem> items = writes.orderWrites(order, newEntries);
        int claimAt = addClaim(items, claim, order.orderId(), result);
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(items));
        } catch (TransactionCanceledException e) {
            if (TransactionFailures.conditionFailed(e, claimAt)) {
                throw new KeyClaimed();
            }
            throw OrderWrites.versionConflictOr(order, e);
        }
    }

    @Override
    public boolean compensate(Order order, List<TimelineEntry> newEntries, Coupon coupon, Claim claim) {
        List<TransactWriteItem> items = writes.orderWrites(order, newEntries);
        int couponAt = items.size();
        items.add(writes.couponPut(coupon));
        int claimAt = addClaim(items, claim, order.orderId(), coupon.code());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (TransactionFailures.conditionFailed(e, claimAt)) {
                throw new KeyClaimed();
            }
            if (TransactionFailures.conditionFailed(e, couponAt)) {
                return false;
            }
            throw OrderWrites.versionConflictOr(order, e);
        }
    }

    @Override
    public void refund(Order order, PartialRefund refund, Optional<Integer> expectedRefundCount) {
        BigDecimal limit = order.totals().total().subtract(refund.amount());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":added", AttributeValue.fromL(List.of(AttributeValues.from(Json.tree(refund)))),
                ":none", AttributeValue.fromL(List.of()),
                ":zero", AttributeValue.fromN("0"),
                ":amount", AttributeValue.fromN(refund.amount().toPlainString()),
                ":limit", AttributeValue.fromN(limit.toPlainString()),
                ":one", AttributeValue.fromN("1"),
                ":at", AttributeValue.fromS(refund.at().toString()),
                ":id", AttributeValue.fromS(refund.refundId()),
                ":ids", AttributeValue.fromSs(List.of(refund.refundId()))));
        // Orders stored before refunds existed have none of these attributes: nothing was refunded yet.
        StringBuilder condition = new StringBuilder("attribute_exists(pk) AND NOT contains(#ids, :id)"
                + " AND (attribute_not_exists(#total) OR #total <= :limit)");
        if (expectedRefundCount.isPresent()) {
            values.put(":count", AttributeValue.fromN(expectedRefundCount.get().toString()));
            condition.append(expectedRefundCount.get() == 0
                    ? " AND (attribute_not_exists(refunds) OR size(refunds) = :count)"
                    : " AND size(refunds) = :count");
        }
        // One transaction with the buyer's spending entry (docs/data-model.md#spending): the order update's
        // conditions guard both, so a refund is counted in the entry exactly when it is stored.
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                        .key(OrderItems.key(TableKeys.orderPk(order.orderId()), TableKeys.ORDER_SK))
                        .updateExpression("SET refunds = list_append(if_not_exists(refunds, :none), :added),"
                                + " #total = if_not_exists(#total, :zero) + :amount, version = version + :one,"
                                + " updatedAt = :at ADD #ids :ids")
                        .conditionExpression(condition.toString())
                        .expressionAttributeNames(Map.of("#total", REFUNDED_TOTAL, "#ids", TableKeys.REFUND_IDS))
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build()).build(),
                spending.refund(order, refund.amount()));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                if (TransactionFailures.conditionFailed(e, 0)) {
                    Map<String, AttributeValue> old = e.cancellationReasons().getFirst().item();
                    Map<String, AttributeValue> stored = old != null && !old.isEmpty() ? old
                            : dynamoDb.getItem(g -> g.tableName(tableName)
                                    .key(OrderItems.key(TableKeys.orderPk(order.orderId()), TableKeys.ORDER_SK))
                                    .consistentRead(true)).item();
                    AttributeValue ids = stored == null ? null : stored.get(TableKeys.REFUND_IDS);
                    if (ids != null && ids.ss().contains(refund.refundId())) {
                        throw new KeyClaimed();
                    }
                    throw new RefundRefused();
                }
                // Concurrent refunds of one order collide as transactions: each retry re-checks the conditions.
                if (!TransactionFailures.conflictsWithAnotherTransaction(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                Backoff.pause(attempt);
            }
        }
    }

    @Override
    public void recordRefund(String orderId, TimelineEntry entry, Claim claim, String refundId) {
        putUnlessThere(writes.putEntry(orderId, entry).put());
        if (claim != null) {
            List<TransactWriteItem> items = new java.util.ArrayList<>();
            addClaim(items, claim, orderId, refundId);
            putUnlessThere(items.getFirst().put());
        }
    }

    /** A conditional put whose condition failing means it was written before. */
    private void putUnlessThere(Put put) {
        try {
            dynamoDb.putItem(p -> p.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeValues(put.expressionAttributeValues().isEmpty() ? null : put.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            // already there: a retry completing what an earlier attempt started
        }
    }

    /** Adds the claim's put (when there is a claim) and returns its index, or -1. */
    private int addClaim(List<TransactWriteItem> items, Claim claim, String orderId, String result) {
        if (claim == null) {
            return -1;
        }
        items.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(Map.of(
                        PK, AttributeValue.fromS(TableKeys.idempotencyPk(claim.owner(), claim.key())),
                        SK, AttributeValue.fromS(TableKeys.IDEMPOTENCY_SK),
                        TableKeys.ENTITY, AttributeValue.fromS("IdempotencyRecord"),
                        "orderId", AttributeValue.fromS(orderId),
                        "requestHash", AttributeValue.fromS(claim.requestHash()),
                        "result", AttributeValue.fromS(result),
                        EXPIRES_AT, AttributeValue.fromN(Long.toString(claim.expiresAtEpochSecond()))))
                // TTL deletion lags by up to days, so an expired claim counts as absent.
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(
                        Long.toString(clock.instant().getEpochSecond()))))
                .build()).build());
        return items.size() - 1;
    }
}
