package com.ordertracking.buyers;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One line of a buyer's order history: date, seller, total, status and the first few items. */
record OrderSummary(String orderId, Instant createdAt, String sellerId, OrderStatus status, String currency,
        BigDecimal total, int itemCount, List<Item> firstItems) {

    static final int FIRST_ITEMS = 3;

    record Item(String sku, String name, int quantity) {
    }

    static OrderSummary of(Order order) {
        return new OrderSummary(order.orderId(), order.createdAt(), order.sellerId(), order.status(),
                order.currency(), order.totals().total(), order.items().size(),
                order.items().stream().limit(FIRST_ITEMS)
                        .map(item -> new Item(item.sku(), item.name(), item.quantity())).toList());
    }
}
