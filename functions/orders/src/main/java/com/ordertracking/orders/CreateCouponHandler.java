package com.ordertracking.orders;

import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.wiring.Components;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.application.order.CouponService;

/**
 * {@code POST /coupons}: a seller's coupon (percent or amount off, validity window, minimum
 * quantity, overall and per-buyer limits); a code the seller already has is 409.
 */
public final class CreateCouponHandler extends ApiHandler {
    private final CouponService coupons;

    public CreateCouponHandler() {
        this(Components.fromEnvironment().couponService());
    }

    public CreateCouponHandler(CouponService coupons) {
        this.coupons = coupons;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Coupon coupon = coupons.create(sellerId, OrderBodies.coupon(request.jsonBody()));
        return ApiResponses.json(201, coupon);
    }
}
