package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/**
 * {@code POST /orders/{orderId}/refund}: refund a cancelled order or a received return, once (the
 * second time is 409). No body; the amount is computed (see OrderLifecycleService#refundAmount).
 */
public final class RefundOrderHandler extends ApiHandler {
    private final OrderLifecycleService orders;
    private final OrderViews views;

    public RefundOrderHandler() {
        this(Components.fromEnvironment());
    }

    private RefundOrderHandler(Components components) {
        this(components.lifecycle(), new OrderViews(components.trackingLinks()));
    }

    public RefundOrderHandler(OrderLifecycleService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Order order = orders.refund(sellerId, request.pathParameter("orderId"), IfMatch.version(request));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}
