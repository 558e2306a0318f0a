package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.application.order.OrderEdit;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/**
 * {@code PATCH /orders/{orderId}}: a new shipping address and/or items (re-priced) before shipping.
 * {@code If-Match} is required (428 without it) so that an edit never overwrites a change the seller
 * has not seen; a stale ETag is 412; after shipping it is 409.
 */
public final class UpdateOrderHandler extends ApiHandler {
    private final OrderLifecycleService orders;
    private final OrderViews views;

    public UpdateOrderHandler() {
        this(Components.fromEnvironment());
    }

    private UpdateOrderHandler(Components components) {
        this(components.lifecycle(), new OrderViews(components.trackingLinks()));
    }

    public UpdateOrderHandler(OrderLifecycleService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        String orderId = request.pathParameter("orderId");
        OrderEdit edit = OrderBodies.edit(request.jsonBody());
        long expectedVersion = IfMatch.requiredVersion(request);
        Order order = orders.edit(sellerId, orderId, edit, expectedVersion);
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}
