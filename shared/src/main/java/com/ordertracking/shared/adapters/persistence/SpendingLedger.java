package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.spending.SpendingEntries;
import com.ordertracking.shared.domain.Money;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.spending.SpendingEntry;
import com.ordertracking.shared.domain.spending.SpendingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The buyer's spending ledger: one small item per order, {@code pk=BUYER#<buyerId>},
 * {@code sk=SPEND#<yyyy-mm-dd>#<orderId>}, holding the parts of what the order counts ({@link SpendingEntry}:
 * {@code total}, {@code refunded}, {@code cancelled}; numbers are exact decimals in DynamoDB).
 *
 * <p>Two writes, each meant for the same transaction as the order write it mirrors (docs/data-model.md#spending):
 * {@link #put(Order)} beside every versioned put of the order (the entry of that state: a retry writes the same
 * value, and of two racing changes only the one whose version condition holds commits), and {@link #refund}
 * beside a refund that is an {@code UpdateItem} of the order rather than a versioned put (it adds the amount,
 * as the order's own refunded total does, under the order update's conditions). {@link #of} reads a period
 * with one Query on the key range (pages of at most 1 MB, about 200 bytes per order).
 */
public final class SpendingLedger implements SpendingEntries {
    static final String PREFIX = "SPEND#";
    private static final String ENTITY = "SpendingEntry";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public SpendingLedger(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The whole entry of {@code order}, for the transaction that stores this very version of the order. */
    public TransactWriteItem put(Order order) {
        SpendingEntry entry = SpendingEntry.of(order);
        Map<String, AttributeValue> item = new HashMap<>(key(order));
        item.put(TableKeys.ENTITY, AttributeValue.fromS(ENTITY));
        item.put("orderId", AttributeValue.fromS(entry.orderId()));
        item.put("sellerId", AttributeValue.fromS(entry.sellerId()));
        item.put("currency", AttributeValue.fromS(entry.currency()));
        item.put("total", AttributeValue.fromN(entry.total().toPlainString()));
        item.put("refunded", AttributeValue.fromN(entry.refunded().toPlainString()));
        item.put("cancelled", AttributeValue.fromBool(entry.cancelled()));
        item.put("orderVersion", AttributeValue.fromN(Long.toString(entry.orderVersion())));
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item).build()).build();
    }

    /**
     * {@code amount} more refunded on {@code orderAsRead}'s entry, for the transaction of a refund that updates
     * the order in place (adding to its refunded total and version, under its own conditions). An order stored
     * before the ledger existed gets its entry from {@code orderAsRead} first.
     */
    public TransactWriteItem refund(Order orderAsRead, BigDecimal amount) {
        SpendingEntry entry = SpendingEntry.of(orderAsRead);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":entity", AttributeValue.fromS(ENTITY));
        values.put(":orderId", AttributeValue.fromS(entry.orderId()));
        values.put(":sellerId", AttributeValue.fromS(entry.sellerId()));
        values.put(":currency", AttributeValue.fromS(entry.currency()));
        values.put(":total", AttributeValue.fromN(entry.total().toPlainString()));
        values.put(":refunded", AttributeValue.fromN(entry.refunded().toPlainString()));
        values.put(":cancelled", AttributeValue.fromBool(entry.cancelled()));
        values.put(":version", AttributeValue.fromN(Long.toString(entry.orderVersion())));
        values.put(":amount", AttributeValue.fromN(amount.toPlainString()));
        values.put(":one", AttributeValue.fromN("1"));
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName)
                .key(key(orderAsRead))
                .updateExpression("SET #entity = :entity, orderId = :orderId, sellerId = :sellerId, currency = :currency,"
                        + " #total = if_not_exists(#total, :total), cancelled = if_not_exists(cancelled, :cancelled),"
                        + " refunded = if_not_exists(refunded, :refunded) + :amount,"
                        + " orderVersion = if_not_exists(orderVersion, :version) + :one")
                .expressionAttributeNames(Map.of("#entity", TableKeys.ENTITY, "#total", "total"))
                .expressionAttributeValues(values)
                .build()).build();
    }

    @Override
    public List<SpendingEntry> of(String buyerId, SpendingPeriod period) {
        List<SpendingEntry> entries = new ArrayList<>();
        // "SPEND#<to>#\uffff" is above every order id of the last day, so both ends are inclusive.
        dynamoDb.queryPaginator(q -> q.tableName(tableName)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(TableKeys.buyerPk(buyerId)),
                                ":from", AttributeValue.fromS(PREFIX + period.from()),
                                ":to", AttributeValue.fromS(PREFIX + period.to() + "#\uffff"))))
                .items()
                .forEach(item -> entries.add(toEntry(buyerId, item)));
        return entries;
    }

    private static Map<String, AttributeValue> key(Order order) {
        return Map.of(
                PK, AttributeValue.fromS(TableKeys.buyerPk(order.buyer().id())),
                SK, AttributeValue.fromS(PREFIX + SpendingEntry.dayOf(order) + "#" + order.orderId()));
    }

    private static SpendingEntry toEntry(String buyerId, Map<String, AttributeValue> item) {
        String sk = item.get(SK).s();
        LocalDate day = LocalDate.parse(sk.substring(PREFIX.length(), sk.indexOf('#', PREFIX.length())));
        String currency = item.get("currency").s();
        return new SpendingEntry(buyerId, item.get("orderId").s(), item.get("sellerId").s(), currency, day,
                atScale(item.get("total"), currency), atScale(item.get("refunded"), currency),
                Boolean.TRUE.equals(item.get("cancelled").bool()), Long.parseLong(item.get("orderVersion").n()));
    }

    /** DynamoDB returns numbers without trailing zeros ("12.5"): back to the currency's scale ("12.50"). */
    private static BigDecimal atScale(AttributeValue number, String currency) {
        return new Money(new BigDecimal(number.n()), Currency.getInstance(currency)).amount();
    }
}
