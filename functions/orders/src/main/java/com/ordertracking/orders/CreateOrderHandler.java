package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.NewOrder;
import com.ordertracking.shared.orders.OrderService;
import java.util.Map;

/** {@code POST /orders}: a seller creates an order; {@code Idempotency-Key} makes retries safe. */
public final class CreateOrderHandler extends ApiHandler {
    private final OrderService orders;
    private final OrderViews views;

    public CreateOrderHandler() {
        this(OrderService.fromEnvironment(), OrderViews.fromEnvironment());
    }

    public CreateOrderHandler(OrderService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        NewOrder newOrder = NewOrder.parse(request.jsonBody());
        OrderService.Created created = orders.create(sellerId, newOrder,
                request.header("Idempotency-Key").orElse(null));
        var order = created.order();
        return ApiResponses.json(201, views.of(order), Map.of(
                "location", "/orders/" + order.orderId(),
                "etag", ApiResponses.etag(order.version()),
                "idempotent-replayed", Boolean.toString(created.replayed())));
    }
}
