package com.ordertracking.shared.persistence;

import static com.ordertracking.shared.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.persistence.TableKeys.PK;
import static com.ordertracking.shared.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.json.Json;
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

/** {@link OrderRepository} on the single orders table; layout in docs/data-model.md. */
public final class DynamoOrderRepository implements OrderRepository {
    private static final Set<String> STORAGE_ATTRIBUTES = Set.of(PK, SK, TableKeys.ENTITY, EXPIRES_AT,
            TableKeys.SELLER_PK, TableKeys.SELLER_SK, TableKeys.SELLER_STATUS_PK, TableKeys.SELLER_STATUS_SK,
            TableKeys.BUYER_PK, TableKeys.BUYER_SK, TableKeys.DUE_PK, TableKeys.DUE_SK);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoOrderRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public CreateResult create(Order order, IdempotencyClaim claim) {
        Put putOrder = Put.builder()
                .tableName(tableName)
                .item(orderItem(order))
                .conditionExpression("attribute_not_exists(pk)")
                .build();
        TransactWriteItem placed = putEntry(order.orderId(), TimelineEntry.statusChanged("created",
                order.createdAt(), order.status(), "Order placed", "seller"));
        if (claim == null) {
            dynamoDb.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().put(putOrder).build(), placed));
            return new CreateResult.Created(order);
        }
        Put putClaim = Put.builder()
                .tableName(tableName)
                .item(claimItem(claim, order.orderId()))
                // TTL deletion lags by up to days, so an expired claim counts as absent.
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(
                        Long.toString(clock.instant().getEpochSecond()))))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(
                        TransactWriteItem.builder().put(putOrder).build(),
                        placed,
                        TransactWriteItem.builder().put(putClaim).build()));
                return new CreateResult.Created(order);
            } catch (TransactionCanceledException e) {
                if (claimConflicted(e)) {
                    return replayOf(claim);
                }
                // A concurrent retry with the same key is writing the same claim: try again, then replay.
                if (!inConflictWithAnotherTransaction(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static final int MAX_ATTEMPTS = 5;

    private static boolean inConflictWithAnotherTransaction(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    @Override
    public Optional<Order> find(String orderId) {
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

    /** The order put (conditional on the version it was computed from) and its new timeline entries. */
    private List<TransactWriteItem> orderWrites(Order order, List<TimelineEntry> newEntries) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(orderItem(order))
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

    /** An order item: the order's fields plus the index keys of its listings. */
    static Map<String, AttributeValue> orderItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(order)));
        String created = TableKeys.createdSortKey(order.createdAt(), order.orderId());
        item.put(PK, AttributeValue.fromS(TableKeys.orderPk(order.orderId())));
        item.put(SK, AttributeValue.fromS(TableKeys.ORDER_SK));
        item.put(TableKeys.ENTITY, AttributeValue.fromS("Order"));
        item.put(TableKeys.SELLER_PK, AttributeValue.fromS(TableKeys.sellerPk(order.sellerId())));
        item.put(TableKeys.SELLER_SK, AttributeValue.fromS(created));
        item.put(TableKeys.SELLER_STATUS_PK, AttributeValue.fromS(
                TableKeys.sellerStatusPk(order.sellerId(), order.status().name())));
        item.put(TableKeys.SELLER_STATUS_SK, AttributeValue.fromS(created));
        item.put(TableKeys.BUYER_PK, AttributeValue.fromS(TableKeys.buyerPk(order.buyer().id())));
        item.put(TableKeys.BUYER_SK, AttributeValue.fromS(created));
        return item;
    }

    /** Reads an order item (from a query, a get or a stream image). */
    public static Order toOrder(Map<String, AttributeValue> item) {
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(STORAGE_ATTRIBUTES);
        return Json.convert(json, Order.class);
    }

    private CreateResult replayOf(IdempotencyClaim claim) {
        Map<String, AttributeValue> existing = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(key(TableKeys.idempotencyPk(claim.sellerId(), claim.key()), TableKeys.IDEMPOTENCY_SK))
                .consistentRead(true)).item();
        if (existing == null || existing.isEmpty()) {
            // The claim vanished between our write and this read (expired and removed): a retry will win.
            throw new IllegalStateException("Idempotency record disappeared; retry the request");
        }
        String orderId = existing.get("orderId").s();
        if (!existing.get("requestHash").s().equals(claim.requestHash())) {
            return new CreateResult.KeyReused(orderId);
        }
        return new CreateResult.Replayed(find(orderId).orElseThrow(
                () -> new IllegalStateException("Idempotency record points to missing order " + orderId)));
    }

    private static boolean claimConflicted(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons.size() == 3 && "ConditionalCheckFailed".equals(reasons.get(2).code());
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
