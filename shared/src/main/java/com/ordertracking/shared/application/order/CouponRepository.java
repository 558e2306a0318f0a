package com.ordertracking.shared.application.order;

import com.ordertracking.shared.domain.Coupon;
import java.util.Optional;

/** Storage of coupons; redemptions are counted by {@link OrderRepository#create} in the order's transaction. */
public interface CouponRepository {

    /** Stores a new coupon; false when the seller already has a coupon with this code. */
    boolean create(Coupon coupon);

    Optional<Coupon> find(String sellerId, String code);

    /** A repository without coupons, for services that never redeem any. */
    static CouponRepository none() {
        return new CouponRepository() {
            @Override
            public boolean create(Coupon coupon) {
                throw new UnsupportedOperationException("No coupon storage configured");
            }

            @Override
            public Optional<Coupon> find(String sellerId, String code) {
                return Optional.empty();
            }
        };
    }
}
