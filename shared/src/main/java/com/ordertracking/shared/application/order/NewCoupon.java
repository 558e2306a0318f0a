package com.ordertracking.shared.application.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/** A validated {@code POST /coupons} request; {@code validFrom} null means "now". */
public record NewCoupon(String code, String description, BigDecimal percentOff, BigDecimal amountOff,
        Currency currency, Instant validFrom, Instant validUntil, int minQuantity, Integer maxRedemptions,
        Integer maxRedemptionsPerBuyer) {
}
