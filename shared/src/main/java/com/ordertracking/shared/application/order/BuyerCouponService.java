package com.ordertracking.shared.application.order;

import com.ordertracking.shared.domain.Coupon;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /me/coupons}: the coupons a buyer can use now — goodwill coupons reserved for it and the loyalty
 * offers of sellers whose delivered-order count it has reached — with their conditions and expiry. No Scan:
 * one Query for the reserved coupons, one for the buyer's delivered counters, one per seller with deliveries
 * (at most {@link #MAX_SELLERS}, the most recently delivered first) and one BatchGetItem for the per-buyer
 * redemption counts. Conditions that depend on the order itself (minimum quantity or subtotal) are shown,
 * not checked: they are met or not at checkout.
 */
public final class BuyerCouponService {
    /** Coupons per source read at most; a buyer has few, a seller's loyalty catalogue is short. */
    public static final int MAX_COUPONS = 50;
    /** Sellers whose loyalty offers are read at most (the ones that delivered to the buyer most recently). */
    public static final int MAX_SELLERS = 25;

    private final BuyerCoupons coupons;
    private final DeliveredOrders delivered;
    private final Clock clock;

    public BuyerCouponService(BuyerCoupons coupons, DeliveredOrders delivered, Clock clock) {
        this.coupons = coupons;
        this.delivered = delivered;
        this.clock = clock;
    }

    /** Why the buyer has the coupon. */
    public enum Kind { GOODWILL, LOYALTY }

    /** A coupon the buyer can use now; {@code remainingUses} null = unlimited. */
    public record Available(Kind kind, Coupon coupon, Long remainingUses) {
    }

    public List<Available> available(String buyerId) {
        Instant now = clock.instant();
        List<Coupon> candidates = new ArrayList<>(coupons.reservedFor(buyerId, now, MAX_COUPONS));
        Map<String, Long> deliveredBySeller = delivered.bySeller(buyerId, MAX_SELLERS);
        deliveredBySeller.forEach((sellerId, count) -> coupons.loyaltyOffers(sellerId, now, MAX_COUPONS).stream()
                .filter(offer -> offer.buyerId() == null && offer.loyaltyRefusal(count).isEmpty())
                .forEach(candidates::add));
        Map<String, Long> used = candidates.isEmpty() ? Map.of() : coupons.redemptionsBy(buyerId, candidates);
        List<Available> result = new ArrayList<>();
        for (Coupon coupon : candidates) {
            Long remaining = remainingUses(coupon, used.getOrDefault(BuyerCoupons.key(coupon), 0L));
            if (usableNow(coupon, buyerId, now) && (remaining == null || remaining > 0)) {
                result.add(new Available(coupon.buyerId() == null ? Kind.LOYALTY : Kind.GOODWILL, coupon, remaining));
            }
        }
        result.sort(Comparator.comparing((Available a) -> a.coupon().validUntil())
                .thenComparing(a -> a.coupon().code()));
        return List.copyOf(result);
    }

    /** Valid now, not used up overall, for this buyer (the order-dependent conditions are the buyer's to meet). */
    private static boolean usableNow(Coupon coupon, String buyerId, Instant now) {
        return coupon.refusalFor(now, coupon.currency(), Integer.MAX_VALUE, buyerId).isEmpty();
    }

    private static Long remainingUses(Coupon coupon, long usedByBuyer) {
        Long overall = coupon.maxRedemptions() == null ? null : coupon.maxRedemptions() - coupon.redemptions();
        Long perBuyer = coupon.maxRedemptionsPerBuyer() == null ? null : coupon.maxRedemptionsPerBuyer() - usedByBuyer;
        if (overall == null) {
            return perBuyer;
        }
        return perBuyer == null ? overall : Math.min(overall, perBuyer);
    }
}
