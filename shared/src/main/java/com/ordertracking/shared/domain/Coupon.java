package com.ordertracking.shared.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A seller's coupon: {@code percentOff} or {@code amountOff} (then in {@code currency}), valid in
 * {@code [validFrom, validUntil)}, for orders with at least {@code minQuantity} units (a bundle
 * discount), redeemable {@code maxRedemptions} times overall and {@code maxRedemptionsPerBuyer}
 * times per buyer (null = unlimited). {@code redemptions} is the exact count, kept by conditional
 * updates in the same transaction as the order that redeems it. Codes are upper case.
 * {@code buyerId}, when set, reserves the coupon for that one buyer (goodwill coupons after a delay).
 */
public record Coupon(
        String sellerId,
        String code,
        String description,
        BigDecimal percentOff,
        BigDecimal amountOff,
        String currency,
        Instant validFrom,
        Instant validUntil,
        int minQuantity,
        Integer maxRedemptions,
        Integer maxRedemptionsPerBuyer,
        long redemptions,
        Instant createdAt,
        String buyerId) {

    /** Why a coupon cannot be used: the kind names the problem type at the API. */
    public record Refusal(Kind kind, String detail) {
        public enum Kind { NOT_YET_VALID, EXPIRED, EXHAUSTED, BUYER_LIMIT_REACHED, NOT_APPLICABLE }
    }

    /** Why this coupon cannot be used for an order, if it cannot (the buyer restriction is not checked). */
    public java.util.Optional<Refusal> refusalFor(Instant now, String orderCurrency, int totalQuantity) {
        return refusalFor(now, orderCurrency, totalQuantity, null);
    }

    /** Why this coupon cannot be used for an order placed for {@code orderBuyerId}, if it cannot. */
    public java.util.Optional<Refusal> refusalFor(Instant now, String orderCurrency, int totalQuantity,
            String orderBuyerId) {
        if (buyerId != null && !buyerId.equals(orderBuyerId)) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "Coupon " + code + " is reserved for another buyer");
        }
        if (now.isBefore(validFrom)) {
            return refuse(Refusal.Kind.NOT_YET_VALID, "Coupon " + code + " is not valid before " + validFrom);
        }
        if (!now.isBefore(validUntil)) {
            return refuse(Refusal.Kind.EXPIRED, "Coupon " + code + " expired at " + validUntil);
        }
        if (maxRedemptions != null && redemptions >= maxRedemptions) {
            return refuse(Refusal.Kind.EXHAUSTED, exhaustedDetail());
        }
        if (amountOff != null && !currency.equals(orderCurrency)) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "Coupon " + code + " is in " + currency
                    + " and cannot be applied to an order in " + orderCurrency);
        }
        return quantityRefusal(totalQuantity);
    }

    /** The bundle rule alone (also checked when a seller edits the items of an order that used the coupon). */
    public java.util.Optional<Refusal> quantityRefusal(int totalQuantity) {
        if (totalQuantity < minQuantity) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "Coupon " + code + " needs at least " + minQuantity
                    + " items in the order; it has " + totalQuantity);
        }
        return java.util.Optional.empty();
    }

    public String exhaustedDetail() {
        return "Coupon " + code + " has been redeemed the maximum " + maxRedemptions + " times";
    }

    public String buyerLimitDetail() {
        return "Coupon " + code + " can be redeemed at most " + maxRedemptionsPerBuyer + " time(s) per buyer";
    }

    private static java.util.Optional<Refusal> refuse(Refusal.Kind kind, String detail) {
        return java.util.Optional.of(new Refusal(kind, detail));
    }

    public Pricing.DiscountRequest discountRequest() {
        return new Pricing.DiscountRequest(code, description, percentOff, amountOff);
    }
}
