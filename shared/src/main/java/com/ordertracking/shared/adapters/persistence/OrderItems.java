package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Orders and timeline entries as items of the orders table (layout in docs/data-model.md), both ways. */
public final class OrderItems {
    private static final Set<String> STORAGE_ATTRIBUTES = Set.of(PK, SK, TableKeys.ENTITY, EXPIRES_AT,
            TableKeys.SELLER_PK, TableKeys.SELLER_SK, TableKeys.SELLER_STATUS_PK, TableKeys.SELLER_STATUS_SK,
            TableKeys.BUYER_PK, TableKeys.BUYER_SK, TableKeys.DUE_PK, TableKeys.DUE_SK, TableKeys.REFUNDED_TOTAL, TableKeys.REFUND_IDS);
    /** The {@code entity} attribute of order items. */
    public static final String ORDER_ENTITY = "Order";

    private OrderItems() {
    }

    /**
     * An order item: the order's fields plus the index keys of its listings and, while its shipment is
     * watched for delays, its due time in {@code ByDueTime} (absent otherwise: the index is sparse).
     * Every write of an order goes through here, so the due time follows every change.
     */
    public static Map<String, AttributeValue> orderItem(Order order, DelayRules delayRules) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(order)));
        String created = TableKeys.createdSortKey(order.createdAt(), order.orderId());
        item.put(PK, AttributeValue.fromS(TableKeys.orderPk(order.orderId())));
        item.put(SK, AttributeValue.fromS(TableKeys.ORDER_SK));
        item.put(TableKeys.ENTITY, AttributeValue.fromS(ORDER_ENTITY));
        item.put(TableKeys.SELLER_PK, AttributeValue.fromS(TableKeys.sellerPk(order.sellerId())));
        item.put(TableKeys.SELLER_SK, AttributeValue.fromS(created));
        item.put(TableKeys.SELLER_STATUS_PK, AttributeValue.fromS(
                TableKeys.sellerStatusPk(order.sellerId(), order.status().name())));
        item.put(TableKeys.SELLER_STATUS_SK, AttributeValue.fromS(created));
        item.put(TableKeys.BUYER_PK, AttributeValue.fromS(TableKeys.buyerPk(order.buyer().id())));
        item.put(TableKeys.BUYER_SK, AttributeValue.fromS(created));
        // A number (not a money string): the counter a partial refund's condition compares (DynamoOrderCommands).
        item.put(TableKeys.REFUNDED_TOTAL, AttributeValue.fromN(order.refundedTotal().toPlainString()));
        if (!order.refunds().isEmpty()) { // a string set cannot be empty
            item.put(TableKeys.REFUND_IDS, AttributeValue.fromSs(order.refunds().stream()
                    .map(com.ordertracking.shared.domain.PartialRefund::refundId).toList()));
        }
        delayRules.dueAt(order).ifPresent(due -> {
            item.put(TableKeys.DUE_PK, AttributeValue.fromS(TableKeys.duePk(TableKeys.dueShard(order.orderId()))));
            item.put(TableKeys.DUE_SK, AttributeValue.fromS(TableKeys.dueSortKey(due, order.orderId())));
        });
        return item;
    }

    /** Reads an order item (from a query, a get or a stream image). */
    public static Order toOrder(Map<String, AttributeValue> item) {
        return toOrder(AttributeValues.toObject(item));
    }

    /**
     * Reads an order item already converted to JSON (e.g. a stream image, see {@link StreamImages}):
     * the storage attributes (keys, index keys, entity) are dropped, the rest is the {@link Order}.
     */
    public static Order toOrder(ObjectNode item) {
        ObjectNode json = item.deepCopy();
        json.remove(STORAGE_ATTRIBUTES);
        return Json.convert(json, Order.class);
    }

    /** Whether an item (as JSON) is an order, as opposed to a timeline entry, registration, preference... */
    public static boolean isOrderItem(ObjectNode item) {
        return ORDER_ENTITY.equals(item.path(TableKeys.ENTITY).asText(null));
    }

    static Map<String, AttributeValue> timelineItem(String orderId, TimelineEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(entry)));
        item.put(PK, AttributeValue.fromS(TableKeys.orderPk(orderId)));
        item.put(SK, AttributeValue.fromS(TableKeys.timelineSortKey(entry.at(), entry.entryId())));
        item.put(TableKeys.ENTITY, AttributeValue.fromS("TimelineEntry"));
        return item;
    }

    /** Reads a timeline entry item. */
    static TimelineEntry toTimelineEntry(Map<String, AttributeValue> item) {
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(STORAGE_ATTRIBUTES);
        return Json.convert(json, TimelineEntry.class);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
