package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.order.DeliveredOrders;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The exact buyer × seller delivered-order counters: {@code pk=BUYER#<buyerId>, sk=DELIVERED#<sellerId>},
 * {@code deliveredOrderIds} (a string set; the count is its size), {@code lastDeliveredAt}. Every tracking
 * write that leaves an order DELIVERED adds the order id to the set in the same transaction. Adding to a set
 * is idempotent, so a later scan of a delivered parcel, a redelivered event or a retried transaction never
 * counts an order twice, and no condition is needed (a duplicate cannot fail the delivery's transaction).
 * An item holds about 10,000 ids of ~30 bytes within DynamoDB's 400 KB, far above any loyalty threshold.
 */
public final class DeliveredCounters implements DeliveredOrders {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DeliveredCounters(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The counter's update when this change leaves {@code order} DELIVERED; empty for every other change. */
    static Optional<TransactWriteItem> onDelivery(String tableName, Order order) {
        return deliveryUpdate(tableName, order).map(update -> TransactWriteItem.builder().update(update).build());
    }

    /**
     * The same count as a plain UpdateItem, for the package path (which writes without a transaction): sent
     * <em>before</em> the order's update, so a crash in between counts early rather than never; adding to a set is
     * idempotent, so the retried event counting again changes nothing.
     */
    static Optional<UpdateItemRequest> deliveryUpdateRequest(String tableName, Order order) {
        return deliveryUpdate(tableName, order).map(u -> UpdateItemRequest.builder().tableName(u.tableName())
                .key(u.key()).updateExpression(u.updateExpression())
                .expressionAttributeValues(u.expressionAttributeValues())
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build());
    }

    private static Optional<Update> deliveryUpdate(String tableName, Order order) {
        if (order.status() != OrderStatus.DELIVERED || order.buyer() == null) {
            return Optional.empty();
        }
        return Optional.of(Update.builder()
                .tableName(tableName)
                .key(OrderItems.key(TableKeys.buyerPk(order.buyer().id()), TableKeys.deliveredCounterSk(order.sellerId())))
                .updateExpression("ADD deliveredOrderIds :order SET entity = :entity, buyerId = :buyer,"
                        + " sellerId = :seller, lastDeliveredAt = :at")
                .expressionAttributeValues(Map.of(
                        ":order", AttributeValue.fromSs(List.of(order.orderId())),
                        ":entity", AttributeValue.fromS("DeliveredCounter"),
                        ":buyer", AttributeValue.fromS(order.buyer().id()),
                        ":seller", AttributeValue.fromS(order.sellerId()),
                        ":at", AttributeValue.fromS(TableKeys.sortableTime(order.updatedAt()))))
                .build());
    }

    @Override
    public long count(String buyerId, String sellerId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.buyerPk(buyerId), TableKeys.deliveredCounterSk(sellerId)))
                .consistentRead(true)).item();
        return item == null ? 0 : delivered(item);
    }

    /**
     * One Query of the buyer's partition ({@code begins_with(sk, DELIVERED#)}, one page of at most 1 MB; a buyer
     * has one counter per seller that ever delivered to it), the most recent {@code limit} kept.
     */
    @Override
    public Map<String, Long> bySeller(String buyerId, int limit) {
        List<Map<String, AttributeValue>> items = dynamoDb.query(q -> q.tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(TableKeys.buyerPk(buyerId)),
                        ":prefix", AttributeValue.fromS(TableKeys.DELIVERED_PREFIX)))
                .consistentRead(true)).items();
        Map<String, Long> counts = new LinkedHashMap<>();
        items.stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> item) -> item.get("lastDeliveredAt").s())
                        .reversed())
                .limit(limit)
                .forEach(item -> counts.put(item.get(SK).s().substring(TableKeys.DELIVERED_PREFIX.length()),
                        delivered(item)));
        return counts;
    }

    private static long delivered(Map<String, AttributeValue> item) {
        AttributeValue ids = item.get("deliveredOrderIds");
        return ids == null || !ids.hasSs() ? 0 : ids.ss().size();
    }

}
