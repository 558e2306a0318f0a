package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.application.order.NewOrder;
import com.ordertracking.shared.application.order.OrderService;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code POST /orders}: a seller creates an order; {@code Idempotency-Key} makes retries safe. */
public final class CreateOrderHandler extends ApiHandler {
    private final OrderService orders;
    private final OrderViews views;

    public CreateOrderHandler() {
        this(Components.fromEnvironment());
    }

    private CreateOrderHandler(Components components) {
        this(components.orders(), new OrderViews(components.trackingLinks()));
    }

    public CreateOrderHandler(OrderService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        NewOrder newOrder = OrderBodies.newOrder(request.jsonBody());
        OrderService.Created created = orders.create(sellerId, newOrder,
                request.header("Idempotency-Key").orElse(null));
        var order = created.order();
        return ApiResponses.json(201, views.of(order), Map.of(
                "location", "/orders/" + order.orderId(),
                "etag", ApiResponses.etag(order.version()),
                "idempotent-replayed", Boolean.toString(created.replayed())));
    }
}
