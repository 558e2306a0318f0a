package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.FulfilmentService;
import java.util.Map;

/**
 * {@code POST /orders/{orderId}/ship} {@code {carrier, trackingNumber, estimatedDelivery?}}: PROCESSED →
 * SHIPPED, registering the tracking number to this order (another order's number is a 409).
 */
public final class ShipOrderHandler extends ApiHandler {
    private final FulfilmentService fulfilment;
    private final OrderViews views;

    public ShipOrderHandler() {
        this(FulfilmentService.fromEnvironment(), OrderViews.fromEnvironment());
    }

    public ShipOrderHandler(FulfilmentService fulfilment, OrderViews views) {
        this.fulfilment = fulfilment;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Order order = fulfilment.ship(sellerId, request.pathParameter("orderId"), request.jsonBody(),
                request.header("If-Match"));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}
