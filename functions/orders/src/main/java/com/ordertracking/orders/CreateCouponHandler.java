package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.application.order.CouponService;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.wiring.Components;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code POST /coupons}: a seller's coupon (percent or amount off, validity window, minimum
 * quantity, overall and per-buyer limits); a code the seller already has is 409.
 */
public final class CreateCouponHandler extends ApiHandler {
    private final CouponService coupons;
    private final Clock clock;

    public CreateCouponHandler() {
        this(Components.fromEnvironment());
    }

    private CreateCouponHandler(Components components) {
        this(components.couponService(), components.clock());
    }

    /** {@code clock} tells the body's validity window from the past (the one 400 names every mistake). */
    public CreateCouponHandler(CouponService coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Coupon coupon = coupons.create(sellerId, OrderBodies.coupon(request.jsonBody(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return ApiResponses.json(201, coupon);
    }
}
