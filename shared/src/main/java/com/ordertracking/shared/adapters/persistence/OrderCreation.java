package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.Backoff;
import com.ordertracking.shared.application.order.OrderRepository.CouponLimit;
import com.ordertracking.shared.application.order.OrderRepository.CouponRedemption;
import com.ordertracking.shared.application.order.OrderRepository.CreateResult;
import com.ordertracking.shared.application.order.OrderRepository.IdempotencyClaim;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Creating an order in one transaction: the order, the buyer's spending entry, its first timeline entry,
 * the idempotency claim and the coupon's counters; a claim already taken is answered with the earlier order (a replay).
 */
final class OrderCreation {
    private static final int MAX_ATTEMPTS = 12;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final DelayRules delayRules;
    private final OrderWrites writesOfOrders;
    private final CouponCounters coupons;
    private final Function<String, Optional<Order>> find;

    OrderCreation(DynamoDbClient dynamoDb, String tableName, Clock clock, DelayRules delayRules,
            OrderWrites writesOfOrders, Function<String, Optional<Order>> find) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.delayRules = delayRules;
        this.writesOfOrders = writesOfOrders;
        this.coupons = new CouponCounters(tableName);
        this.find = find;
    }

    CreateResult create(Order order, IdempotencyClaim claim, CouponRedemption redemption) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(OrderItems.orderItem(order, delayRules))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        writes.add(writesOfOrders.spendingEntry(order));
        writes.add(writesOfOrders.putEntry(order.orderId(), TimelineEntry.statusChanged("created",
                order.createdAt(), order.status(), "Order placed", "seller")));
        int claimAt = -1;
        int couponAt = -1;
        int buyerAt = -1;
        if (claim != null) {
            claimAt = writes.size();
            writes.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(tableName)
                    .item(claimItem(claim, order.orderId()))
                    // TTL deletion lags by up to days, so an expired claim counts as absent.
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(
                            Long.toString(clock.instant().getEpochSecond()))))
                    .build()).build());
        }
        if (redemption != null) {
            couponAt = writes.size();
            writes.add(coupons.redeem(redemption));
            buyerAt = writes.size();
            writes.add(coupons.countBuyer(redemption, order.orderId()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(writes));
                return new CreateResult.Created(order);
            } catch (TransactionCanceledException e) {
                if (TransactionFailures.conditionFailed(e, claimAt)) {
                    return replayOf(claim);
                }
                if (TransactionFailures.conditionFailed(e, couponAt)) {
                    return new CreateResult.CouponRefused(CouponLimit.OVERALL);
                }
                if (TransactionFailures.conditionFailed(e, buyerAt)) {
                    return new CreateResult.CouponRefused(CouponLimit.PER_BUYER);
                }
                // Concurrent writers of the same claim or coupon: try again (the counters stay exact
                // because every attempt re-checks them), then replay or refuse.
                if (!TransactionFailures.conflictsWithAnotherTransaction(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                Backoff.pause(attempt);
            }
        }
    }

    private CreateResult replayOf(IdempotencyClaim claim) {
        // The claim vanished between our write and this read (expired and removed): a retry will win.
        return replay(claim).orElseThrow(() -> new IllegalStateException("Idempotency record disappeared; retry the request"));
    }

    Optional<CreateResult> replay(IdempotencyClaim claim) {
        Map<String, AttributeValue> existing = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.idempotencyPk(claim.sellerId(), claim.key()), TableKeys.IDEMPOTENCY_SK))
                .consistentRead(true)).item();
        if (existing == null || existing.isEmpty()
                || Long.parseLong(existing.get(EXPIRES_AT).n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        String orderId = existing.get("orderId").s();
        if (!existing.get("requestHash").s().equals(claim.requestHash())) {
            return Optional.of(new CreateResult.KeyReused(orderId));
        }
        return Optional.of(new CreateResult.Replayed(find.apply(orderId).orElseThrow(
                () -> new IllegalStateException("Idempotency record points to missing order " + orderId))));
    }

    private static Map<String, AttributeValue> claimItem(IdempotencyClaim claim, String orderId) {
        return Map.of(
                PK, AttributeValue.fromS(TableKeys.idempotencyPk(claim.sellerId(), claim.key())),
                SK, AttributeValue.fromS(TableKeys.IDEMPOTENCY_SK),
                TableKeys.ENTITY, AttributeValue.fromS("IdempotencyRecord"),
                "orderId", AttributeValue.fromS(orderId),
                "requestHash", AttributeValue.fromS(claim.requestHash()),
                EXPIRES_AT, AttributeValue.fromN(Long.toString(claim.expiresAtEpochSecond())));
    }
}
