package com.ordertracking.shared.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A goodwill gesture a seller made to the buyer of an order (today: a one-use coupon after a
 * delay). Kept on the order so the outbox sees it in the stream image and tells the buyer.
 *
 * @param type       {@code coupon}
 * @param couponCode the generated code, redeemable once by this order's buyer
 * @param percentOff or {@code amountOff} (then in {@code currency}): exactly one is set
 */
public record Compensation(
        String type,
        String couponCode,
        BigDecimal percentOff,
        BigDecimal amountOff,
        String currency,
        Instant validUntil,
        Instant offeredAt) {

    public static final String COUPON = "coupon";
}
