package com.ordertracking.shared.adapters.persistence;

import com.ordertracking.shared.application.tracking.DueOrders;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Due orders from the {@code ByDueTime} index (docs/delays.md): per shard, Query {@code gsi4sk <= now}, so
 * only overdue shipments are read, never the table; each order is then read consistently by GetItem.
 */
public final class DynamoDueOrders implements DueOrders {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDueOrders(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Scan scan(Instant now, BooleanSupplier keepReading, Consumer<String> visit) {
        // Every "<due>#<orderId>" key of this millisecond and before sorts at or below "<now>#\uffff".
        String upTo = TableKeys.sortableTime(now) + "#\uffff";
        int itemsRead = 0;
        double readUnits = 0;
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
                readUnits += units(page.consumedCapacity());
                for (Map<String, AttributeValue> key : page.items()) {
                    itemsRead++;
                    visit.accept(TableKeys.orderIdOf(key.get(TableKeys.PK).s()));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && keepReading.getAsBoolean());
        }
        return new Scan(TableKeys.DUE_SHARDS, itemsRead, readUnits);
    }

    @Override
    public Read read(String orderId) {
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.orderPk(orderId)),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.ORDER_SK)))
                .consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        return new Read(response.hasItem() && !response.item().isEmpty()
                ? Optional.of(OrderItems.toOrder(response.item())) : Optional.empty(),
                units(response.consumedCapacity()));
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}
