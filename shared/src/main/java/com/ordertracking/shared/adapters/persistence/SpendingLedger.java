package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.spending.SpendingEntries;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.spending.SpendingEntry;
import com.ordertracking.shared.domain.spending.SpendingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The buyer's spending ledger: one small item per order, {@code pk=BUYER#<buyerId>},
 * {@code sk=SPEND#<yyyy-mm-dd>#<orderId>}, holding what the order counts now ({@link SpendingEntry}).
 *
 * <p>{@link #put(Order)} is the write every transaction that stores an order adds next to the order's
 * conditional put: the entry is a function of the order's new state (not a delta), so it is exact by
 * construction — a retried or replayed transaction writes the same value, and of two concurrent changes
 * only the one whose version condition holds commits, with its own entry. {@link #of} reads a period with
 * one Query on the key range (pages of at most 1 MB, about 150 bytes per order).
 */
public final class SpendingLedger implements SpendingEntries {
    static final String PREFIX = "SPEND#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public SpendingLedger(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The write of {@code order}'s entry, for the transaction that stores this very version of the order. */
    public TransactWriteItem put(Order order) {
        SpendingEntry entry = SpendingEntry.of(order);
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(Map.of(
                        PK, AttributeValue.fromS(TableKeys.buyerPk(entry.buyerId())),
                        SK, AttributeValue.fromS(sortKey(entry.day(), entry.orderId())),
                        TableKeys.ENTITY, AttributeValue.fromS("SpendingEntry"),
                        "orderId", AttributeValue.fromS(entry.orderId()),
                        "sellerId", AttributeValue.fromS(entry.sellerId()),
                        "currency", AttributeValue.fromS(entry.currency()),
                        "net", AttributeValue.fromS(entry.net().toPlainString()),
                        "orderVersion", AttributeValue.fromN(Long.toString(entry.orderVersion()))))
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

    static String sortKey(LocalDate day, String orderId) {
        return PREFIX + day + "#" + orderId;
    }

    private static SpendingEntry toEntry(String buyerId, Map<String, AttributeValue> item) {
        String sk = item.get(SK).s();
        LocalDate day = LocalDate.parse(sk.substring(PREFIX.length(), sk.indexOf('#', PREFIX.length())));
        return new SpendingEntry(buyerId, item.get("orderId").s(), item.get("sellerId").s(), item.get("currency").s(),
                day, new BigDecimal(item.get("net").s()), Long.parseLong(item.get("orderVersion").n()));
    }
}
