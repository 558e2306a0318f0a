package com.ordertracking.shared.adapters.persistence;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.application.order.PackageRepository;
import com.ordertracking.shared.application.order.TrackingNumberInUseException;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link PackageRepository} on the orders table (docs/data-model.md). Package creation and correction are
 * transactions with the order and the registrations; the tracking path is plain conditional writes (no
 * transaction: a transactional write costs twice), ordered so that the checkpoint, written last, is the record
 * that an event was applied.
 */
public final class DynamoPackageRepository implements PackageRepository {
    /** Order attributes a package change may touch; the rest of the order item is left as it is. */
    private static final List<String> ORDER_TRACKING_ATTRIBUTES = List.of("status", "shipment", "packages", "delay",
            "version", "updatedAt");
    private static final List<String> PACKAGE_TRACKING_ATTRIBUTES = List.of("shipment", "delay", "version", "updatedAt");

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DelayRules delayRules;
    private final OrderWrites orderWrites;

    public DynamoPackageRepository(DynamoDbClient dynamoDb, String tableName, DelayRules delayRules) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.delayRules = delayRules;
        this.orderWrites = new OrderWrites(dynamoDb, tableName, delayRules);
    }

    @Override
    public List<OrderPackage> packages(String orderId) {
        List<OrderPackage> packages = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(tableName)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(TableKeys.orderPk(orderId)),
                                ":prefix", AttributeValue.fromS(TableKeys.PACKAGE_PREFIX)))
                        .consistentRead(true))
                .items().forEach(item -> packages.add(PackageItems.toPackage(item)));
        packages.sort(java.util.Comparator.comparingInt(OrderPackage::number));
        return packages;
    }

    @Override
    public Optional<OrderPackage> find(String orderId, String packageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(PackageItems.key(orderId, packageId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PackageItems.toPackage(item));
    }

    /** One BatchGetItem for the tracking path's two reads (same read units as two GetItems, one request). */
    @Override
    public Optional<WithOrder> findWithOrder(String orderId, String packageId) {
        Map<String, AttributeValue> orderKey = OrderItems.key(TableKeys.orderPk(orderId), TableKeys.ORDER_SK);
        Map<String, AttributeValue> packageKey = PackageItems.key(orderId, packageId);
        Map<String, Map<String, AttributeValue>> items = BatchReads.consistentItems(dynamoDb, tableName,
                List.of(orderKey, packageKey), null);
        Map<String, AttributeValue> order = items.get(BatchReads.keyOf(orderKey));
        Map<String, AttributeValue> pkg = items.get(BatchReads.keyOf(packageKey));
        return order == null || pkg == null ? Optional.empty()
                : Optional.of(new WithOrder(OrderItems.toOrder(order), PackageItems.toPackage(pkg)));
    }

    @Override
    public void create(Order order, OrderPackage pkg, List<TimelineEntry> entries) {
        List<TransactWriteItem> writes = orderWrites.orderWrites(order, entries);
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(PackageItems.item(pkg, delayRules))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        int registrationIndex = writes.size();
        writes.add(registration(order, pkg));
        transact(order, pkg, writes, registrationIndex);
    }

    @Override
    public void correct(Order order, OrderPackage before, OrderPackage after, List<TimelineEntry> entries) {
        List<TransactWriteItem> writes = orderWrites.orderWrites(order, entries);
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(PackageItems.item(after, delayRules))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", number(before.version()))).build()).build());
        Shipment old = before.shipment();
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                .key(OrderItems.key(TableKeys.trackingPk(old.carrier(), old.trackingNumber()), TableKeys.TRACKING_SK))
                .build()).build());
        int registrationIndex = writes.size();
        writes.add(registration(order, after));
        transact(order, after, writes, registrationIndex);
    }

    private void transact(Order order, OrderPackage pkg, List<TransactWriteItem> writes, int registrationIndex) {
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (TransactionFailures.conditionFailed(e, registrationIndex)) {
                throw new TrackingNumberInUseException(pkg.shipment().carrier(), pkg.shipment().trackingNumber());
            }
            throw new VersionConflictException(order.orderId(), order.version() - 1);
        }
    }

    /** The number's registration: one carrier + number belongs to one package of one order, for ever. */
    private TransactWriteItem registration(Order order, OrderPackage pkg) {
        Shipment shipment = pkg.shipment();
        return TrackingRegistrationItem.claim(tableName, shipment.carrier(), shipment.trackingNumber(),
                order.orderId(), "packageId", pkg.packageId(), pkg.updatedAt());
    }

    @Override
    public boolean hasEntry(String orderId, TimelineEntry entry) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(entryKey(orderId, entry))
                .projectionExpression("pk")
                .consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    /** One BatchGetItem (keys only) for a whole SQS batch's checkpoints instead of a GetItem per message. */
    @Override
    public Map<String, Set<TimelineEntry>> existingEntries(Map<String, List<TimelineEntry>> entriesByOrder) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        entriesByOrder.forEach((orderId, entries) -> entries.forEach(entry -> keys.add(entryKey(orderId, entry))));
        Map<String, Map<String, AttributeValue>> items = BatchReads.consistentItems(dynamoDb, tableName, keys, "pk, sk");
        Map<String, Set<TimelineEntry>> found = new HashMap<>();
        entriesByOrder.forEach((orderId, entries) -> entries.stream()
                .filter(entry -> items.containsKey(BatchReads.keyOf(entryKey(orderId, entry))))
                .forEach(entry -> found.computeIfAbsent(orderId, id -> new HashSet<>()).add(entry)));
        return found;
    }

    private static Map<String, AttributeValue> entryKey(String orderId, TimelineEntry entry) {
        return OrderItems.key(TableKeys.orderPk(orderId), TableKeys.timelineSortKey(entry.at(), entry.entryId()));
    }

    @Override
    public TrackingWrite applyTracking(OrderPackage before, OrderPackage after, Order orderBefore,
            Optional<Order> orderAfter, TimelineEntry checkpoint, List<TimelineEntry> more) {
        Map<String, Double> units = new LinkedHashMap<>();
        try {
            if (!after.sameStateAs(before)) {
                add(units, dynamoDb.updateItem(packageUpdate(before, after)).consumedCapacity());
            }
            if (orderAfter.isPresent()) {
                // Loyalty: the buyer × seller delivered counter, when this change delivers the order.
                if (orderBefore.status() != orderAfter.get().status()) {
                    DeliveredCounters.deliveryUpdateRequest(tableName, orderAfter.get())
                            .ifPresent(update -> add(units, dynamoDb.updateItem(update).consumedCapacity()));
                }
                add(units, dynamoDb.updateItem(orderUpdate(orderBefore, orderAfter.get())).consumedCapacity());
            }
        } catch (ConditionalCheckFailedException e) {
            return new TrackingWrite.VersionConflict();
        }
        for (TimelineEntry entry : more) {
            putEntry(before.orderId(), entry, units); // a DELAY entry already there (a re-run) is fine
        }
        if (!putEntry(before.orderId(), checkpoint, units)) {
            return new TrackingWrite.Duplicate();
        }
        return new TrackingWrite.Applied(units.getOrDefault("total", 0.0), units);
    }

    @Override
    public void flag(OrderPackage before, OrderPackage pkg, Order orderBefore, Optional<Order> order,
            List<TimelineEntry> entries) {
        try {
            dynamoDb.updateItem(packageUpdate(before, pkg));
            order.ifPresent(o -> dynamoDb.updateItem(orderUpdate(orderBefore, o)));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(pkg.orderId(), pkg.version() - 1);
        }
        entries.forEach(entry -> putEntry(pkg.orderId(), entry, new HashMap<>()));
    }

    /**
     * SET the tracking attributes that changed (and the due time, or REMOVE it) if the version is the one read: an
     * attribute rewritten with its own value would still be counted as an index write by DynamoDB Local.
     */
    private UpdateItemRequest packageUpdate(OrderPackage before, OrderPackage after) {
        Map<String, AttributeValue> old = PackageItems.item(before, delayRules);
        Map<String, AttributeValue> now = PackageItems.item(after, delayRules);
        List<String> names = new ArrayList<>(PACKAGE_TRACKING_ATTRIBUTES);
        names.addAll(List.of(TableKeys.DUE_PK, TableKeys.DUE_SK));
        return changedAttributes(PackageItems.key(after.orderId(), after.packageId()), old, now, names, after.version());
    }

    /** SET what a package change changed on the order (status, its listing key, summaries, delay), version-checked. */
    private UpdateItemRequest orderUpdate(Order before, Order after) {
        List<String> names = new ArrayList<>(ORDER_TRACKING_ATTRIBUTES);
        names.add(TableKeys.SELLER_STATUS_PK);
        return changedAttributes(OrderItems.key(TableKeys.orderPk(after.orderId()), TableKeys.ORDER_SK),
                OrderItems.orderItem(before, delayRules), OrderItems.orderItem(after, delayRules), names, after.version());
    }

    /**
     * An UpdateItem of the {@code names} whose value differs between {@code old} and {@code now} ({@code version} and
     * {@code updatedAt} always do): SET the present ones, REMOVE those {@code now} lacks; conditional on
     * {@code version = newVersion - 1}.
     */
    private UpdateItemRequest changedAttributes(Map<String, AttributeValue> key, Map<String, AttributeValue> old,
            Map<String, AttributeValue> now, List<String> names, long newVersion) {
        StringBuilder set = new StringBuilder();
        List<String> remove = new ArrayList<>();
        Map<String, String> expressionNames = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (String name : names) {
            AttributeValue value = now.get(name);
            if (java.util.Objects.equals(value, old.get(name))) {
                continue;
            }
            if (value == null) {
                String placeholder = "#r" + remove.size();
                expressionNames.put(placeholder, name);
                remove.add(placeholder);
            } else {
                assign(set, expressionNames, values, name, value);
            }
        }
        values.put(":expected", number(newVersion - 1));
        String update = (set.isEmpty() ? "" : "SET " + set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return UpdateItemRequest.builder().tableName(tableName)
                .key(key)
                .updateExpression(update.strip())
                .conditionExpression("version = :expected")
                .expressionAttributeNames(expressionNames)
                .expressionAttributeValues(values)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .build();
    }

    private static void assign(StringBuilder set, Map<String, String> names, Map<String, AttributeValue> values,
            String name, AttributeValue value) {
        if (!set.isEmpty()) {
            set.append(", ");
        }
        String placeholder = "a" + values.size();
        set.append('#').append(placeholder).append(" = :").append(placeholder);
        names.put("#" + placeholder, name);
        values.put(":" + placeholder, value);
    }

    /** Puts an entry unless it exists; false when it did. */
    private boolean putEntry(String orderId, TimelineEntry entry, Map<String, Double> units) {
        try {
            add(units, dynamoDb.putItem(p -> p.tableName(tableName)
                    .item(OrderItems.timelineItem(orderId, entry))
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void add(Map<String, Double> units, ConsumedCapacity capacity) {
        if (capacity == null) {
            return;
        }
        units.merge("total", capacity.capacityUnits() == null ? 0 : capacity.capacityUnits(), Double::sum);
        if (capacity.table() != null && capacity.table().capacityUnits() != null) {
            units.merge("table", capacity.table().capacityUnits(), Double::sum);
        }
        if (capacity.hasGlobalSecondaryIndexes()) {
            capacity.globalSecondaryIndexes().forEach((index, c) -> units.merge(index, c.capacityUnits(), Double::sum));
        }
    }
}
