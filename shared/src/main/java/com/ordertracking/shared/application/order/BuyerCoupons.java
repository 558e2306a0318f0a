package com.ordertracking.shared.application.order;

import com.ordertracking.shared.domain.Coupon;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The bounded coupon reads behind {@code GET /me/coupons} (keys in docs/data-model.md, "Coupons a buyer can use"). */
public interface BuyerCoupons {

    /** Coupons reserved for the buyer (goodwill) that have not expired at {@code now}, soonest expiry first. */
    List<Coupon> reservedFor(String buyerId, Instant now, int limit);

    /** A seller's loyalty offers (coupons with {@code minDeliveredOrders}) that have not expired at {@code now}. */
    List<Coupon> loyaltyOffers(String sellerId, Instant now, int limit);

    /** How often the buyer redeemed each of {@code coupons}, keyed by {@link #key(Coupon)}; absent = never. */
    Map<String, Long> redemptionsBy(String buyerId, List<Coupon> coupons);

    static String key(Coupon coupon) {
        return coupon.sellerId() + "#" + coupon.code();
    }
}
