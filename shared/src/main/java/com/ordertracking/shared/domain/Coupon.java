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
 * Loyalty and bundle conditions: {@code minDeliveredOrders} (the buyer's earlier delivered orders with
 * this seller; null = none) and {@code minSubtotal} (the order's subtotal before discount and shipping,
 * in {@code currency}; null = none).
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
        String buyerId,
        Integer minDeliveredOrders,
        BigDecimal minSubtotal) {

    /** A coupon without loyalty or subtotal conditions (the shape before those existed). */
    public Coupon(String sellerId, String code, String description, BigDecimal percentOff, BigDecimal amountOff,
            String currency, Instant validFrom, Instant validUntil, int minQuantity, Integer maxRedemptions,
            Integer maxRedemptionsPerBuyer, long redemptions, Instant createdAt, String buyerId) {
        this(sellerId, code, description, percentOff, amountOff, currency, validFrom, validUntil, minQuantity,
                maxRedemptions, maxRedemptionsPerBuyer, redemptions, createdAt, buyerId, null, null);
    }

    /**
     * Why a coupon cannot be used: the kind names the problem type at the API, {@code condition} the
     * coupon field whose rule failed ({@code validUntil}, {@code minQuantity}, {@code minDeliveredOrders}...).
     */
    public record Refusal(Kind kind, String condition, String detail) {
        public enum Kind { NOT_YET_VALID, EXPIRED, EXHAUSTED, BUYER_LIMIT_REACHED, NOT_APPLICABLE }
    }

    /**
     * The order a coupon is asked to discount: its currency, units, subtotal (before discount and shipping),
     * buyer, and that buyer's delivered orders with this seller so far.
     */
    public record Purchase(String currency, int totalQuantity, BigDecimal subtotal, String buyerId,
            long deliveredOrders) {
    }

    /** Whether the coupon rewards loyalty (needs earlier delivered orders). */
    public boolean rewardsLoyalty() {
        return minDeliveredOrders != null && minDeliveredOrders > 0;
    }

    /** Why this coupon cannot be used for {@code purchase}, if it cannot: every condition, in a fixed order. */
    public java.util.Optional<Refusal> refusalFor(Instant now, Purchase purchase) {
        java.util.Optional<Refusal> basic = refusalFor(now, purchase.currency(), purchase.totalQuantity(),
                purchase.buyerId());
        if (basic.isPresent()) {
            return basic;
        }
        java.util.Optional<Refusal> subtotal = subtotalRefusal(purchase.currency(), purchase.subtotal());
        if (subtotal.isPresent()) {
            return subtotal;
        }
        return loyaltyRefusal(purchase.deliveredOrders());
    }

    /** The subtotal rule: at least {@code minSubtotal}, in the coupon's currency. */
    public java.util.Optional<Refusal> subtotalRefusal(String orderCurrency, BigDecimal subtotal) {
        if (minSubtotal == null) {
            return java.util.Optional.empty();
        }
        if (!currency.equals(orderCurrency)) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "minSubtotal", "Coupon " + code + " needs a subtotal of "
                    + minSubtotal.toPlainString() + " " + currency + " and cannot be applied to an order in "
                    + orderCurrency);
        }
        if (subtotal.compareTo(minSubtotal) < 0) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "minSubtotal", "Coupon " + code + " needs a subtotal of at least "
                    + minSubtotal.toPlainString() + " " + currency + "; this order's is " + subtotal.toPlainString());
        }
        return java.util.Optional.empty();
    }

    /** The loyalty rule: at least {@code minDeliveredOrders} earlier orders from this seller delivered to the buyer. */
    public java.util.Optional<Refusal> loyaltyRefusal(long deliveredOrders) {
        if (rewardsLoyalty() && deliveredOrders < minDeliveredOrders) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "minDeliveredOrders", "Coupon " + code + " is for buyers with at least "
                    + minDeliveredOrders + " delivered order(s) from this shop; this buyer has " + deliveredOrders);
        }
        return java.util.Optional.empty();
    }

    /** Why this coupon cannot be used for an order, if it cannot (the buyer restriction is not checked). */
    public java.util.Optional<Refusal> refusalFor(Instant now, String orderCurrency, int totalQuantity) {
        return refusalFor(now, orderCurrency, totalQuantity, null);
    }

    /** Why this coupon cannot be used for an order placed for {@code orderBuyerId}, if it cannot. */
    public java.util.Optional<Refusal> refusalFor(Instant now, String orderCurrency, int totalQuantity,
            String orderBuyerId) {
        if (buyerId != null && !buyerId.equals(orderBuyerId)) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "buyerId", "Coupon " + code + " is reserved for another buyer");
        }
        if (now.isBefore(validFrom)) {
            return refuse(Refusal.Kind.NOT_YET_VALID, "validFrom", "Coupon " + code + " is not valid before " + validFrom);
        }
        if (!now.isBefore(validUntil)) {
            return refuse(Refusal.Kind.EXPIRED, "validUntil", "Coupon " + code + " expired at " + validUntil);
        }
        if (maxRedemptions != null && redemptions >= maxRedemptions) {
            return refuse(Refusal.Kind.EXHAUSTED, "maxRedemptions", exhaustedDetail());
        }
        if (amountOff != null && !currency.equals(orderCurrency)) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "currency", "Coupon " + code + " is in " + currency
                    + " and cannot be applied to an order in " + orderCurrency);
        }
        return quantityRefusal(totalQuantity);
    }

    /** The bundle rule alone (also checked when a seller edits the items of an order that used the coupon). */
    public java.util.Optional<Refusal> quantityRefusal(int totalQuantity) {
        if (totalQuantity < minQuantity) {
            return refuse(Refusal.Kind.NOT_APPLICABLE, "minQuantity", "Coupon " + code + " needs at least " + minQuantity
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

    private static java.util.Optional<Refusal> refuse(Refusal.Kind kind, String condition, String detail) {
        return java.util.Optional.of(new Refusal(kind, condition, detail));
    }

    public Pricing.DiscountRequest discountRequest() {
        return new Pricing.DiscountRequest(code, description, percentOff, amountOff);
    }
}
