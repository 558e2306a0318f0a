package com.ordertracking.buyers;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.seller.SellerSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One line of a buyer's order history: date, seller (and the shop name the order copied from the seller's
 * profile; absent for orders placed before the seller had one), total, status and the first few items.
 */
record OrderSummary(String orderId, Instant createdAt, String sellerId, String sellerDisplayName, OrderStatus status,
        String currency, BigDecimal total, int itemCount, List<Item> firstItems) {

    static final int FIRST_ITEMS = 3;

    record Item(String sku, String name, int quantity) {
    }

    static OrderSummary of(Order order) {
        return new OrderSummary(order.orderId(), order.createdAt(), order.sellerId(),
                SellerSnapshot.displayNameOf(order.seller()), order.status(),
                order.currency(), order.totals().total(), order.items().size(),
                order.items().stream().limit(FIRST_ITEMS)
                        .map(item -> new Item(item.sku(), item.name(), item.quantity())).toList());
    }
}
