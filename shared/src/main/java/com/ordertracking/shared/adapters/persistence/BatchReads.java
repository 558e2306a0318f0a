package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The table items behind a page of index entries, in the page's order. The {@code ByBuyer}, {@code BySeller} and
 * {@code BySellerStatus} indexes project keys (and the delay flag) only, so that a write does not rewrite copies of
 * the item: readers fetch the items with BatchGetItem (eventually consistent, like the index; chunks of 100,
 * unprocessed keys retried). An item deleted between the two reads is left out rather than failing the page.
 */
final class BatchReads {
    private BatchReads() {
    }

    static List<Map<String, AttributeValue>> itemsOf(DynamoDbClient dynamoDb, String tableName,
            List<Map<String, AttributeValue>> entries) {
        Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = entries.subList(from, Math.min(entries.size(), from + 100))
                    .stream().map(entry -> OrderItems.key(entry.get(PK).s(), entry.get(SK).s())).distinct().toList();
            fetch(dynamoDb, tableName, KeysAndAttributes.builder().keys(keys).build(), byKey);
        }
        return entries.stream().map(entry -> byKey.get(keyOf(entry))).filter(Objects::nonNull).toList();
    }

    /**
     * The items at {@code keys} that exist, keyed by {@link #keyOf}: one strongly consistent BatchGetItem per 100 keys
     * (unprocessed keys retried), reading only {@code projection} when given.
     */
    static Map<String, Map<String, AttributeValue>> consistentItems(DynamoDbClient dynamoDb, String tableName,
            List<Map<String, AttributeValue>> keys, String projection) {
        Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            KeysAndAttributes.Builder wanted = KeysAndAttributes.builder()
                    .keys(distinct.subList(from, Math.min(distinct.size(), from + 100))).consistentRead(true);
            if (projection != null) {
                wanted.projectionExpression(projection);
            }
            fetch(dynamoDb, tableName, wanted.build(), byKey);
        }
        return byKey;
    }

    /** One BatchGetItem of {@code wanted}, unprocessed keys retried, the items put in {@code byKey}. */
    private static void fetch(DynamoDbClient dynamoDb, String tableName, KeysAndAttributes wanted,
            Map<String, Map<String, AttributeValue>> byKey) {
        Map<String, KeysAndAttributes> request = Map.of(tableName, wanted);
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(pending));
            response.responses().getOrDefault(tableName, List.of()).forEach(item -> byKey.put(keyOf(item), item));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
    }

    static String keyOf(Map<String, AttributeValue> item) {
        return item.get(PK).s() + "\u0000" + item.get(SK).s();
    }
}
