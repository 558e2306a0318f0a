package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code POST /orders/{orderId}/cancel {reason}}: cancel before shipping (409 after); {@code If-Match} optional. */
public final class CancelOrderHandler extends ApiHandler {
    private final OrderLifecycleService orders;
    private final OrderViews views;

    public CancelOrderHandler() {
        this(Components.fromEnvironment());
    }

    private CancelOrderHandler(Components components) {
        this(components.lifecycle(), new OrderViews(components.trackingLinks()));
    }

    public CancelOrderHandler(OrderLifecycleService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        String orderId = request.pathParameter("orderId");
        String reason = OrderBodies.cancelReason(request.jsonBody());
        Order order = orders.cancel(sellerId, orderId, reason, IfMatch.version(request));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}
