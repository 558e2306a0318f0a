package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.application.order.BuyerCouponService;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.wiring.Components;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /me/coupons}: the coupons the buyer can use now — goodwill coupons reserved for it and loyalty
 * offers it qualifies for — with their conditions and expiry (bounded reads, no Scan: docs/data-model.md).
 */
public final class ListMyCouponsHandler extends ApiHandler {
    private final BuyerCouponService coupons;

    public ListMyCouponsHandler() {
        this(Components.fromEnvironment().buyerCoupons());
    }

    public ListMyCouponsHandler(BuyerCouponService coupons) {
        this.coupons = coupons;
    }

    record Conditions(int minQuantity, BigDecimal minSubtotal, Integer minDeliveredOrders) {
    }

    /** One usable coupon: {@code kind} is {@code goodwill} or {@code loyalty}; {@code remainingUses} absent = unlimited. */
    record CouponView(String kind, String sellerId, String code, String description, BigDecimal percentOff,
            BigDecimal amountOff, String currency, Instant validFrom, Instant validUntil, Conditions conditions,
            Long remainingUses) {

        static CouponView of(BuyerCouponService.Available available) {
            Coupon c = available.coupon();
            return new CouponView(available.kind().name().toLowerCase(Locale.ROOT), c.sellerId(), c.code(),
                    c.description(), c.percentOff(), c.amountOff(), c.currency(), c.validFrom(), c.validUntil(),
                    new Conditions(c.minQuantity(), c.minSubtotal(), c.minDeliveredOrders()), available.remainingUses());
        }
    }

    record Coupons(List<CouponView> items) {
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        return ApiResponses.json(200, new Coupons(coupons.available(buyerId).stream().map(CouponView::of).toList()));
    }
}
