package com.ordertracking.shared.adapters.persistence;

import com.ordertracking.shared.application.Backoff;
import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.application.order.InvalidCursorException;
import com.ordertracking.shared.application.order.TrackingNumberInUseException;
import com.ordertracking.shared.application.VersionConflictException;

import static com.ordertracking.shared.adapters.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link OrderRepository} on the single orders table; layout in docs/data-model.md. */
public final class DynamoOrderRepository implements OrderRepository {
    private static final Set<String> STORAGE_ATTRIBUTES = Set.of(PK, SK, TableKeys.ENTITY, EXPIRES_AT,
            TableKeys.SELLER_PK, TableKeys.SELLER_SK, TableKeys.SELLER_STATUS_PK, TableKeys.SELLER_STATUS_SK,
            TableKeys.BUYER_PK, TableKeys.BUYER_SK, TableKeys.DUE_PK, TableKeys.DUE_SK);
    private static final int MAX_ATTEMPTS = 12;
    /** The {@code entity} attribute of order items. */
    public static final String ORDER_ENTITY = "Order";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final DelayRules delayRules;

    /** {@code delayRules} decide each order's due time in the {@code ByDueTime} index. */
    public DynamoOrderRepository(DynamoDbClient dynamoDb, String tableName, Clock clock, DelayRules delayRules) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.delayRules = delayRules;
    }

    @Override
    public CreateResult create(Order order, IdempotencyClaim claim, CouponRedemption redemption) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(orderItem(order, delayRules))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        writes.add(putEntry(order.orderId(), TimelineEntry.statusChanged("created",
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
            writes.add(redeemCoupon(redemption));
            buyerAt = writes.size();
            writes.add(countBuyerRedemption(redemption, order.orderId()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(writes));
                return new CreateResult.Created(order);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (conditionFailed(reasons, claimAt)) {
                    return replayOf(claim);
                }
                if (conditionFailed(reasons, couponAt)) {
                    return new CreateResult.CouponRefused(CouponLimit.OVERALL);
                }
                if (conditionFailed(reasons, buyerAt)) {
                    return new CreateResult.CouponRefused(CouponLimit.PER_BUYER);
                }
                // Concurrent writers of the same claim or coupon: try again (the counters stay exact
                // because every attempt re-checks them), then replay or refuse.
                if (!inConflictWithAnotherTransaction(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                Backoff.pause(attempt);
            }
        }
    }

    /** The coupon's exact counter: +1 only while below the overall limit. */
    private TransactWriteItem redeemCoupon(CouponRedemption redemption) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        String condition = "attribute_exists(pk)";
        if (redemption.maxRedemptions() != null) {
            condition += " AND redemptions < :max";
            values.put(":max", AttributeValue.fromN(redemption.maxRedemptions().toString()));
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName)
                .key(key(TableKeys.couponPk(redemption.sellerId(), redemption.code()), TableKeys.COUPON_SK))
                .updateExpression("SET redemptions = redemptions + :one")
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .build()).build();
    }

    /** The buyer's counter for this coupon (created on first use): +1 only while below the per-buyer limit. */
    private TransactWriteItem countBuyerRedemption(CouponRedemption redemption, String orderId) {
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
                .key(key(TableKeys.couponPk(redemption.sellerId(), redemption.code()),
                        TableKeys.couponRedemptionSk(redemption.buyerId())))
                .updateExpression("SET redemptions = if_not_exists(redemptions, :zero) + :one, entity = :entity,"
                        + " buyerId = :buyer ADD orderIds :order")
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .build()).build();
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static boolean inConflictWithAnotherTransaction(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    @Override
    public Page listBySeller(SellerListing listing) {
        String from = listing.createdFrom() == null ? null : TableKeys.sortableTime(listing.createdFrom());
        // Inclusive upper bound: every "<time>#<orderId>" key of that millisecond sorts below "<time>#\uffff".
        String to = listing.createdTo() == null ? null : TableKeys.sortableTime(listing.createdTo()) + "#\uffff";
        if (listing.status() == null) {
            return list(TableKeys.SELLER_INDEX, TableKeys.SELLER_PK, TableKeys.SELLER_SK,
                    TableKeys.sellerPk(listing.sellerId()), from, to, listing.limit(), listing.cursor(),
                    listing.delayedOnly());
        }
        return list(TableKeys.SELLER_STATUS_INDEX, TableKeys.SELLER_STATUS_PK, TableKeys.SELLER_STATUS_SK,
                TableKeys.sellerStatusPk(listing.sellerId(), listing.status().name()), from, to, listing.limit(),
                listing.cursor(), listing.delayedOnly());
    }

    @Override
    public Page listByBuyer(String buyerId, int limit, String cursor) {
        return list(TableKeys.BUYER_INDEX, TableKeys.BUYER_PK, TableKeys.BUYER_SK, TableKeys.buyerPk(buyerId),
                null, null, limit, cursor, false);
    }

    /**
     * Newest first on one index partition. Reads one item more than the page so that the last page
     * has no cursor (a bare LastEvaluatedKey would promise a page that may be empty); the cursor is
     * the index key of the page's last item, which is exactly what DynamoDB's LastEvaluatedKey holds.
     */
    private Page list(String index, String pkName, String skName, String pkValue, String from, String to,
            int limit, String cursor, boolean delayedOnly) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(pkValue));
        String condition = pkName + " = :pk";
        if (from != null && to != null) {
            condition += " AND " + skName + " BETWEEN :from AND :to";
        } else if (from != null) {
            condition += " AND " + skName + " >= :from";
        } else if (to != null) {
            condition += " AND " + skName + " <= :to";
        }
        if (from != null) {
            values.put(":from", AttributeValue.fromS(from));
        }
        if (to != null) {
            values.put(":to", AttributeValue.fromS(to));
        }
        Map<String, AttributeValue> start = cursor == null ? null
                : startKey(cursor, pkName, skName, pkValue, from, to);
        String keyCondition = condition;
        if (delayedOnly) {
            return listDelayed(index, pkName, skName, keyCondition, values, limit, start);
        }
        List<Map<String, AttributeValue>> items = dynamoDb.query(q -> q.tableName(tableName)
                .indexName(index)
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit + 1)
                .exclusiveStartKey(start)).items();
        List<Order> orders = items.stream().limit(limit).map(DynamoOrderRepository::toOrder).toList();
        String next = null;
        if (items.size() > limit) {
            next = cursorOf(items.get(limit - 1), pkName, skName);
        }
        return new Page(orders, next);
    }

    /** Index items a delayed listing evaluates per request at most (bounds its latency and read cost). */
    static final int DELAYED_READ_BUDGET = 1_000;

    /**
     * The same partition and range, keeping only orders with a delay flag (a FilterExpression: DynamoDB
     * reads, and charges for, every evaluated item). Pages through the partition until {@code limit + 1}
     * matches, its end, or {@link #DELAYED_READ_BUDGET} evaluated items; in the last case the page may
     * hold fewer than {@code limit} orders and its cursor is where the evaluation stopped.
     * {@code delay} is stored as NULL when absent, hence {@code attribute_type}, not {@code attribute_exists}.
     */
    private Page listDelayed(String index, String pkName, String skName, String keyCondition,
            Map<String, AttributeValue> keyValues, int limit, Map<String, AttributeValue> start) {
        Map<String, AttributeValue> values = new HashMap<>(keyValues);
        values.put(":map", AttributeValue.fromS("M"));
        List<Map<String, AttributeValue>> matches = new ArrayList<>();
        Map<String, AttributeValue> from = start;
        int evaluated = 0;
        while (true) {
            Map<String, AttributeValue> exclusiveStart = from;
            int pageSize = Math.min(DELAYED_READ_BUDGET - evaluated, Math.max(100, 4 * (limit + 1)));
            var response = dynamoDb.query(q -> q.tableName(tableName)
                    .indexName(index)
                    .keyConditionExpression(keyCondition)
                    .filterExpression("attribute_type(delay, :map)")
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(pageSize)
                    .exclusiveStartKey(exclusiveStart));
            evaluated += response.scannedCount();
            for (Map<String, AttributeValue> item : response.items()) {
                matches.add(item);
                if (matches.size() > limit) {
                    List<Order> orders = matches.stream().limit(limit).map(DynamoOrderRepository::toOrder).toList();
                    return new Page(orders, cursorOf(matches.get(limit - 1), pkName, skName));
                }
            }
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            if (!more) {
                return new Page(matches.stream().map(DynamoOrderRepository::toOrder).toList(), null);
            }
            from = response.lastEvaluatedKey();
            if (evaluated >= DELAYED_READ_BUDGET) {
                return new Page(matches.stream().map(DynamoOrderRepository::toOrder).toList(),
                        cursorOf(from, pkName, skName));
            }
        }
    }

    private static String cursorOf(Map<String, AttributeValue> item, String pkName, String skName) {
        return Cursors.encode(Map.of(PK, item.get(PK), SK, item.get(SK), pkName, item.get(pkName),
                skName, item.get(skName)));
    }

    /** Decodes a cursor and checks it points into this very listing (partition and range). */
    private static Map<String, AttributeValue> startKey(String cursor, String pkName, String skName, String pkValue,
            String from, String to) {
        Map<String, AttributeValue> key = Cursors.decode(cursor, Set.of(PK, SK, pkName, skName));
        String indexSk = key.get(skName).s();
        int hash = indexSk.indexOf('#');
        boolean consistent = key.get(pkName).s().equals(pkValue)
                && key.get(SK).s().equals(TableKeys.ORDER_SK)
                && hash > 0
                && key.get(PK).s().equals(TableKeys.orderPk(indexSk.substring(hash + 1)))
                && (from == null || indexSk.compareTo(from) >= 0)
                && (to == null || indexSk.compareTo(to) <= 0);
        if (!consistent) {
            throw new InvalidCursorException("does not belong to this listing (were the filters changed?)");
        }
        return key;
    }

    @Override
    public Optional<Order> find(String orderId) {
        if (!OrderIds.isWellFormed(orderId)) {
            return Optional.empty(); // e.g. a 3 KB path parameter: DynamoDB would reject the key with a 400
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(key(TableKeys.orderPk(orderId), TableKeys.ORDER_SK))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toOrder(item));
    }

    @Override
    public void update(Order order, List<TimelineEntry> newEntries) {
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(orderWrites(order, newEntries)));
        } catch (TransactionCanceledException e) {
            throw versionConflictOr(order, e);
        }
    }

    @Override
    public void ship(Order order, List<TimelineEntry> newEntries) {
        Shipment shipment = order.shipment();
        List<TransactWriteItem> writes = orderWrites(order, newEntries);
        int registrationIndex = writes.size();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(Map.of(
                        PK, AttributeValue.fromS(TableKeys.trackingPk(shipment.carrier(), shipment.trackingNumber())),
                        SK, AttributeValue.fromS(TableKeys.TRACKING_SK),
                        TableKeys.ENTITY, AttributeValue.fromS("TrackingRegistration"),
                        "orderId", AttributeValue.fromS(order.orderId()),
                        "carrier", AttributeValue.fromS(shipment.carrier()),
                        "trackingNumber", AttributeValue.fromS(shipment.trackingNumber()),
                        "registeredAt", AttributeValue.fromS(order.updatedAt().toString())))
                // One carrier+number belongs to one order, for ever.
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > registrationIndex
                    && "ConditionalCheckFailed".equals(reasons.get(registrationIndex).code())) {
                throw new TrackingNumberInUseException(shipment.carrier(), shipment.trackingNumber());
            }
            throw versionConflictOr(order, e);
        }
    }

    @Override
    public boolean compensate(Order order, List<TimelineEntry> newEntries, Coupon coupon) {
        List<TransactWriteItem> writes = orderWrites(order, newEntries);
        int couponIndex = writes.size();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(DynamoCouponRepository.couponItem(coupon))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e.cancellationReasons(), couponIndex)) {
                return false;
            }
            throw versionConflictOr(order, e);
        }
    }

    /** The order put (conditional on the version it was computed from) and its new timeline entries. */
    private List<TransactWriteItem> orderWrites(Order order, List<TimelineEntry> newEntries) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(orderItem(order, delayRules))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(order.version() - 1))))
                .build()).build());
        newEntries.forEach(entry -> writes.add(putEntry(order.orderId(), entry)));
        return writes;
    }

    private static RuntimeException versionConflictOr(Order order, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())
                || inConflictWithAnotherTransaction(e)) {
            return new VersionConflictException(order.orderId(), order.version() - 1);
        }
        return e;
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
                .forEach(item -> {
                    ObjectNode json = AttributeValues.toObject(item);
                    json.remove(STORAGE_ATTRIBUTES);
                    entries.add(Json.convert(json, TimelineEntry.class));
                });
        return entries;
    }

    /** A timeline entry; the condition makes re-appending the same entry a failed (not a doubled) write. */
    private TransactWriteItem putEntry(String orderId, TimelineEntry entry) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(timelineItem(orderId, entry))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    static Map<String, AttributeValue> timelineItem(String orderId, TimelineEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(entry)));
        item.put(PK, AttributeValue.fromS(TableKeys.orderPk(orderId)));
        item.put(SK, AttributeValue.fromS(TableKeys.timelineSortKey(entry.at(), entry.entryId())));
        item.put(TableKeys.ENTITY, AttributeValue.fromS("TimelineEntry"));
        return item;
    }

    /**
     * An order item: the order's fields plus the index keys of its listings and, while its shipment is
     * watched for delays, its due time in {@code ByDueTime} (absent otherwise: the index is sparse).
     * Every write of an order goes through here, so the due time follows every change.
     */
    public static Map<String, AttributeValue> orderItem(Order order, DelayRules delayRules) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(order)));
        String created = TableKeys.createdSortKey(order.createdAt(), order.orderId());
        item.put(PK, AttributeValue.fromS(TableKeys.orderPk(order.orderId())));
        item.put(SK, AttributeValue.fromS(TableKeys.ORDER_SK));
        item.put(TableKeys.ENTITY, AttributeValue.fromS(ORDER_ENTITY));
        item.put(TableKeys.SELLER_PK, AttributeValue.fromS(TableKeys.sellerPk(order.sellerId())));
        item.put(TableKeys.SELLER_SK, AttributeValue.fromS(created));
        item.put(TableKeys.SELLER_STATUS_PK, AttributeValue.fromS(
                TableKeys.sellerStatusPk(order.sellerId(), order.status().name())));
        item.put(TableKeys.SELLER_STATUS_SK, AttributeValue.fromS(created));
        item.put(TableKeys.BUYER_PK, AttributeValue.fromS(TableKeys.buyerPk(order.buyer().id())));
        item.put(TableKeys.BUYER_SK, AttributeValue.fromS(created));
        delayRules.dueAt(order).ifPresent(due -> {
            item.put(TableKeys.DUE_PK, AttributeValue.fromS(TableKeys.duePk(TableKeys.dueShard(order.orderId()))));
            item.put(TableKeys.DUE_SK, AttributeValue.fromS(TableKeys.dueSortKey(due, order.orderId())));
        });
        return item;
    }

    /** Reads an order item (from a query, a get or a stream image). */
    public static Order toOrder(Map<String, AttributeValue> item) {
        return toOrder(AttributeValues.toObject(item));
    }

    /**
     * Reads an order item already converted to JSON (e.g. a stream image, see {@link StreamImages}):
     * the storage attributes (keys, index keys, entity) are dropped, the rest is the {@link Order}.
     */
    public static Order toOrder(ObjectNode item) {
        ObjectNode json = item.deepCopy();
        json.remove(STORAGE_ATTRIBUTES);
        return Json.convert(json, Order.class);
    }

    /** Whether an item (as JSON) is an order, as opposed to a timeline entry, registration, preference... */
    public static boolean isOrderItem(ObjectNode item) {
        return ORDER_ENTITY.equals(item.path(TableKeys.ENTITY).asText(null));
    }

    private CreateResult replayOf(IdempotencyClaim claim) {
        // The claim vanished between our write and this read (expired and removed): a retry will win.
        return replay(claim).orElseThrow(() -> new IllegalStateException("Idempotency record disappeared; retry the request"));
    }

    @Override
    public Optional<CreateResult> replay(IdempotencyClaim claim) {
        Map<String, AttributeValue> existing = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(key(TableKeys.idempotencyPk(claim.sellerId(), claim.key()), TableKeys.IDEMPOTENCY_SK))
                .consistentRead(true)).item();
        if (existing == null || existing.isEmpty()
                || Long.parseLong(existing.get(EXPIRES_AT).n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        String orderId = existing.get("orderId").s();
        if (!existing.get("requestHash").s().equals(claim.requestHash())) {
            return Optional.of(new CreateResult.KeyReused(orderId));
        }
        return Optional.of(new CreateResult.Replayed(find(orderId).orElseThrow(
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

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
