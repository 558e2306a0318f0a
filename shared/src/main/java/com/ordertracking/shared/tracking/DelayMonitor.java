package com.ordertracking.shared.tracking;

import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.persistence.DynamoOrderRepository;
import com.ordertracking.shared.persistence.OrderRepository;
import com.ordertracking.shared.persistence.TableKeys;
import com.ordertracking.shared.persistence.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The delay monitor (docs/delays.md): per {@code ByDueTime} shard, Query {@code gsi4sk <= now} (only
 * overdue shipments are read, never the table), GetItem each candidate (consistent), re-check
 * {@link DelayRules#check} on what is stored and flag it with one conditional transaction (order +
 * DELAY timeline entry). Flagging moves the order's due time on, so later runs skip it; a stale index
 * entry or a concurrent writer is re-checked against the stored order, so nothing is flagged twice.
 */
public final class DelayMonitor {
    /** A concurrent tracking update is rare; past this the order waits for the next run (it stays due). */
    static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final OrderRepository orders;
    private final DelayRules rules;
    private final Clock clock;

    public DelayMonitor(DynamoDbClient dynamoDb, String tableName, DelayRules rules, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.rules = rules;
        this.clock = clock;
        this.orders = new DynamoOrderRepository(dynamoDb, tableName, clock, rules);
    }

    /** Wires from {@code ORDERS_TABLE} and {@code CARRIER_SILENCE_HOURS}. */
    public static DelayMonitor fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        return new DelayMonitor(new AwsClients(settings).dynamoDb(), settings.required("ORDERS_TABLE"),
                DelayRules.from(settings), Clock.systemUTC());
    }

    /**
     * What one run did. {@code dueItemsRead} is what the index queries returned (the overdue keys),
     * {@code ordersRead} the GetItems, {@code readUnits} the read capacity both consumed; {@code notDue}
     * counts candidates the stored order no longer makes due (index lag, a change since); {@code deferred}
     * those left for the next run (time ran out or the order kept changing).
     */
    public record Summary(Instant now, int shards, int dueItemsRead, int ordersRead, double readUnits, int flagged,
            int notDue, int deferred, List<String> flaggedOrderIds) {
    }

    public Summary run() {
        return run(() -> true);
    }

    /** @param hasTime false when the invocation is about to time out: the rest stays due for the next run */
    public Summary run(BooleanSupplier hasTime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Every "<due>#<orderId>" key of this millisecond and before sorts at or below "<now>#\uffff".
        String upTo = TableKeys.sortableTime(now) + "#\uffff";
        Counters counters = new Counters();
        for (int shard = 0; shard < TableKeys.DUE_SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                int shardNumber = shard;
                QueryResponse page = dynamoDb.query(q -> q.tableName(tableName)
                        .indexName(TableKeys.DUE_INDEX)
                        .keyConditionExpression("#pk = :pk AND #sk <= :now")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.DUE_PK, "#sk", TableKeys.DUE_SK))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(TableKeys.duePk(shardNumber)),
                                ":now", AttributeValue.fromS(upTo)))
                        .exclusiveStartKey(exclusiveStart)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                counters.readUnits += units(page.consumedCapacity());
                for (Map<String, AttributeValue> key : page.items()) {
                    counters.dueItemsRead++;
                    if (!hasTime.getAsBoolean()) {
                        counters.deferred++;
                        continue;
                    }
                    String orderId = key.get(TableKeys.PK).s().substring("ORDER#".length());
                    check(orderId, now, counters);
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && hasTime.getAsBoolean());
        }
        return new Summary(now, TableKeys.DUE_SHARDS, counters.dueItemsRead, counters.ordersRead, counters.readUnits,
                counters.flagged.size(), counters.notDue, counters.deferred, List.copyOf(counters.flagged));
    }

    private void check(String orderId, Instant now, Counters counters) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Order> stored = read(orderId, counters);
            Optional<Delay> delay = stored.flatMap(order -> rules.check(order, now));
            if (delay.isEmpty()) {
                counters.notDue++;
                return;
            }
            Order flagged = stored.get().withDelay(delay.get(), now);
            try {
                orders.update(flagged, List.of(DelayRules.entry(flagged, delay.get(), null)));
                counters.flagged.add(orderId);
                return;
            } catch (VersionConflictException e) {
                // Someone (the tracking processor) wrote first: re-read, the news may resolve the delay.
            }
        }
        counters.deferred++;
    }

    private Optional<Order> read(String orderId, Counters counters) {
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.orderPk(orderId)),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.ORDER_SK)))
                .consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        counters.ordersRead++;
        counters.readUnits += units(response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(DynamoOrderRepository.toOrder(response.item())) : Optional.empty();
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    private static final class Counters {
        int dueItemsRead;
        int ordersRead;
        double readUnits;
        int notDue;
        int deferred;
        final List<String> flagged = new ArrayList<>();
    }
}
