package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code POST /orders/{orderId}/cancel {reason}}: cancel before shipping (409 after); {@code If-Match} optional. */
public final class CancelOrderHandler extends ApiHandler {
    private final OrderLifecycleService orders;

    public CancelOrderHandler() {
        this(Components.fromEnvironment().lifecycle());
    }

    public CancelOrderHandler(OrderLifecycleService orders) {
        this.orders = orders;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        String orderId = request.pathParameter("orderId");
        String reason = OrderBodies.cancelReason(request.jsonBody());
        Order order = orders.cancel(sellerId, orderId, reason, IfMatch.version(request));
        return ApiResponses.json(200, order, Map.of("etag", ApiResponses.etag(order.version())));
    }
}
