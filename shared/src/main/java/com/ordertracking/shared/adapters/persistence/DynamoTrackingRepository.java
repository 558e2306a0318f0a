package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.tracking.BatchLookups;
import com.ordertracking.shared.application.tracking.TrackingRepository;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The tracking processor's storage on the orders table (layout in docs/data-model.md): tracking
 * registrations, applied-event records and parked events.
 */
public final class DynamoTrackingRepository implements TrackingRepository {
    /** How long an applied-event record and a parked event are kept (DynamoDB TTL). */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final DelayRules delayRules;

    /** {@code delayRules} decide the order's due time in {@code ByDueTime} (see OrderItems.orderItem). */
    public DynamoTrackingRepository(DynamoDbClient dynamoDb, String tableName, Clock clock, DelayRules delayRules) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.delayRules = delayRules;
    }

    /** The order a carrier + tracking number is registered to. */
    @Override
    public Optional<String> orderIdFor(String carrier, String trackingNumber) {
        return registration(carrier, trackingNumber).map(Registration::orderId);
    }

    @Override
    public Optional<Registration> registration(String carrier, String trackingNumber) {
        return registrationOf(dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.trackingPk(carrier, trackingNumber), TableKeys.TRACKING_SK))
                .consistentRead(true)).item());
    }

    /** One BatchGetItem for a whole SQS batch's numbers instead of a GetItem per message. */
    @Override
    public Map<String, Optional<Registration>> registrations(List<Number> numbers) {
        List<Map<String, AttributeValue>> keys = numbers.stream()
                .map(n -> OrderItems.key(TableKeys.trackingPk(n.carrier(), n.trackingNumber()), TableKeys.TRACKING_SK))
                .toList();
        Map<String, Map<String, AttributeValue>> items = BatchReads.consistentItems(dynamoDb, tableName, keys, null);
        Map<String, Optional<Registration>> found = new HashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            found.put(BatchLookups.numberKey(numbers.get(i).carrier(), numbers.get(i).trackingNumber()),
                    registrationOf(items.get(BatchReads.keyOf(keys.get(i)))));
        }
        return found;
    }

    private static Optional<Registration> registrationOf(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue packageId = item.get("packageId");
        AttributeValue returnId = item.get(DynamoReturnShipmentRepository.RETURN_ID);
        return Optional.of(new Registration(item.get("orderId").s(), packageId == null ? null : packageId.s(),
                returnId == null ? null : returnId.s()));
    }

    @Override
    public ApplyResult apply(Order order, TimelineEntry checkpoint, List<TimelineEntry> more, TrackingEvent event) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(OrderItems.orderItem(order, delayRules))
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected",
                                AttributeValue.fromN(Long.toString(order.version() - 1))))
                        .build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(OrderItems.timelineItem(order.orderId(), checkpoint))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(Map.of(
                                PK, AttributeValue.fromS(TableKeys.appliedEventPk(event.source(), event.eventId())),
                                SK, AttributeValue.fromS(TableKeys.APPLIED_EVENT_SK),
                                TableKeys.ENTITY, AttributeValue.fromS("AppliedTrackingEvent"),
                                "orderId", AttributeValue.fromS(order.orderId()),
                                EXPIRES_AT, AttributeValue.fromN(Long.toString(expiry()))))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build()).build()));
        // After the three above, so that the cancellation reasons' indexes below keep their meaning.
        more.forEach(entry -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(OrderItems.timelineItem(order.orderId(), entry))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build()));
        // Loyalty: the buyer × seller delivered counter moves in the same transaction as the delivery itself.
        DeliveredCounters.onDelivery(tableName, order).ifPresent(writes::add);
        try {
            TransactWriteItemsResponse response = dynamoDb.transactWriteItems(t -> t.transactItems(writes)
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
            ConsumedCapacity capacity = response.hasConsumedCapacity() && !response.consumedCapacity().isEmpty()
                    ? response.consumedCapacity().getFirst() : null;
            return new ApplyResult.Applied(capacity == null ? null : cost(capacity));
        } catch (TransactionCanceledException e) {
            // The applied record or the checkpoint already exists: a redelivery, whatever the version says.
            if (TransactionFailures.conditionFailed(e, 2) || TransactionFailures.conditionFailed(e, 1)) {
                return new ApplyResult.Duplicate();
            }
            if (TransactionFailures.conditionFailed(e, 0) || TransactionFailures.conflictsWithAnotherTransaction(e)) {
                return new ApplyResult.VersionConflict();
            }
            throw e;
        }
    }

    /**
     * Parks an event for a number no order has yet, on condition that it is still unregistered: the
     * condition check and the ship transaction serialize, so an event is either parked before the
     * registration (and released by it) or sees the registration (and is applied), never lost between.
     */
    @Override
    public ParkResult park(TrackingEvent event) {
        String pk = TableKeys.trackingPk(event.carrier(), event.trackingNumber());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(pk));
        item.put(SK, AttributeValue.fromS(TableKeys.parkedSortKey(event.occurredAt(), event.key())));
        item.put(TableKeys.ENTITY, AttributeValue.fromS("ParkedTrackingEvent"));
        item.put("event", AttributeValue.fromS(Json.write(event)));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiry())));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item).build()).build(),
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                            .key(OrderItems.key(pk, TableKeys.TRACKING_SK))
                            .conditionExpression("attribute_not_exists(pk)")
                            .build()).build()));
            return ParkResult.PARKED;
        } catch (TransactionCanceledException e) {
            if (TransactionFailures.conditionFailed(e, 1)) {
                return ParkResult.REGISTERED;
            }
            throw e;
        }
    }

    /** The parked events of a number, oldest first (one Query on its partition; usually empty). */
    @Override
    public List<ParkedEvent> parked(String carrier, String trackingNumber) {
        List<ParkedEvent> parked = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(tableName)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(TableKeys.trackingPk(carrier, trackingNumber)),
                                ":prefix", AttributeValue.fromS(TableKeys.PARKED_PREFIX)))
                        .consistentRead(true))
                .items()
                .forEach(item -> parked.add(new ParkedEvent(item.get(SK).s(),
                        Json.read(item.get("event").s(), TrackingEvent.class))));
        return parked;
    }

    @Override
    public void deleteParked(String carrier, String trackingNumber, String sortKey) {
        dynamoDb.deleteItem(d -> d.tableName(tableName)
                .key(OrderItems.key(TableKeys.trackingPk(carrier, trackingNumber), sortKey)));
    }

    private long expiry() {
        return clock.instant().plus(RETENTION).getEpochSecond();
    }

    static WriteCost cost(ConsumedCapacity capacity) {
        Map<String, Double> indexes = new java.util.LinkedHashMap<>();
        if (capacity.hasGlobalSecondaryIndexes()) {
            capacity.globalSecondaryIndexes().forEach((name, units) -> indexes.put(name, units.capacityUnits()));
        }
        return new WriteCost(capacity.capacityUnits() == null ? 0 : capacity.capacityUnits(),
                capacity.table() == null ? null : capacity.table().capacityUnits(), indexes);
    }
}
