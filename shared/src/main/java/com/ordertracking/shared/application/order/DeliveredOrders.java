package com.ordertracking.shared.application.order;

import java.util.Map;

/**
 * The exact per buyer × seller count of delivered orders (loyalty coupons' {@code minDeliveredOrders}),
 * maintained in the transaction that makes an order DELIVERED (docs/data-model.md, "Delivered counters").
 */
public interface DeliveredOrders {

    /** How many orders from {@code sellerId} have been delivered to {@code buyerId} (0 when none). */
    long count(String buyerId, String sellerId);

    /** The buyer's non-zero counters by seller: at most {@code limit}, most recent delivery first. */
    Map<String, Long> bySeller(String buyerId, int limit);

    /** No counters: every buyer has no delivered orders. */
    static DeliveredOrders none() {
        return new DeliveredOrders() {
            @Override
            public long count(String buyerId, String sellerId) {
                return 0;
            }

            @Override
            public Map<String, Long> bySeller(String buyerId, int limit) {
                return Map.of();
            }
        };
    }
}
