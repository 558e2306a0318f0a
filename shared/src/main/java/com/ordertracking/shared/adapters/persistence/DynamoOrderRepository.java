package com.ordertracking.shared.adapters.persistence;

import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link OrderRepository} on the single orders table (layout in docs/data-model.md), one part per
 * responsibility: {@link OrderCreation} (create, idempotency, {@link CouponCounters}), {@link OrderListings}
 * (listings and cursors), {@link OrderWrites} (update, ship, compensation transactions) and {@link OrderItems}
 * (the item mappers); reads of one order and its timeline are here.
 */
public final class DynamoOrderRepository implements OrderRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final OrderCreation creation;
    private final OrderListings listings;
    private final OrderWrites writes;

    /** {@code delayRules} decide each order's due time in the {@code ByDueTime} index. */
    public DynamoOrderRepository(DynamoDbClient dynamoDb, String tableName, Clock clock, DelayRules delayRules) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.writes = new OrderWrites(dynamoDb, tableName, delayRules);
        this.listings = new OrderListings(dynamoDb, tableName);
        this.creation = new OrderCreation(dynamoDb, tableName, clock, delayRules, writes, this::find);
    }

    @Override
    public CreateResult create(Order order, IdempotencyClaim claim, CouponRedemption redemption) {
        return creation.create(order, claim, redemption);
    }

    @Override
    public Optional<CreateResult> replay(IdempotencyClaim claim) {
        return creation.replay(claim);
    }

    @Override
    public Page listBySeller(SellerListing listing) {
        return listings.listBySeller(listing);
    }

    @Override
    public Page listByBuyer(String buyerId, int limit, String cursor) {
        return listings.listByBuyer(buyerId, limit, cursor);
    }

    @Override
    public Optional<Order> find(String orderId) {
        if (!OrderIds.isWellFormed(orderId)) {
            return Optional.empty(); // e.g. a 3 KB path parameter: DynamoDB would reject the key with a 400
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.orderPk(orderId), TableKeys.ORDER_SK))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrderItems.toOrder(item));
    }

    @Override
    public void update(Order order, List<TimelineEntry> newEntries) {
        writes.update(order, newEntries);
    }

    @Override
    public boolean compensate(Order order, List<TimelineEntry> newEntries, Coupon coupon) {
        return writes.compensate(order, newEntries, coupon);
    }

    @Override
    public List<TimelineEntry> timeline(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(tableName)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(TableKeys.orderPk(orderId)),
                                ":prefix", AttributeValue.fromS(TableKeys.TIMELINE_PREFIX)))
                        .consistentRead(true))
                .items()
                .forEach(item -> entries.add(OrderItems.toTimelineEntry(item)));
        return entries;
    }
}
