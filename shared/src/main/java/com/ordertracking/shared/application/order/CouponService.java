package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.domain.Coupon;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Sellers' coupons: {@code POST /coupons}. Redemption happens when an order names the code. */
public final class CouponService {
    private final CouponRepository coupons;
    private final Clock clock;

    public CouponService(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    /** Stores the coupon (valid from now unless the request says otherwise); a taken code is a conflict. */
    public Coupon create(String sellerId, NewCoupon request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant validFrom = request.validFrom() == null ? now : request.validFrom();
        Instant validUntil = request.validUntil();
        Coupon coupon = new Coupon(sellerId, request.code(), request.description(), request.percentOff(),
                request.amountOff(), request.currency() == null ? null : request.currency().getCurrencyCode(),
                validFrom, validUntil, request.minQuantity(), request.maxRedemptions(),
                request.maxRedemptionsPerBuyer(), 0, now, null, request.minDeliveredOrders(), request.minSubtotal());
        if (!coupons.create(coupon)) {
            throw new ConflictException("coupon-code-taken",
                    "You already have a coupon with code " + request.code() + "; choose another code");
        }
        return coupon;
    }
}
