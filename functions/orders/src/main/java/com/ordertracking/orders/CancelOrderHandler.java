package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.http.IfMatch;
import com.ordertracking.shared.orders.OrderLifecycleService;
import com.ordertracking.shared.validation.JsonFields;
import java.util.Map;
import java.util.Set;

/** {@code POST /orders/{orderId}/cancel {reason}}: cancel before shipping (409 after); {@code If-Match} optional. */
public final class CancelOrderHandler extends ApiHandler {
    private final OrderLifecycleService orders;
    private final OrderViews views;

    public CancelOrderHandler() {
        this(OrderLifecycleService.fromEnvironment(), OrderViews.fromEnvironment());
    }

    public CancelOrderHandler(OrderLifecycleService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        String orderId = request.pathParameter("orderId");
        JsonFields body = JsonFields.root(request.jsonBody());
        body.throwIfInvalid();
        body.rejectUnknown(Set.of("reason"));
        String reason = body.requiredText("reason", 500);
        body.throwIfInvalid();
        Order order = orders.cancel(sellerId, orderId, reason, IfMatch.version(request));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}
