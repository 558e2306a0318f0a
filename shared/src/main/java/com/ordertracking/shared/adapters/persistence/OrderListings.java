package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.order.InvalidCursorException;
import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.domain.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The order listings: newest first on the seller, seller+status and buyer indexes, with opaque cursors. */
final class OrderListings {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    OrderListings(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    Page listBySeller(SellerListing listing) {
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

    Page listByBuyer(String buyerId, int limit, String cursor) {
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
        List<Order> orders = orders(items.stream().limit(limit).toList());
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
                    List<Order> orders = orders(matches.stream().limit(limit).toList());
                    return new Page(orders, cursorOf(matches.get(limit - 1), pkName, skName));
                }
            }
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            if (!more) {
                return new Page(orders(matches), null);
            }
            from = response.lastEvaluatedKey();
            if (evaluated >= DELAYED_READ_BUDGET) {
                return new Page(orders(matches), cursorOf(from, pkName, skName));
            }
        }
    }

    /**
     * The orders of a page of index entries, in the page's order. The listing indexes project keys (and the delay
     * flag) only, so that writing an order does not rewrite three copies of it: the orders themselves are read with
     * BatchGetItem (eventually consistent, like the index; at most 101 keys, in chunks of 100).
     */
    private List<Order> orders(List<Map<String, AttributeValue>> entries) {
        return BatchReads.itemsOf(dynamoDb, tableName, entries).stream().map(OrderItems::toOrder).toList();
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
}
