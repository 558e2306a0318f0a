package com.ordertracking.shared.application.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * A validated {@code POST /coupons} request; {@code validFrom} null means "now"; {@code minDeliveredOrders}
 * and {@code minSubtotal} (in {@code currency}) null mean "no such condition".
 */
public record NewCoupon(String code, String description, BigDecimal percentOff, BigDecimal amountOff,
        Currency currency, Instant validFrom, Instant validUntil, int minQuantity, Integer maxRedemptions,
        Integer maxRedemptionsPerBuyer, Integer minDeliveredOrders, BigDecimal minSubtotal) {
}
