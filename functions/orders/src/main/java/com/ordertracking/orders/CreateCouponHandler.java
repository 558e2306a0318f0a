package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.CouponService;

/**
 * {@code POST /coupons}: a seller's coupon (percent or amount off, validity window, minimum
 * quantity, overall and per-buyer limits); a code the seller already has is 409.
 */
public final class CreateCouponHandler extends ApiHandler {
    private final CouponService coupons;

    public CreateCouponHandler() {
        this(CouponService.fromEnvironment());
    }

    public CreateCouponHandler(CouponService coupons) {
        this.coupons = coupons;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Coupon coupon = coupons.create(sellerId, request.jsonBody());
        return ApiResponses.json(201, coupon);
    }
}
